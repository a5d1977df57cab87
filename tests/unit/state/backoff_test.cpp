#include "surfzone/state/backoff.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

namespace surfzone::state {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(Backoff, BaseIsTimeoutOrSixteenthOfInterval) {
  EXPECT_EQ(BackoffBase(seconds(30), seconds(2)), seconds(2));
  EXPECT_EQ(BackoffBase(seconds(60), seconds(2)), milliseconds(3750));
  EXPECT_EQ(BackoffBase(seconds(0), seconds(0)), milliseconds(1));
}

TEST(Backoff, DoublesFromBaseUpToInterval) {
  const std::vector<milliseconds> want = {seconds(30), seconds(2),  seconds(4), seconds(8),
                                          seconds(16), seconds(30), seconds(30)};
  for (int n = 0; n < static_cast<int>(want.size()); ++n) {
    EXPECT_EQ(NextPollDelay(seconds(30), seconds(2), n), want[n]) << "failures " << n;
  }
}

TEST(Backoff, ReachesIntervalWithinFiveFailuresWhenTimeoutIsSmall) {
  const milliseconds interval = seconds(60);
  const std::vector<milliseconds> want = {milliseconds(3750), milliseconds(7500), seconds(15),
                                          seconds(30), seconds(60)};
  for (int n = 1; n <= 5; ++n) {
    EXPECT_EQ(NextPollDelay(interval, milliseconds(500), n), want[n - 1]) << "failures " << n;
  }
}

TEST(Backoff, TimeoutLongerThanIntervalIsCapped) {
  EXPECT_EQ(NextPollDelay(seconds(10), seconds(20), 1), seconds(10));
}

TEST(Backoff, HugeFailureCountDoesNotOverflow) {
  EXPECT_EQ(NextPollDelay(seconds(30), seconds(2), 1'000'000'000), seconds(30));
}

TEST(Backoff, StateSequenceAndResetOnSuccess) {
  Backoff b;
  EXPECT_EQ(b.NextDelay(seconds(30), seconds(2)), seconds(30));
  b.RecordFailure();
  EXPECT_EQ(b.NextDelay(seconds(30), seconds(2)), seconds(2));
  b.RecordFailure();
  b.RecordFailure();
  EXPECT_EQ(b.consecutive_failures, 3);
  EXPECT_EQ(b.NextDelay(seconds(30), seconds(2)), seconds(8));
  b.RecordSuccess();
  EXPECT_EQ(b.consecutive_failures, 0);
  EXPECT_EQ(b.NextDelay(seconds(30), seconds(2)), seconds(30));
}

TEST(Backoff, FailureCountSaturates) {
  Backoff b;
  b.consecutive_failures = Backoff::kMaxCount;
  b.RecordFailure();
  EXPECT_EQ(b.consecutive_failures, Backoff::kMaxCount);
}

}  // namespace
}  // namespace surfzone::state
