#pragma once
/// Where the poll thread's snapshots meet their readers (/metrics, the API, the console).
///
/// The poll thread builds snapshots; nobody else touches the fleet. A published snapshot is
/// immutable: readers hold a std::shared_ptr<const Snapshot> for as long as they render it.
/// When the last reference to an unpublished snapshot goes (on whichever thread), its deleter
/// hands it back under a mutex, and the next build reuses its storage: a 20,000-AP fleet then
/// copies only what changed since that one was built (the per-AP change marks make that safe
/// for any older snapshot) instead of every AP. The mutex is the only synchronisation: no
/// reference counts are polled, no fences (which TSan cannot check).
///
/// A reader on another thread asks with Fresh(): when the published snapshot is recent it gets
/// it at once, on its own thread; else a build is posted to the poll thread and the reader's
/// continuation runs there once it is published (concurrent readers share one build). Readers
/// never wait: they pass a continuation that hands the result back to their own thread.

#include <atomic>
#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "surfzone/state/snapshot.hpp"

namespace surfzone::core {

class SnapshotHub {
 public:
  using Ptr = std::shared_ptr<const state::Snapshot>;
  /// Fills a snapshot; every field is overwritten (Fleet::BuildSnapshot(into)).
  using Builder = std::function<void(state::Snapshot&)>;

  /// `poll` runs `build`; a published snapshot younger than `max_age` is fresh.
  SnapshotHub(boost::asio::any_io_executor poll, Builder build,
              std::chrono::nanoseconds max_age = std::chrono::seconds(1));

  /// Any thread: calls `done` with a snapshot at most max_age old, either at once on the
  /// calling thread or later on the poll thread. If the poll loop has stopped, `done` is never
  /// called (the caller's own timeout answers).
  void Fresh(std::function<void(Ptr)> done);

  /// Poll thread: builds and publishes a snapshot now (e.g. after a reload).
  void BuildNow();

  /// Any thread: the latest published snapshot (null before the first build).
  Ptr Latest() const;

  /// Poll thread: builds so far, and how many reused an older snapshot's storage.
  std::uint64_t builds() const { return builds_; }
  std::uint64_t reused() const { return reused_; }

 private:
  static std::int64_t Now();

  boost::asio::any_io_executor poll_;
  Builder build_;
  const std::int64_t max_age_ns_;
  /// Snapshots no reference holds any more, kept (at most one) for the next build.
  struct Recycler {
    std::mutex mutex;
    std::unique_ptr<state::Snapshot> free;
  };
  Ptr Wrap(std::unique_ptr<state::Snapshot> snapshot) const;

  mutable std::mutex mutex_;  // guards published_ (the pointer only; never held while building)
  Ptr published_;
  std::atomic<std::int64_t> built_at_{0};  // steady clock ns of the latest build
  std::shared_ptr<Recycler> recycler_ = std::make_shared<Recycler>();
  std::uint64_t builds_ = 0, reused_ = 0;  // poll thread only
};

}  // namespace surfzone::core
