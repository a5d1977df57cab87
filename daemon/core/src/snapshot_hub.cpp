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
  const std::int64_t built = built_at_.load(std::memory_order_acquire);
  if (built != 0 && asked - built < max_age_ns_) {
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

SnapshotHub::Ptr SnapshotHub::Wrap(std::unique_ptr<state::Snapshot> snapshot) const {
  return Ptr(snapshot.release(), [recycler = recycler_](const state::Snapshot* done) {
    std::unique_ptr<state::Snapshot> owned(const_cast<state::Snapshot*>(done));
    {
      std::lock_guard lock(recycler->mutex);
      if (!recycler->free) {
        recycler->free = std::move(owned);
        return;
      }
    }
    // One is kept already: free this one here, outside the lock.
  });
}

void SnapshotHub::BuildNow() {
  std::unique_ptr<state::Snapshot> target;
  {
    std::lock_guard lock(recycler_->mutex);
    target = std::move(recycler_->free);
  }
  if (target) {
    ++reused_;
  } else {
    target = std::make_unique<state::Snapshot>();
  }
  build_(*target);
  ++builds_;
  Ptr next = Wrap(std::move(target));
  Ptr previous;
  {
    std::lock_guard lock(mutex_);
    previous = std::exchange(published_, std::move(next));
  }
  built_at_.store(Now(), std::memory_order_release);
  // `previous` goes here: to the recycler if no reader holds it, else when the last one is done.
}

SnapshotHub::Ptr SnapshotHub::Latest() const {
  std::lock_guard lock(mutex_);
  return published_;
}

}  // namespace surfzone::core
