#include "surfzone/sim/traffic_model.hpp"

#include <gtest/gtest.h>

#include "surfzone/sim/seed.hpp"
#include "test_util.hpp"

namespace surfzone::sim {
namespace {

using test::kSummerSaturday;

constexpr std::int64_t kStartMs =
    static_cast<std::int64_t>(1752325200) * 1000;  // 2025-07-12 13:00Z

TrafficModel Park(std::uint64_t seed = 7) {
  return TrafficModel(LocationKind::kPark, 60, seed, {0.85, 0.15});
}

TEST(TrafficModel, SumOverWholeMinutesEqualsClosedForm) {
  const TrafficModel m = Park();
  const FaultSchedule none;
  auto state = m.Start(kStartMs);
  m.Advance(state, kStartMs + 90 * kMinuteMs, none);
  ByteTotals expected;
  std::vector<int> clients;
  for (std::int64_t minute = kStartMs / kMinuteMs; minute < kStartMs / kMinuteMs + 90; ++minute) {
    m.VapClients(minute, clients);
    for (int v = 0; v < m.vaps(); ++v) {
      const ByteTotals rate = m.RatePerClient(v / m.ssids());
      expected.rx += static_cast<std::uint64_t>(clients[v]) * rate.rx * 60;
      expected.tx += static_cast<std::uint64_t>(clients[v]) * rate.tx * 60;
    }
  }
  EXPECT_EQ(state.Total(), expected);
  EXPECT_GT(expected.tx, expected.rx);  // downloads dominate
  EXPECT_GT(expected.rx, 0u);
}

TEST(TrafficModel, IntegrationIsPathIndependent) {
  const TrafficModel m = Park();
  FaultSchedule faults;
  faults.Add({FaultKind::kDown, kStartMs + 1234567, kStartMs + 2345678, {}});
  const std::int64_t end = kStartMs + 3 * 3600 * 1000 + 777;
  auto one_step = m.Start(kStartMs);
  m.Advance(one_step, end, faults);
  auto many_steps = m.Start(kStartMs);
  std::int64_t t = kStartMs;
  std::uint64_t key = 0;
  while (t < end) {
    t = std::min(end, t + UniformInt(3, key++, 1, 47000));  // odd steps, sub-minute and across
    const ByteTotals before = many_steps.Total();
    m.Advance(many_steps, t, faults);
    ASSERT_GE(many_steps.Total().rx, before.rx);
    ASSERT_GE(many_steps.Total().tx, before.tx);
  }
  EXPECT_EQ(many_steps.Total(), one_step.Total());
  for (int v = 0; v < m.vaps(); ++v) EXPECT_EQ(many_steps.vap[v], one_step.vap[v]);
}

TEST(TrafficModel, NoBytesAndNoClientsWhileDown) {
  const TrafficModel m = Park();
  FaultSchedule faults;
  const std::int64_t a = kStartMs + 600000 + 12345, b = kStartMs + 1800000 + 999;
  faults.Add({FaultKind::kDown, a, b, {}});
  auto s = m.Start(kStartMs);
  m.Advance(s, a, faults);
  const ByteTotals at_a = s.Total();
  m.Advance(s, b, faults);
  EXPECT_EQ(s.Total(), at_a);
  EXPECT_EQ(m.ClientsAt(a, faults).total, 0);
  EXPECT_EQ(m.ClientsAt(b - 1, faults).total, 0);
  EXPECT_GT(m.ClientsAt(b, faults).total, 0);
  m.Advance(s, b + 60000, faults);
  EXPECT_GT(s.Total().tx, at_a.tx);
}

TEST(TrafficModel, ClientSplitAddsUpAndFavoursFiveGigahertz) {
  const TrafficModel m = Park();
  const FaultSchedule none;
  long total = 0, on_24 = 0, first_ssid = 0;
  for (std::int64_t t = kStartMs; t < kStartMs + 6 * 3600 * 1000; t += kMinuteMs) {
    const ClientCounts c = m.ClientsAt(t, none);
    ASSERT_EQ(c.radio[0] + c.radio[1], c.total);
    ASSERT_EQ(c.ssid[0] + c.ssid[1], c.total);
    int vap_sum = 0;
    for (int v : c.vap) vap_sum += v;
    ASSERT_EQ(vap_sum, c.total);
    total += c.total;
    on_24 += c.radio[0];
    first_ssid += c.ssid[0];
  }
  ASSERT_GT(total, 1000);
  const double share_24 = static_cast<double>(on_24) / total;
  EXPECT_GT(share_24, 0.25);
  EXPECT_LT(share_24, 0.35);
  EXPECT_GT(static_cast<double>(first_ssid) / total, 0.75);
}

TEST(TrafficModel, ClientsFollowProfileWithBoundedNoise) {
  const TrafficModel m = Park();
  const FaultSchedule none;
  const auto t = static_cast<std::int64_t>(kSummerSaturday) * 1000;
  const double expected = ExpectedClients(LocationKind::kPark, kSummerSaturday, 60);
  const int c = m.ClientsAt(t, none).total;
  EXPECT_GE(c, static_cast<int>(expected * 0.8) - 1);
  EXPECT_LE(c, static_cast<int>(expected * 1.2) + 1);
}

TEST(TrafficModel, DeterministicPerSeed) {
  const FaultSchedule none;
  const TrafficModel a = Park(1), b = Park(1), c = Park(2);
  auto sa = a.Start(kStartMs), sb = b.Start(kStartMs), sc = c.Start(kStartMs);
  a.Advance(sa, kStartMs + 3600000, none);
  b.Advance(sb, kStartMs + 3600000, none);
  c.Advance(sc, kStartMs + 3600000, none);
  EXPECT_EQ(sa.Total(), sb.Total());
  EXPECT_NE(sa.Total(), sc.Total());
}

TEST(TrafficModel, RejectsBadArguments) {
  EXPECT_THROW(TrafficModel(LocationKind::kPark, 10, 1, {}), std::invalid_argument);
  EXPECT_THROW(TrafficModel(LocationKind::kPark, 10, 1, {1.0, 0.0}), std::invalid_argument);
  EXPECT_THROW(TrafficModel(LocationKind::kPark, -1, 1, {1.0}), std::invalid_argument);
}

}  // namespace
}  // namespace surfzone::sim
