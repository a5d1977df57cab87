#include "surfzone/sim/sim_clock.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace surfzone::sim {
namespace {

TEST(SimClock, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(1000.0, 60.0);
  EXPECT_DOUBLE_EQ(clock.Now(), 1000.0);
  EXPECT_DOUBLE_EQ(clock.Now(), 1000.0);
  clock.Advance(30.5);
  EXPECT_DOUBLE_EQ(clock.Now(), 1030.5);
  clock.Set(5.0);
  EXPECT_DOUBLE_EQ(clock.Now(), 5.0);
  EXPECT_DOUBLE_EQ(clock.speed(), 60.0);
}

TEST(SimClock, AcceleratedClockRejectsSpeedOutsideRange) {
  EXPECT_THROW(AcceleratedClock(0, 0.5), std::invalid_argument);
  EXPECT_THROW(AcceleratedClock(0, 10001), std::invalid_argument);
  EXPECT_NO_THROW(AcceleratedClock(0, 1));
  EXPECT_NO_THROW(AcceleratedClock(0, 10000));
}

TEST(SimClock, AcceleratedClockStartsAtSimStartAndNeverGoesBack) {
  const double start = 1752325200.0;
  AcceleratedClock clock(start, 10000);
  const double a = clock.Now();
  const double b = clock.Now();
  EXPECT_GE(a, start);
  EXPECT_GE(b, a);
  EXPECT_LT(a - start, 10000.0 * 60);  // less than a real minute has passed
  EXPECT_EQ(clock.RealDelayUntil(start - 1), std::chrono::steady_clock::duration::zero());
  // 1e6 sim seconds ahead at speed 10000 is about 100 real seconds.
  const auto delay = clock.RealDelayUntil(start + 1e6);
  EXPECT_GT(delay, std::chrono::seconds(90));
  EXPECT_LE(delay, std::chrono::seconds(100));
}

TEST(SimClock, CurrentUnixSecondsIsPlausible) {
  EXPECT_GT(CurrentUnixSeconds(), 1.7e9);  // after 2023
}

}  // namespace
}  // namespace surfzone::sim
