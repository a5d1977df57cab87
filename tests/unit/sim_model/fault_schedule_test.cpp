#include "surfzone/sim/fault_schedule.hpp"

#include <gtest/gtest.h>

namespace surfzone::sim {
namespace {

using std::chrono::milliseconds;

TEST(FaultSchedule, BehaviourFollowsTheMostSevereActiveFault) {
  FaultSchedule f;
  f.Add({FaultKind::kSlow, 1000, 5000, milliseconds(700)});
  f.Add({FaultKind::kGarbage, 2000, 3000, {}});
  f.Add({FaultKind::kDown, 2500, 2600, {}});
  f.Add({FaultKind::kWrongRequestId, 6000, 7000, {}});
  EXPECT_EQ(f.BehaviourAt(999), Behaviour::kNormal);
  EXPECT_EQ(f.BehaviourAt(1000), Behaviour::kSlow);
  EXPECT_EQ(f.SlowDelayAt(1000), milliseconds(700));
  EXPECT_EQ(f.BehaviourAt(2000), Behaviour::kGarbage);
  EXPECT_EQ(f.BehaviourAt(2550), Behaviour::kSilent);
  EXPECT_EQ(f.BehaviourAt(2600), Behaviour::kGarbage);
  EXPECT_EQ(f.BehaviourAt(4999), Behaviour::kSlow);
  EXPECT_EQ(f.BehaviourAt(5000), Behaviour::kNormal);
  EXPECT_EQ(f.SlowDelayAt(5000), milliseconds(0));
  EXPECT_EQ(f.BehaviourAt(6500), Behaviour::kWrongRequestId);
}

TEST(FaultSchedule, RebootBootTimeIsDownTime) {
  FaultSchedule f;
  f.Add({FaultKind::kReboot, 10000, 70000, {}});
  f.Add({FaultKind::kReboot, 5000, 5000, {}});  // instant reboot: no down time
  ASSERT_EQ(f.reboots().size(), 2u);
  EXPECT_EQ(f.reboots()[0], 5000);
  EXPECT_EQ(f.reboots()[1], 10000);
  EXPECT_FALSE(f.IsDown(5000));
  EXPECT_TRUE(f.IsDown(10000));
  EXPECT_TRUE(f.IsDown(69999));
  EXPECT_FALSE(f.IsDown(70000));
  EXPECT_EQ(f.BehaviourAt(20000), Behaviour::kSilent);
}

TEST(FaultSchedule, ActiveMsSubtractsMergedDownTime) {
  FaultSchedule f;
  f.Add({FaultKind::kDown, 100, 200, {}});
  f.Add({FaultKind::kDown, 150, 300, {}});
  f.Add({FaultKind::kDown, 500, 600, {}});
  ASSERT_EQ(f.down().size(), 2u);
  EXPECT_EQ(f.down()[0], (IntervalMs{100, 300}));
  EXPECT_EQ(f.ActiveMs(0, 1000), 1000 - 200 - 100);
  EXPECT_EQ(f.ActiveMs(250, 550), 300 - 50 - 50);
  EXPECT_EQ(f.ActiveMs(120, 130), 0);
  EXPECT_EQ(f.ActiveMs(10, 5), 0);
}

TEST(FaultSchedule, UnansweredCoversDownGarbageAndWrongIdButNotSlow) {
  FaultSchedule f;
  f.Add({FaultKind::kDown, 0, 10, {}});
  f.Add({FaultKind::kGarbage, 10, 20, {}});
  f.Add({FaultKind::kWrongRequestId, 40, 50, {}});
  f.Add({FaultKind::kSlow, 60, 70, milliseconds(5)});
  const auto u = f.Unanswered();
  ASSERT_EQ(u.size(), 2u);
  EXPECT_EQ(u[0], (IntervalMs{0, 20}));
  EXPECT_EQ(u[1], (IntervalMs{40, 50}));
}

TEST(FaultSchedule, MergeIntervalsDropsEmptyAndJoinsTouching) {
  const auto m = MergeIntervals({{5, 5}, {30, 40}, {0, 10}, {10, 20}, {35, 36}});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], (IntervalMs{0, 20}));
  EXPECT_EQ(m[1], (IntervalMs{30, 40}));
}

}  // namespace
}  // namespace surfzone::sim
