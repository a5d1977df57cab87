// PhaseSlot: the step of the APs' first-poll offsets (Poller::Add).
#include <gtest/gtest.h>

#include "surfzone/core/poller.hpp"

namespace surfzone::core {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(PhaseSlot, SmallFleetsStartSeveralPollsPerWakeUp) {
  // 200 APs every 30 s: 30 slots of 1 s, ~6.7 polls each (the cap, not the 1.2 s for 8).
  EXPECT_EQ(PhaseSlot(seconds(30), 200), milliseconds(1000));
  // 2,000 APs: 30 s * 8 / 2,000 = 120 ms, 8 polls per slot.
  EXPECT_EQ(PhaseSlot(seconds(30), 2000), milliseconds(120));
}

TEST(PhaseSlot, LargeFleetsKeepTheWakeUpGrid) {
  EXPECT_EQ(PhaseSlot(seconds(30), 20000), milliseconds(20));
  EXPECT_EQ(PhaseSlot(seconds(30), 1000000), milliseconds(20));
}

TEST(PhaseSlot, IsAWholeNumberOfTicksAndAtMostATenthOfTheInterval) {
  for (const auto interval : {milliseconds(200), milliseconds(1000), milliseconds(5000),
                              milliseconds(30000), milliseconds(300000)}) {
    for (const std::size_t aps : {1u, 3u, 7u, 200u, 1999u, 20000u}) {
      const milliseconds slot = PhaseSlot(interval, aps);
      EXPECT_GT(slot.count(), 0) << interval.count() << " ms, " << aps << " APs";
      EXPECT_LE(slot, std::max(interval / 10, milliseconds(20)));
      EXPECT_LE(slot, milliseconds(1000));
      EXPECT_EQ(slot.count() % 20, 0) << interval.count() << " ms, " << aps << " APs";
    }
  }
  // A one-AP fleet: no batching to gain, the slot is the cap.
  EXPECT_EQ(PhaseSlot(seconds(5), 1), milliseconds(500));
}

TEST(PhaseSlot, CopesWithNoApsAndTinyIntervals) {
  EXPECT_GT(PhaseSlot(seconds(30), 0).count(), 0);
  EXPECT_EQ(PhaseSlot(milliseconds(1), 10), milliseconds(20));
}

}  // namespace
}  // namespace surfzone::core
