#include "surfzone/state/location_state.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace surfzone::state {
namespace {

constexpr double kT0 = 1700000000.0;

TEST(LocationStatusOf, ClassifiesByApsUp) {
  EXPECT_EQ(StatusOf(0, 0), std::nullopt);
  EXPECT_EQ(StatusOf(-1, 0), std::nullopt);
  EXPECT_EQ(StatusOf(3, 3), LocationStatus::kUp);
  EXPECT_EQ(StatusOf(3, 2), LocationStatus::kDegraded);
  EXPECT_EQ(StatusOf(3, 1), LocationStatus::kDegraded);
  EXPECT_EQ(StatusOf(3, 0), LocationStatus::kDown);
  EXPECT_EQ(StatusOf(1, 1), LocationStatus::kUp);
  EXPECT_EQ(StatusOf(1, 0), LocationStatus::kDown);
  EXPECT_EQ(StatusOf(2, 5), LocationStatus::kUp);     // clamped
  EXPECT_EQ(StatusOf(2, -1), LocationStatus::kDown);  // clamped
}

TEST(LocationStatusOf, LabelNames) {
  EXPECT_EQ(std::string(ToString(LocationStatus::kUp)), "up");
  EXPECT_EQ(std::string(ToString(LocationStatus::kDegraded)), "degraded");
  EXPECT_EQ(std::string(ToString(LocationStatus::kDown)), "down");
}

TEST(LocationState, FirstObservationAddsNothing) {
  LocationState s;
  EXPECT_EQ(s.current(), std::nullopt);
  s.Observe(kT0, 4, 4);
  EXPECT_EQ(s.current(), LocationStatus::kUp);
  for (LocationStatus st : kAllLocationStatuses) EXPECT_EQ(s.seconds(st), 0.0);
}

TEST(LocationState, TimeGoesToThePreviousState) {
  LocationState s;
  s.Observe(kT0, 4, 4);        // up
  s.Observe(kT0 + 30, 4, 2);   // 30 s up, now degraded
  s.Observe(kT0 + 45, 4, 0);   // 15 s degraded, now down
  s.Observe(kT0 + 105, 4, 4);  // 60 s down, now up
  s.Observe(kT0 + 110, 4, 4);  // 5 s up
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kUp), 35.0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDegraded), 15.0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDown), 60.0);
  EXPECT_EQ(s.current(), LocationStatus::kUp);
  EXPECT_EQ(s.last_observed_seconds(), kT0 + 110);
}

TEST(LocationState, TotalsAddUpToObservedTime) {
  LocationState s;
  double t = kT0;
  int up = 0;
  for (int i = 0; i < 1000; ++i) {
    s.Observe(t, 3, up);
    t += 0.25 + (i % 7) * 0.5;
    up = (up + 1) % 4;
  }
  const double sum = s.seconds(LocationStatus::kUp) + s.seconds(LocationStatus::kDegraded) +
                     s.seconds(LocationStatus::kDown);
  double last = *s.last_observed_seconds();
  EXPECT_NEAR(sum, last - kT0, 1e-6);
  EXPECT_GT(s.seconds(LocationStatus::kUp), 0.0);
  EXPECT_GT(s.seconds(LocationStatus::kDegraded), 0.0);
  EXPECT_GT(s.seconds(LocationStatus::kDown), 0.0);
}

TEST(LocationState, ZeroApsAccumulatesNothing) {
  LocationState s;
  s.Observe(kT0, 0, 0);
  s.Observe(kT0 + 100, 0, 0);
  EXPECT_EQ(s.current(), std::nullopt);
  for (LocationStatus st : kAllLocationStatuses) EXPECT_EQ(s.seconds(st), 0.0);
  // APs appear (reload): time counts only from then on.
  s.Observe(kT0 + 200, 2, 2);
  s.Observe(kT0 + 230, 0, 0);  // APs removed: 30 s up, then nothing more
  s.Observe(kT0 + 500, 0, 0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kUp), 30.0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDown), 0.0);
}

TEST(LocationState, ClockGoingBackwardsAddsNothingAndReanchors) {
  LocationState s;
  s.Observe(kT0, 2, 0);
  s.Observe(kT0 + 10, 2, 0);
  s.Observe(kT0 - 3600, 2, 0);  // clock stepped back an hour
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDown), 10.0);
  s.Observe(kT0 - 3590, 2, 0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDown), 20.0);
}

TEST(LocationState, CopyCarriesStateAcrossReload) {
  LocationState s;
  s.Observe(kT0, 2, 1);
  s.Observe(kT0 + 10, 2, 1);
  LocationState carried = s;
  carried.Observe(kT0 + 25, 3, 3);
  EXPECT_DOUBLE_EQ(carried.seconds(LocationStatus::kDegraded), 25.0);
  EXPECT_DOUBLE_EQ(s.seconds(LocationStatus::kDegraded), 10.0);
}

}  // namespace
}  // namespace surfzone::state
