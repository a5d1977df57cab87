#include "surfzone/sim/ap_model.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace surfzone::sim {
namespace {

using test::kSummerSaturday;
using test::O;
using test::Options;
using test::U;

const std::string kIfIn = "1.3.6.1.2.1.2.2.1.10.";
const std::string kIfOut = "1.3.6.1.2.1.2.2.1.16.";
const std::string kHcIn = "1.3.6.1.2.1.31.1.1.1.6.";
const std::string kHcOut = "1.3.6.1.2.1.31.1.1.1.10.";
const std::string kUpTime = "1.3.6.1.2.1.1.3.0";
const std::string kEngineBoots = "1.3.6.1.6.3.10.2.1.2.0";
constexpr long double k2p32 = 4294967296.0L;

long double SumIf(const ApModel& ap, const std::string& column) {
  long double sum = 0;
  for (int i = 2; i <= 4; ++i) sum += U(ap, column + std::to_string(i));
  return sum;
}

TEST(ApModel, TruthEqualsSumOfNonLoopbackCountersAndVapBytes) {
  ApModel ap(Options("stadsparken-1"));
  ap.AdvanceTo(kSummerSaturday + 1800.25);
  const ByteTotals truth = ap.bytes();
  ASSERT_GT(truth.rx, 0u);
  EXPECT_EQ(SumIf(ap, kHcIn), static_cast<long double>(truth.rx));
  EXPECT_EQ(SumIf(ap, kHcOut), static_cast<long double>(truth.tx));
  EXPECT_EQ(U(ap, kHcIn + "2"), 0);  // eth0 carries no modelled traffic
  EXPECT_EQ(U(ap, kHcIn + "3"), static_cast<long double>(ap.RadioBytes(0).rx));
  EXPECT_EQ(U(ap, kHcOut + "4"), static_cast<long double>(ap.RadioBytes(1).tx));
  long double vap_rx = 0;
  for (int v = 1; v <= 4; ++v)
    vap_rx += U(ap, "1.3.6.1.4.1.41112.1.6.1.2.1.10." + std::to_string(v));
  EXPECT_EQ(vap_rx, static_cast<long double>(truth.rx));  // below 2^32: no wrap yet
  EXPECT_EQ(ap.BytesAt(ap.now()), truth);
}

TEST(ApModel, Counter32IsBytesModulo2To32) {
  // A busy AP passes 2^32 bytes within minutes.
  ApModel ap(Options("big", LocationKind::kPark, 3000));
  ap.AdvanceTo(kSummerSaturday + 900);
  const ByteTotals radio5 = ap.RadioBytes(1);
  ASSERT_GT(radio5.tx, static_cast<std::uint64_t>(k2p32));
  EXPECT_EQ(U(ap, kIfOut + "4"), static_cast<long double>(radio5.tx % (1ull << 32)));
  EXPECT_EQ(U(ap, kIfIn + "4"), static_cast<long double>(radio5.rx % (1ull << 32)));
  EXPECT_EQ(U(ap, kHcOut + "4"), static_cast<long double>(radio5.tx));
}

TEST(ApModel, BytesAtIsMonotonicAndMatchesRunningTotals) {
  ApModel ap(Options("stadsparken-2"));
  std::vector<std::pair<double, ByteTotals>> seen;
  for (double t = kSummerSaturday; t < kSummerSaturday + 7200; t += 97.3) {
    ap.AdvanceTo(t);
    seen.emplace_back(t, ap.bytes());
  }
  ByteTotals previous;
  for (const auto& [t, bytes] : seen) {
    const ByteTotals again = ap.BytesAt(t);  // recomputed from sim start
    EXPECT_EQ(again, bytes) << t;
    EXPECT_GE(again.rx, previous.rx);
    EXPECT_GE(again.tx, previous.tx);
    previous = again;
  }
  EXPECT_EQ(ap.BytesAt(kSummerSaturday - 100), ByteTotals{});
  // The future is the same whether asked before or after getting there.
  const ByteTotals future = ap.BytesAt(kSummerSaturday + 9000);
  ap.AdvanceTo(kSummerSaturday + 9000);
  EXPECT_EQ(ap.bytes(), future);
}

TEST(ApModel, PreStartHistoryOffsetsCountersButNotTruth) {
  ApOptions o = Options("old-ap");
  o.history_before_start = true;
  ApModel ap(o);
  EXPECT_LT(ap.boot_time(), kSummerSaturday - 3599);
  EXPECT_GE(ap.engine_boots(), 1);
  const long double at_start = SumIf(ap, kHcIn);
  ap.AdvanceTo(kSummerSaturday + 600);
  EXPECT_EQ(SumIf(ap, kHcIn) - at_start, static_cast<long double>(ap.bytes().rx));
}

TEST(ApModel, RebootResetsCountersAndUptimeAndIncrementsEngineBoots) {
  ApOptions o = Options("rebooter");
  o.history_before_start = true;
  const double reboot_at = kSummerSaturday + 1000.5;
  FaultSchedule faults;
  faults.Add({FaultKind::kReboot,
              static_cast<std::int64_t>(reboot_at * 1000),
              static_cast<std::int64_t>(reboot_at * 1000),
              {}});
  ApModel ap(o, faults);
  ap.AdvanceTo(reboot_at - 1);
  const auto boots_before = ap.engine_boots();
  EXPECT_GT(U(ap, kUpTime), 360000);  // up for more than an hour
  EXPECT_EQ(ap.reboots(), 0);

  const double t = reboot_at + 300;
  ap.AdvanceTo(t);
  EXPECT_EQ(ap.reboots(), 1);
  EXPECT_EQ(ap.engine_boots(), boots_before + 1);
  EXPECT_EQ(U(ap, kEngineBoots), boots_before + 1);
  EXPECT_EQ(U(ap, kUpTime), 30000);  // 300 s in TimeTicks
  EXPECT_EQ(U(ap, "1.3.6.1.6.3.10.2.1.3.0"), 300);
  EXPECT_DOUBLE_EQ(ap.boot_time(), reboot_at);
  const ByteTotals since_boot = ap.BytesAt(t) - ap.BytesAt(reboot_at);
  EXPECT_EQ(SumIf(ap, kHcIn), static_cast<long double>(since_boot.rx));
  ASSERT_LT(since_boot.tx, 1ull << 32);  // so Counter32 has not wrapped since the reboot
  EXPECT_EQ(SumIf(ap, kIfOut), static_cast<long double>(since_boot.tx));
  EXPECT_EQ(U(ap, kHcOut + "3") + U(ap, kHcOut + "4"), static_cast<long double>(since_boot.tx));
  // Truth keeps counting across the reboot.
  EXPECT_GT(ap.bytes().rx, since_boot.rx);
  EXPECT_EQ(ap.behaviour(), Behaviour::kNormal);
}

TEST(ApModel, RebootWithBootTimeIsSilentWhileBooting) {
  ApModel ap(Options("slow-boot"));
  ap.InjectReboot(kSummerSaturday + 100, 90);
  ap.AdvanceTo(kSummerSaturday + 150);
  EXPECT_EQ(ap.behaviour(), Behaviour::kSilent);
  EXPECT_EQ(ap.clients().total, 0);
  ap.AdvanceTo(kSummerSaturday + 190);
  EXPECT_EQ(ap.behaviour(), Behaviour::kNormal);
  EXPECT_EQ(U(ap, kUpTime), 9000);  // uptime counts from the start of the boot
  EXPECT_EQ(ap.reboots(), 1);
}

TEST(ApModel, OutageIsSilentWithoutClientsOrTraffic) {
  FaultSchedule faults;
  const double a = kSummerSaturday + 600, b = kSummerSaturday + 2400;
  faults.Add({FaultKind::kDown,
              static_cast<std::int64_t>(a * 1000),
              static_cast<std::int64_t>(b * 1000),
              {}});
  ApModel ap(Options("dark-park"), faults);
  ap.AdvanceTo(a - 1);
  EXPECT_EQ(ap.behaviour(), Behaviour::kNormal);
  EXPECT_GT(ap.clients().total, 0);
  ap.AdvanceTo(a + 10);
  EXPECT_EQ(ap.behaviour(), Behaviour::kSilent);
  EXPECT_EQ(ap.clients().total, 0);
  EXPECT_EQ(U(ap, "1.3.6.1.4.1.41112.1.6.1.2.1.8.1"), 0);
  EXPECT_EQ(ap.BytesAt(b), ap.BytesAt(a));
  EXPECT_EQ(ap.reboots(), 0);
  ap.AdvanceTo(b + 120);
  EXPECT_EQ(ap.behaviour(), Behaviour::kNormal);
  EXPECT_GT(ap.bytes().tx, ap.BytesAt(b).tx);
  ASSERT_EQ(ap.DownIntervals().size(), 1u);
  EXPECT_EQ(ap.DownIntervals()[0].end_ms, static_cast<std::int64_t>(b * 1000));
}

TEST(ApModel, InjectedBehaviourFaults) {
  ApModel ap(Options("flaky"));
  ap.AdvanceTo(kSummerSaturday + 10);
  ap.InjectFault(FaultKind::kSlow, kSummerSaturday + 20, kSummerSaturday + 30,
                 std::chrono::milliseconds(2500));
  ap.InjectFault(FaultKind::kGarbage, kSummerSaturday + 40, kSummerSaturday + 50);
  ap.InjectFault(FaultKind::kWrongRequestId, kSummerSaturday + 60, kSummerSaturday + 70);
  ap.InjectDown(kSummerSaturday + 5, kSummerSaturday + 12);  // starts "now" (clamped)
  EXPECT_EQ(ap.behaviour(), Behaviour::kSilent);
  ap.AdvanceTo(kSummerSaturday + 25);
  EXPECT_EQ(ap.behaviour(), Behaviour::kSlow);
  EXPECT_EQ(ap.slow_delay(), std::chrono::milliseconds(2500));
  ap.AdvanceTo(kSummerSaturday + 45);
  EXPECT_EQ(ap.behaviour(), Behaviour::kGarbage);
  EXPECT_GT(ap.clients().total, 0);  // the radios still work
  ap.AdvanceTo(kSummerSaturday + 65);
  EXPECT_EQ(ap.behaviour(), Behaviour::kWrongRequestId);
  ap.AdvanceTo(kSummerSaturday + 75);
  EXPECT_EQ(ap.behaviour(), Behaviour::kNormal);
  EXPECT_EQ(ap.slow_delay(), std::chrono::milliseconds(0));
  EXPECT_EQ(ap.UnansweredIntervals().size(), 3u);
  EXPECT_THROW(ap.InjectFault(FaultKind::kReboot, 0, 1), std::invalid_argument);
}

TEST(ApModel, SystemGroupAndClients) {
  ApModel ap(Options("stortorget-1", LocationKind::kSquare));
  ap.AdvanceTo(kSummerSaturday + 60);
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.1.5.0"))->AsText(), "stortorget-1");
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.1.6.0"))->AsText(), "Stadsparken");
  const std::string descr = *ap.Get(O("1.3.6.1.2.1.1.1.0"))->AsText();
  EXPECT_TRUE(descr.starts_with("UAP") || descr.starts_with("U6")) << descr;
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.1.2.0"))->oid, O("1.3.6.1.4.1.8072.3.2.10"));
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.2.2.1.3.1"))->AsInteger(), 24);
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.2.2.1.3.2"))->AsInteger(), 6);
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.2.2.1.3.4"))->AsInteger(), 71);
  EXPECT_EQ(ap.Get(O("1.3.6.1.2.1.31.1.1.1.1.3"))->AsText(), "wifi0");
  long double stations = 0;
  for (int v = 1; v <= 4; ++v)
    stations += U(ap, "1.3.6.1.4.1.41112.1.6.1.2.1.8." + std::to_string(v));
  EXPECT_EQ(stations, ap.clients().total);
  EXPECT_GT(ap.clients().total, 0);
  EXPECT_EQ(ap.Get(O("1.3.6.1.4.1.41112.1.6.1.2.1.9.1"))->AsText(), "ng");
  EXPECT_EQ(ap.Get(O("1.3.6.1.4.1.41112.1.6.1.2.1.9.3"))->AsText(), "na");
  EXPECT_EQ(ap.Get(O("1.3.6.1.4.1.41112.1.6.1.2.1.6.2"))->AsText(), "eduroam");
  EXPECT_EQ(ap.clients(), ap.ClientsAt(ap.now()));
  EXPECT_EQ(ap.community(), "public");
}

TEST(ApModel, ThirtyTwoBitAgentHasNoHcCounters) {
  ApOptions o = Options("old-agent");
  o.counter_bits = 32;
  ApModel ap(o);
  ap.AdvanceTo(kSummerSaturday + 60);
  EXPECT_FALSE(ap.Get(O(kHcIn + "3")));
  EXPECT_FALSE(ap.Get(O(kHcOut + "3")));
  EXPECT_TRUE(ap.Get(O(kIfIn + "3")));
  EXPECT_TRUE(ap.Get(O("1.3.6.1.2.1.31.1.1.1.1.3")));  // ifName stays
  snmp::Oid oid;
  while (auto vb = ap.Next(oid)) {
    EXPECT_NE(vb->value.type, snmp::ValueType::kCounter64) << vb->oid.ToString();
    oid = vb->oid;
  }
}

TEST(ApModel, GenericVendorHasNoUnifiSubtree) {
  ApOptions o = Options("plain");
  o.vendor = Vendor::kGeneric;
  ApModel ap(o);
  auto vb = ap.Next(O("1.3.6.1.4.1"));
  ASSERT_TRUE(vb);
  EXPECT_TRUE(vb->oid.StartsWith(O("1.3.6.1.6.3.10")));
  EXPECT_TRUE(ap.Get(O("1.3.6.1.2.1.1.1.0"))->AsText()->starts_with("Linux plain"));
}

TEST(ApModel, TimeNeverGoesBack) {
  ApModel ap(Options("steady"));
  ap.AdvanceTo(kSummerSaturday + 600);
  const ByteTotals b = ap.bytes();
  ap.AdvanceTo(kSummerSaturday + 10);
  EXPECT_EQ(ap.bytes(), b);
  EXPECT_DOUBLE_EQ(ap.now(), kSummerSaturday + 600);
}

TEST(ApModel, SeededByNameDeterministically) {
  ApModel a(Options("same")), b(Options("same")), c(Options("other"));
  for (ApModel* ap : {&a, &b, &c}) ap->AdvanceTo(kSummerSaturday + 3600);
  EXPECT_EQ(a.bytes(), b.bytes());
  EXPECT_NE(a.bytes(), c.bytes());
}

}  // namespace
}  // namespace surfzone::sim
