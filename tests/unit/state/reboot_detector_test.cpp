#include "surfzone/state/reboot_detector.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>

namespace surfzone::state {
namespace {

constexpr double kT0 = 1700000000.0;
constexpr std::uint64_t kTwoPow32 = std::uint64_t{1} << 32;

UptimeObservation Sys(double t, std::uint32_t ticks) {
  return {t, ticks, std::nullopt, std::nullopt};
}

UptimeObservation Engine(double t, std::uint32_t ticks, std::uint32_t boots,
                         std::uint32_t engine_time) {
  return {t, ticks, boots, engine_time};
}

TEST(RebootDetector, FirstObservationIsNotARebootAndSetsBootTime) {
  RebootDetector d;
  EXPECT_FALSE(d.boot_time_seconds().has_value());
  EXPECT_FALSE(d.Observe(Sys(kT0, 360000)));  // up for one hour
  EXPECT_EQ(d.reboots(), 0u);
  EXPECT_EQ(d.last_reason(), RebootReason::kNone);
  ASSERT_TRUE(d.boot_time_seconds().has_value());
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 - 3600);
}

TEST(RebootDetector, UptimeAdvancingIsNotAReboot) {
  RebootDetector d;
  d.Observe(Sys(kT0, 360000));
  EXPECT_FALSE(d.Observe(Sys(kT0 + 30, 363000)));
  EXPECT_EQ(d.reboots(), 0u);
}

TEST(RebootDetector, UptimeBackwardsIsAReboot) {
  RebootDetector d;
  d.Observe(Sys(kT0, 360000));
  EXPECT_TRUE(d.Observe(Sys(kT0 + 300, 12000)));  // back up for 120 s
  EXPECT_EQ(d.reboots(), 1u);
  EXPECT_EQ(d.last_reason(), RebootReason::kSysUpTime);
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 + 300 - 120);
  EXPECT_FALSE(d.Observe(Sys(kT0 + 330, 15000)));
  EXPECT_EQ(d.reboots(), 1u);
  EXPECT_TRUE(d.Observe(Sys(kT0 + 900, 100)));
  EXPECT_EQ(d.reboots(), 2u);
}

TEST(RebootDetector, WrapOf32BitUptimeIsNotAReboot) {
  RebootDetector d;
  const std::uint32_t before = static_cast<std::uint32_t>(kTwoPow32 - 1000);  // 10 s before wrap
  d.Observe(Sys(kT0, before));
  const double boot = *d.boot_time_seconds();
  EXPECT_FALSE(d.Observe(Sys(kT0 + 30, 2000)));  // 10 s + 20 s = 30 s later
  EXPECT_EQ(d.reboots(), 0u);
  EXPECT_EQ(d.uptime_wraps(), 1u);
  EXPECT_NEAR(*d.boot_time_seconds(), boot, 1e-6);
  EXPECT_FALSE(d.Observe(Sys(kT0 + 60, 5000)));
  EXPECT_NEAR(*d.boot_time_seconds(), boot, 1e-6);
}

TEST(RebootDetector, WrapToleranceIsFiveSecondsOrTenPercent) {
  const std::uint32_t before = static_cast<std::uint32_t>(kTwoPow32 - 1000);
  {  // 30 s elapsed -> tolerance 5 s: 4.9 s off is a wrap, 5.1 s off a reboot.
    RebootDetector d;
    d.Observe(Sys(kT0, before));
    EXPECT_FALSE(d.Observe(Sys(kT0 + 30, 2000 + 490)));
    RebootDetector e;
    e.Observe(Sys(kT0, before));
    EXPECT_TRUE(e.Observe(Sys(kT0 + 30, 2000 + 510)));
    EXPECT_EQ(e.last_reason(), RebootReason::kSysUpTime);
  }
  {                                        // 1000 s elapsed -> tolerance 100 s.
    const std::uint32_t expected = 99000;  // 990 s after the wrap
    RebootDetector d;
    d.Observe(Sys(kT0, before));
    EXPECT_FALSE(d.Observe(Sys(kT0 + 1000, expected - 9900)));
    RebootDetector e;
    e.Observe(Sys(kT0, before));
    EXPECT_TRUE(e.Observe(Sys(kT0 + 1000, expected - 10100)));
  }
}

TEST(RebootDetector, BackwardsFarFromWrapIsAReboot) {
  // Low uptime that is not near where a wrap would put it.
  RebootDetector d;
  d.Observe(Sys(kT0, static_cast<std::uint32_t>(kTwoPow32 - 1000)));
  EXPECT_TRUE(d.Observe(Sys(kT0 + 3600, 500)));
  EXPECT_EQ(d.uptime_wraps(), 0u);
}

TEST(RebootDetector, RebootClearsWrapCount) {
  RebootDetector d;
  d.Observe(Sys(kT0, static_cast<std::uint32_t>(kTwoPow32 - 1000)));
  d.Observe(Sys(kT0 + 30, 2000));
  ASSERT_EQ(d.uptime_wraps(), 1u);
  EXPECT_TRUE(d.Observe(Sys(kT0 + 600, 1000)));
  EXPECT_EQ(d.uptime_wraps(), 0u);
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 + 600 - 10);
}

TEST(RebootDetector, EngineBootsIncreaseIsAReboot) {
  RebootDetector d;
  d.Observe(Engine(kT0, 360000, 7, 3600));
  // Uptime and engine time advanced, yet the boot counter says it rebooted (twice, quickly).
  EXPECT_TRUE(d.Observe(Engine(kT0 + 7200, 720000, 8, 7000)));
  EXPECT_EQ(d.last_reason(), RebootReason::kEngineBoots);
  EXPECT_EQ(d.reboots(), 1u);
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 + 200);
}

TEST(RebootDetector, EngineTimeBackwardsIsAReboot) {
  RebootDetector d;
  d.Observe(Engine(kT0, 360000, 7, 3600));
  EXPECT_TRUE(d.Observe(Engine(kT0 + 600, 370000, 7, 60)));
  EXPECT_EQ(d.last_reason(), RebootReason::kEngineTime);
}

TEST(RebootDetector, EngineClockIsAuthoritativeOverSysUpTime) {
  RebootDetector d;
  d.Observe(Engine(kT0, 360000, 7, 3600));
  // sysUpTime went backwards (e.g. an agent that mishandles TimeTicks), the engine did not.
  EXPECT_FALSE(d.Observe(Engine(kT0 + 30, 100, 7, 3630)));
  EXPECT_EQ(d.reboots(), 0u);
}

TEST(RebootDetector, FallsBackToSysUpTimeWhenEngineMissing) {
  RebootDetector d;
  d.Observe(Engine(kT0, 360000, 7, 3600));
  EXPECT_TRUE(d.Observe(Sys(kT0 + 30, 100)));
  EXPECT_EQ(d.last_reason(), RebootReason::kSysUpTime);
}

TEST(RebootDetector, BootTimePrefersEngineTime) {
  RebootDetector d;
  // sysUpTime is past a wrap the detector never saw; engine time knows the real uptime.
  const std::uint32_t engine_time = 500u * 86400u;
  d.Observe(Engine(kT0, 12345, 1, engine_time));
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 - engine_time);
}

TEST(RebootDetector, BootTimeDoesNotFlapWithinJitter) {
  RebootDetector d;
  d.Observe(Engine(kT0, 0, 1, 3600));
  const double boot = *d.boot_time_seconds();
  // Engine time has 1 s resolution and polls have latency: the estimate wobbles by ~1 s.
  d.Observe(Engine(kT0 + 30.9, 0, 1, 3630));
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), boot);
  d.Observe(Engine(kT0 + 60.2, 0, 1, 3661));
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), boot);
  // A drift beyond the jitter bound is followed.
  d.Observe(Engine(kT0 + 95, 0, 1, 3690));
  EXPECT_DOUBLE_EQ(*d.boot_time_seconds(), kT0 + 95 - 3690);
}

TEST(RebootDetector, ClockGoingBackwardsUsesMinimumTolerance) {
  RebootDetector d;
  d.Observe(Sys(kT0, static_cast<std::uint32_t>(kTwoPow32 - 100)));
  // Wall clock stepped back; a wrap needs the uptime within 5 s of previous + 0.
  EXPECT_FALSE(d.Observe(Sys(kT0 - 50, 200)));
  EXPECT_EQ(d.uptime_wraps(), 1u);
  EXPECT_TRUE(d.Observe(Sys(kT0 - 40, 100)));
}

TEST(RebootDetector, CopyCarriesStateAcrossReload) {
  RebootDetector d;
  d.Observe(Sys(kT0, 360000));
  RebootDetector carried = d;
  EXPECT_TRUE(carried.Observe(Sys(kT0 + 60, 10)));
  EXPECT_EQ(carried.reboots(), 1u);
  EXPECT_EQ(d.reboots(), 0u);
}

}  // namespace
}  // namespace surfzone::state
