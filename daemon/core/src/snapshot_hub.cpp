#include "surfzone/core/snapshot_hub.hpp"

#include <boost/asio/post.hpp>
#include <utility>

namespace surfzone::core {

SnapshotHub::SnapshotHub(boost::asio::any_io_executor poll, Builder build,
                         std::chrono::nanoseconds max_age)
    : poll_(std::move(poll)), build_(std::move(build)), max_age_ns_(max_age.count()) {}

std::int64_t SnapshotHub::Now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void SnapshotHub::Fresh(std::function<void(Ptr)> done) {
  const std::int64_t asked = Now();
  if (built_at_.load(std::memory_order_acquire) != 0 &&
      asked - built_at_.load(std::memory_order_acquire) < max_age_ns_) {
    if (Ptr latest = Latest()) {
      done(std::move(latest));
      return;
    }
  }
  boost::asio::post(poll_, [this, asked, done = std::move(done)] {
    // A build that started after this request was made serves it too.
    if (built_at_.load(std::memory_order_relaxed) < asked || !Latest()) BuildNow();
    done(Latest());
  });
}

void SnapshotHub::BuildNow() {
  std::shared_ptr<state::Snapshot> target;
  // The spare is the snapshot published before the current one. use_count() == 1: no reader
  // holds it any more, and none can take it (it is no longer published).
  if (spare_ && spare_.use_count() == 1) {
    std::atomic_thread_fence(std::memory_order_acquire);  // the last reader's reads are done
    target = std::move(spare_);
    ++reused_;
  } else {
    spare_.reset();
    target = std::make_shared<state::Snapshot>();
  }
  build_(*target);
  ++builds_;
  Ptr previous;
  {
    std::lock_guard lock(mutex_);
    previous = std::exchange(published_, target);
  }
  built_at_.store(Now(), std::memory_order_release);
  spare_ = std::const_pointer_cast<state::Snapshot>(std::move(previous));
}

SnapshotHub::Ptr SnapshotHub::Latest() const {
  std::lock_guard lock(mutex_);
  return published_;
}

}  // namespace surfzone::core
