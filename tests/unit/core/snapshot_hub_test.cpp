// SnapshotHub: published snapshots never change while a reader holds them, storage is reused
// only once no reader does, concurrent readers on other threads share builds and always see
// whole snapshots (this test is also what the TSan build runs).
#include "surfzone/core/snapshot_hub.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace surfzone::core {
namespace {
namespace asio = boost::asio;
using std::chrono::milliseconds;

// Every AP of build n shows polls_total == n: a reader that sees two values in one snapshot saw
// it being rewritten.
struct CountingBuilder {
  std::uint64_t n = 0;
  std::size_t aps = 50;
  void operator()(state::Snapshot& s) {
    ++n;
    s.aps.resize(aps);
    for (auto& ap : s.aps) ap.polls_total = n;
  }
};

bool Whole(const state::Snapshot& s) {
  for (const auto& ap : s.aps) {
    if (ap.polls_total != s.aps.front().polls_total) return false;
  }
  return true;
}

TEST(SnapshotHub, HeldSnapshotIsNeverRewrittenAndStorageIsReusedAfterRelease) {
  asio::io_context io;
  CountingBuilder builder;
  SnapshotHub hub(io.get_executor(), std::ref(builder), milliseconds(0));
  EXPECT_EQ(hub.Latest(), nullptr);
  hub.BuildNow();
  const SnapshotHub::Ptr held = hub.Latest();
  ASSERT_NE(held, nullptr);
  hub.BuildNow();  // B: new; A, still held, is not recycled
  hub.BuildNow();  // nothing free: C is new; B, unheld, goes to the recycler
  EXPECT_EQ(hub.reused(), 0u);
  const state::Snapshot* b = nullptr;
  {
    // B is not held by anyone: the next build rewrites it.
    hub.BuildNow();
    b = hub.Latest().get();
  }
  EXPECT_EQ(hub.reused(), 1u);
  EXPECT_EQ(held->aps.front().polls_total, 1u) << "a held snapshot never changes";
  EXPECT_TRUE(Whole(*held));
  EXPECT_EQ(hub.Latest()->aps.front().polls_total, 4u);
  EXPECT_EQ(hub.builds(), 4u);
  const SnapshotHub::Ptr second = hub.Latest();  // B, now held
  hub.BuildNow();                                // C is free: reused
  EXPECT_EQ(hub.reused(), 2u);
  hub.BuildNow();  // B is held by `second` and C is published: a new one
  EXPECT_EQ(hub.reused(), 2u);
  EXPECT_EQ(second.get(), b);
  EXPECT_EQ(second->aps.front().polls_total, 4u);
  EXPECT_TRUE(Whole(*second));
}

TEST(SnapshotHub, FreshAnswersAtOnceWhenRecentAndBuildsOnThePollThreadOtherwise) {
  asio::io_context io;
  CountingBuilder builder;
  SnapshotHub hub(io.get_executor(), std::ref(builder), std::chrono::hours(1));
  hub.BuildNow();
  bool called = false;
  hub.Fresh([&](SnapshotHub::Ptr s) {
    called = true;
    EXPECT_EQ(s->aps.front().polls_total, 1u);
  });
  EXPECT_TRUE(called) << "a fresh snapshot is handed over at once, on the caller's thread";

  SnapshotHub stale_hub(io.get_executor(), std::ref(builder), milliseconds(0));
  std::vector<std::uint64_t> seen;
  for (int i = 0; i < 3; ++i) {
    stale_hub.Fresh([&](SnapshotHub::Ptr s) { seen.push_back(s->aps.front().polls_total); });
  }
  EXPECT_TRUE(seen.empty()) << "nothing built yet: the poll thread must build first";
  io.run();
  ASSERT_EQ(seen.size(), 3u);
  // Three requests made before any build share the first one.
  EXPECT_EQ(stale_hub.builds(), 1u);
  EXPECT_EQ(seen[0], seen[2]);
}

TEST(SnapshotHub, ConcurrentReadersSeeWholeSnapshotsInOrder) {
  asio::io_context io;
  auto work = asio::make_work_guard(io);
  CountingBuilder builder;
  builder.aps = 2000;
  SnapshotHub hub(io.get_executor(), std::ref(builder), milliseconds(0));
  std::thread poll([&] { io.run(); });
  std::atomic<bool> stop{false};
  // The poll thread also rebuilds on its own (as a reload does).
  std::thread rebuilder([&] {
    while (!stop) {
      asio::post(io, [&] { hub.BuildNow(); });
      std::this_thread::sleep_for(milliseconds(1));
    }
  });
  std::atomic<int> torn{0}, backwards{0}, answered{0};
  auto reader = [&] {
    std::uint64_t last = 0;
    for (int i = 0; i < 300; ++i) {
      std::promise<SnapshotHub::Ptr> got;  // the test thread may wait; the daemon never does
      hub.Fresh([&](SnapshotHub::Ptr s) { got.set_value(std::move(s)); });
      SnapshotHub::Ptr s = got.get_future().get();
      // Render it slowly, as a scrape does, while builds go on.
      for (int pass = 0; pass < 3; ++pass) {
        if (!Whole(*s)) ++torn;
      }
      if (s->aps.front().polls_total < last) ++backwards;
      last = s->aps.front().polls_total;
      ++answered;
    }
  };
  std::thread r1(reader), r2(reader);
  r1.join();
  r2.join();
  stop = true;
  rebuilder.join();
  work.reset();
  poll.join();
  EXPECT_EQ(answered.load(), 600);
  EXPECT_EQ(torn.load(), 0);
  EXPECT_EQ(backwards.load(), 0);
  EXPECT_GT(hub.reused(), 0u) << "released snapshots must be recycled";
}

}  // namespace
}  // namespace surfzone::core
