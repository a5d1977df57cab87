#include "surfzone/core/ap_tracker.hpp"

#include <gtest/gtest.h>

namespace surfzone::core {
namespace {

using collectors::ApSample;
using collectors::CounterWidth;
using collectors::InterfaceSample;

ApSample Sample(double t, std::uint32_t uptime_ticks, std::uint64_t in, std::uint64_t out,
                CounterWidth width = CounterWidth::k32, std::uint64_t speed_bps = 0) {
  ApSample s;
  s.poll_time_seconds = t;
  s.system.sys_uptime_ticks = uptime_ticks;
  InterfaceSample radio;
  radio.index = 2;
  radio.name = "wlan0";
  radio.in_octets = in;
  radio.out_octets = out;
  radio.width = width;
  radio.speed_bps = speed_bps;
  s.interfaces.push_back(radio);
  InterfaceSample lo = radio;
  lo.index = 1;
  lo.carries_wifi_traffic = false;  // the profile excluded it
  lo.in_octets = 999999;
  s.interfaces.push_back(lo);
  return s;
}

TEST(ApTracker, FirstPollIsTheBaselineThenDeltasAccumulate) {
  ApTracker t;
  EXPECT_EQ(t.ApplySample(Sample(100, 1000, 5000, 7000), "if-mib-32", 0.01).rx, 0u);
  auto d = t.ApplySample(Sample(130, 4000, 6500, 7100), "if-mib-32", 0.01);
  EXPECT_EQ(d.rx, 1500u);
  EXPECT_EQ(d.tx, 100u);
  EXPECT_EQ(t.rx_bytes(), 1500u);
  EXPECT_EQ(t.tx_bytes(), 100u);
  EXPECT_EQ(t.up(), true);
  EXPECT_EQ(t.polls(), 2u);
}

TEST(ApTracker, ThirtyTwoBitWrapIsUnwrapped) {
  ApTracker t;
  t.ApplySample(Sample(100, 1000, 4294967000u, 0), "if-mib-32", 0.01);
  auto d = t.ApplySample(Sample(130, 4000, 704, 0), "if-mib-32", 0.01);
  EXPECT_EQ(d.rx, 296u + 704u);
}

TEST(ApTracker, RebootCountsBytesSinceBootAndNoSpike) {
  ApTracker t;
  t.ApplySample(Sample(100, 500000, 9000000, 9000000), "if-mib-32", 0.01);
  // Uptime went from 5000 s to 20 s: rebooted; counters restarted from zero.
  auto d = t.ApplySample(Sample(130, 2000, 1200, 3400), "if-mib-32", 0.01);
  EXPECT_EQ(t.reboots(), 1u);
  EXPECT_EQ(d.rx, 1200u);
  EXPECT_EQ(d.tx, 3400u);
  ASSERT_TRUE(t.boot_time_seconds());
  EXPECT_NEAR(*t.boot_time_seconds(), 110.0, 1.0);
}

TEST(ApTracker, ImplausibleJumpIsCappedByLinkSpeed) {
  ApTracker t;
  // 64-bit counter on a 1 Mbit/s link, 10 s apart: at most ~2.5 MB may be added.
  t.ApplySample(Sample(100, 1000, 1000, 1000, CounterWidth::k64, 1000000), "if-mib-64", 0.01);
  auto d =
      t.ApplySample(Sample(110, 2000, 1000 + 100000000000ULL, 1000, CounterWidth::k64, 1000000),
                    "if-mib-64", 0.01);
  EXPECT_LT(d.rx, 2600000u);
}

TEST(ApTracker, FailureMarksDownAndBacksOff) {
  ApTracker t;
  t.ApplySample(Sample(100, 1000, 0, 0), "if-mib-32", 0.01);
  t.ApplyFailure(130, 2.0);
  t.ApplyFailure(140, 2.0);
  EXPECT_EQ(t.up(), false);
  EXPECT_EQ(t.failures(), 2u);
  EXPECT_EQ(t.backoff().consecutive_failures, 2);
  EXPECT_EQ(t.last_success(), 100);
  EXPECT_EQ(t.last_poll(), 140);
  // Totals survive the outage; the next success continues from the last good reading.
  auto d = t.ApplySample(Sample(150, 6000, 50, 0), "if-mib-32", 0.01);
  EXPECT_EQ(d.rx, 50u);
  EXPECT_EQ(t.backoff().consecutive_failures, 0);
}

TEST(ApTracker, RebaselineKeepsTotalsButAddsNothingForTheNewDevice) {
  ApTracker t;
  t.ApplySample(Sample(100, 1000, 100, 100), "if-mib-32", 0.01);
  t.ApplySample(Sample(130, 4000, 600, 100), "if-mib-32", 0.01);
  t.Rebaseline();
  auto d = t.ApplySample(Sample(160, 7000, 90000, 100), "if-mib-32", 0.01);
  EXPECT_EQ(d.rx, 0u);
  EXPECT_EQ(t.rx_bytes(), 500u);
}

}  // namespace
}  // namespace surfzone::core
