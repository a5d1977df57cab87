// The controller agents' MIB layouts: ordering, GETNEXT across tables, index encoding, and
// agreement of every count they show with the managed ApModels' truth.
#include "surfzone/sim/controller_model.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "test_util.hpp"

namespace surfzone::sim {
namespace {

using test::kSummerSaturday;
using test::O;

const snmp::Oid kBsnApName = O("1.3.6.1.4.1.14179.2.2.1.1.3");
const snmp::Oid kBsnApLocation = O("1.3.6.1.4.1.14179.2.2.1.1.4");
const snmp::Oid kBsnApIfSlot = O("1.3.6.1.4.1.14179.2.2.2.1.1");
const snmp::Oid kBsnApIfType = O("1.3.6.1.4.1.14179.2.2.2.1.2");
const snmp::Oid kBsnApIfUsers = O("1.3.6.1.4.1.14179.2.2.2.1.15");
const snmp::Oid kBsnEssSsid = O("1.3.6.1.4.1.14179.2.1.1.1.2");
const snmp::Oid kBsnEssStations = O("1.3.6.1.4.1.14179.2.1.1.1.38");
const snmp::Oid kApConnectCount = O("1.3.6.1.4.1.9.9.618.1.8.4.0");
const snmp::Oid kAiApName = O("1.3.6.1.4.1.14823.2.3.3.1.2.1.1.2");
const snmp::Oid kAiApStatus = O("1.3.6.1.4.1.14823.2.3.3.1.2.1.1.11");
const snmp::Oid kAiRadioStatus = O("1.3.6.1.4.1.14823.2.3.3.1.2.2.1.20");
const snmp::Oid kAiRadioClients = O("1.3.6.1.4.1.14823.2.3.3.1.2.2.1.21");
const snmp::Oid kAiSsid = O("1.3.6.1.4.1.14823.2.3.3.1.1.7.1.2");
const snmp::Oid kAiSsidClients = O("1.3.6.1.4.1.14823.2.3.3.1.1.7.1.4");

// A controller over `n` busy APs; AP i is down for the first hour when down_first is set and
// i == 1.
struct Fixture {
  std::vector<std::unique_ptr<ApModel>> aps;
  std::unique_ptr<ControllerModel> controller;

  Fixture(ControllerVendor vendor, int n, bool down_second = false) {
    std::vector<ApModel*> raw;
    for (int i = 0; i < n; ++i) {
      FaultSchedule faults;
      if (down_second && i == 1) {
        faults.Add({FaultKind::kDown,
                    static_cast<std::int64_t>(kSummerSaturday * 1000),
                    static_cast<std::int64_t>((kSummerSaturday + 3600) * 1000),
                    {}});
      }
      aps.push_back(std::make_unique<ApModel>(
          test::Options("ap-" + std::to_string(i), LocationKind::kSquare, 60), faults));
      raw.push_back(aps.back().get());
    }
    ControllerOptions o;
    o.name = "ctl";
    o.vendor = vendor;
    o.sim_start = kSummerSaturday;
    controller = std::make_unique<ControllerModel>(o, raw);
  }
};

snmp::Oid WithIndex(const snmp::Oid& column, const MacAddress& mac, std::optional<int> sub = {}) {
  std::vector<std::uint32_t> arcs(mac.begin(), mac.end());
  if (sub) arcs.push_back(static_cast<std::uint32_t>(*sub));
  return column.Child(arcs);
}

long long U(const ControllerModel& c, const snmp::Oid& oid) {
  auto v = c.Get(oid);
  if (!v) return -1;
  if (v->type == snmp::ValueType::kInteger) return v->integer;
  return static_cast<long long>(v->AsUnsigned().value_or(0));
}

// Walks the whole MIB with GETNEXT from ".1": every step is strictly increasing, every walked
// instance answers GET with the same value, and the walk visits exactly entries().
void ExpectConsistentWalk(const ControllerModel& c) {
  snmp::Oid at = O("1");
  std::size_t n = 0;
  while (auto next = c.Next(at)) {
    ASSERT_LT(at, next->oid);
    ASSERT_LT(n, c.entries().size());
    EXPECT_EQ(next->oid, c.entries()[n].oid);
    EXPECT_EQ(c.Get(next->oid), next->value) << next->oid.ToString();
    at = next->oid;
    ++n;
  }
  EXPECT_EQ(n, c.entries().size());
  EXPECT_FALSE(c.Get(O("1.3.6.1.4.1.14179.2.2.1.1.3.1.2.3.4.5.6")).has_value());
}

TEST(ControllerModel, CiscoIndexesApsByMacAndRadiosByMacAndSlot) {
  Fixture f(ControllerVendor::kCiscoWlc, 3);
  ControllerModel& c = *f.controller;
  c.AdvanceTo(kSummerSaturday + 600);
  ExpectConsistentWalk(c);
  for (std::size_t i = 0; i < 3; ++i) {
    const MacAddress& mac = c.mac(i);
    EXPECT_EQ(mac[0], 0x70);
    EXPECT_EQ(mac[1], 0xF0);
    EXPECT_EQ(mac[2], 0x96);
    EXPECT_EQ(c.Get(WithIndex(kBsnApName, mac))->AsText(), f.aps[i]->name());
    EXPECT_EQ(c.Get(WithIndex(kBsnApLocation, mac))->AsText(), "Stadsparken");
    const ClientCounts truth = f.aps[i]->ClientsAt(kSummerSaturday + 600);
    ASSERT_GT(truth.total, 0);
    for (int slot = 0; slot < 2; ++slot) {
      const auto users = c.Get(WithIndex(kBsnApIfUsers, mac, slot));
      ASSERT_TRUE(users.has_value());
      EXPECT_EQ(users->type, snmp::ValueType::kCounter32);  // a count declared as Counter32
      EXPECT_EQ(static_cast<int>(users->unsigned_), truth.radio[slot]);
      EXPECT_EQ(U(c, WithIndex(kBsnApIfSlot, mac, slot)), slot);
      EXPECT_EQ(U(c, WithIndex(kBsnApIfType, mac, slot)), slot == 0 ? 1 : 2);  // dot11b, dot11a
    }
  }
  // bsnDot11EssTable: index 1..n, stations = the APs' per-SSID sum.
  int total = 0;
  for (int s = 0; s < 2; ++s) {
    int sum = 0;
    for (const auto& ap : f.aps) sum += ap->ClientsAt(kSummerSaturday + 600).ssid[s];
    EXPECT_EQ(c.Get(kBsnEssSsid.Child({static_cast<std::uint32_t>(s + 1)}))->AsText(),
              s == 0 ? "Helsingborg" : "eduroam");
    EXPECT_EQ(U(c, kBsnEssStations.Child({static_cast<std::uint32_t>(s + 1)})), sum);
    total += sum;
  }
  EXPECT_EQ(total, c.Clients());
  EXPECT_EQ(U(c, kApConnectCount), 3);
}

TEST(ControllerModel, GetNextCrossesFromOneColumnAndTableToTheNext) {
  Fixture f(ControllerVendor::kCiscoWlc, 3);
  const ControllerModel& c = *f.controller;
  // The last bsnAPName row leads to the first bsnAPLocation row (same MAC order).
  std::vector<MacAddress> macs = {c.mac(0), c.mac(1), c.mac(2)};
  std::sort(macs.begin(), macs.end());
  auto next = c.Next(WithIndex(kBsnApName, macs.back()));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->oid, WithIndex(kBsnApLocation, macs.front()));
  // Past the column prefix itself: its first row.
  EXPECT_EQ(c.Next(kBsnApName)->oid, WithIndex(kBsnApName, macs.front()));
  // The last bsnAPTable instance leads into bsnAPIfTable (slot column, first MAC, slot 0).
  auto last_ap_row = c.Next(O("1.3.6.1.4.1.14179.2.2.1.1.6.255"));
  ASSERT_TRUE(last_ap_row.has_value());
  EXPECT_EQ(last_ap_row->oid, WithIndex(kBsnApIfSlot, macs.front(), 0));
  // The ESS table precedes the AP tables; past the last instance there is nothing.
  EXPECT_LT(kBsnEssStations, kBsnApName);
  EXPECT_FALSE(c.Next(c.entries().back().oid).has_value());
}

TEST(ControllerModel, CiscoDropsDownApsFromItsTablesAndTotalsStayTheSum) {
  Fixture f(ControllerVendor::kCiscoWlc, 3, /*down_second=*/true);
  ControllerModel& c = *f.controller;
  c.AdvanceTo(kSummerSaturday + 600);
  EXPECT_FALSE(c.Reports(1));
  EXPECT_FALSE(c.Get(WithIndex(kBsnApName, c.mac(1))).has_value());
  EXPECT_FALSE(c.Get(WithIndex(kBsnApIfUsers, c.mac(1), 0)).has_value());
  EXPECT_EQ(U(c, kApConnectCount), 2);
  ExpectConsistentWalk(c);
  int reported = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    if (c.Reports(i)) reported += f.aps[i]->clients().total;
  }
  EXPECT_EQ(c.Clients(), reported);
  EXPECT_EQ(U(c, kBsnEssStations.Child({1})) + U(c, kBsnEssStations.Child({2})), reported);
  // Back after the outage: the row reappears under the same MAC.
  c.AdvanceTo(kSummerSaturday + 3600 + 60);
  EXPECT_TRUE(c.Reports(1));
  EXPECT_EQ(c.Get(WithIndex(kBsnApName, c.mac(1)))->AsText(), "ap-1");
  EXPECT_EQ(U(c, kApConnectCount), 3);
}

TEST(ControllerModel, ArubaKeepsDownApsWithStatusDownAndNoClients) {
  Fixture f(ControllerVendor::kArubaInstant, 3, /*down_second=*/true);
  ControllerModel& c = *f.controller;
  c.AdvanceTo(kSummerSaturday + 600);
  ExpectConsistentWalk(c);
  for (std::size_t i = 0; i < 3; ++i) {
    const MacAddress& mac = c.mac(i);
    EXPECT_EQ(mac[0], 0x70);
    EXPECT_EQ(mac[1], 0x3A);
    EXPECT_EQ(mac[2], 0x0E);
    EXPECT_TRUE(c.Reports(i));
    EXPECT_EQ(c.Get(WithIndex(kAiApName, mac))->AsText(), f.aps[i]->name());
    const bool up = i != 1;
    EXPECT_EQ(U(c, WithIndex(kAiApStatus, mac)), up ? 1 : 2);
    const ClientCounts truth = f.aps[i]->ClientsAt(kSummerSaturday + 600);
    EXPECT_EQ(truth.total > 0, up);
    // Radio 0 is the 5 GHz radio, radio 1 the 2.4 GHz one (as on the recorded AP-225).
    EXPECT_EQ(U(c, WithIndex(kAiRadioClients, mac, 0)), truth.radio[1]);
    EXPECT_EQ(U(c, WithIndex(kAiRadioClients, mac, 1)), truth.radio[0]);
    EXPECT_EQ(U(c, WithIndex(kAiRadioStatus, mac, 0)), up ? 1 : 2);
  }
  int total = 0;
  for (std::uint32_t s = 0; s < 2; ++s) {  // aiSSIDIndex is 0-based
    EXPECT_EQ(c.Get(kAiSsid.Child({s}))->AsText(), s == 0 ? "Helsingborg" : "eduroam");
    int sum = 0;
    for (const auto& ap : f.aps) sum += ap->clients().ssid[s];
    EXPECT_EQ(U(c, kAiSsidClients.Child({s})), sum);
    total += sum;
  }
  EXPECT_EQ(total, c.Clients());
}

TEST(ControllerModel, ArubaRadioBytesAreTheApsRadioCounters) {
  Fixture f(ControllerVendor::kArubaInstant, 1);
  ControllerModel& c = *f.controller;
  c.AdvanceTo(kSummerSaturday + 1800);
  const snmp::Oid tx = O("1.3.6.1.4.1.14823.2.3.3.1.2.2.1.12");
  const snmp::Oid rx = O("1.3.6.1.4.1.14823.2.3.3.1.2.2.1.16");
  const ApModel& ap = *f.aps[0];
  ASSERT_GT(ap.bytes().tx, 0u);
  // No history before start and no reboot: the counters are the truth bytes (mod 2^32).
  EXPECT_EQ(U(c, WithIndex(tx, c.mac(0), 0)),
            static_cast<long long>(ap.RadioBytes(1).tx % (1ull << 32)));
  EXPECT_EQ(U(c, WithIndex(rx, c.mac(0), 1)),
            static_cast<long long>(ap.RadioBytes(0).rx % (1ull << 32)));
  EXPECT_EQ(c.Get(WithIndex(tx, c.mac(0), 0))->type, snmp::ValueType::kCounter32);
}

TEST(ControllerModel, MacsAreUniqueAndStable) {
  // Enough APs that 24 hashed bits clash several times (expected ~ n^2 / 2^25 ~ 11).
  std::vector<std::string> names;
  for (int i = 0; i < 20000; ++i) names.push_back("ap-" + std::to_string(i));
  const auto a = AssignMacs(ControllerVendor::kCiscoWlc, names, 5);
  const auto b = AssignMacs(ControllerVendor::kCiscoWlc, names, 5);
  EXPECT_EQ(a, b);
  std::set<MacAddress> seen(a.begin(), a.end());
  EXPECT_EQ(seen.size(), names.size());
  // A controller uses exactly these.
  Fixture f(ControllerVendor::kArubaInstant, 2);
  const auto macs = AssignMacs(ControllerVendor::kArubaInstant, {"ap-0", "ap-1"}, 0);
  EXPECT_EQ(f.controller->mac(0), macs[0]);
  EXPECT_EQ(f.controller->mac(1), macs[1]);
  EXPECT_EQ(ToString(MacAddress{0x70, 0xF0, 0x96, 0x0A, 0xBC, 0x01}), "70:f0:96:0a:bc:01");
}

TEST(ControllerModel, ControllerDownIsSilentButItsApsKeepServing) {
  Fixture f(ControllerVendor::kCiscoWlc, 2);
  ControllerModel& c = *f.controller;
  c.InjectFault(FaultKind::kDown, kSummerSaturday + 60, kSummerSaturday + 120);
  c.AdvanceTo(kSummerSaturday + 90);
  EXPECT_EQ(c.behaviour(), Behaviour::kSilent);
  EXPECT_GT(c.Clients(), 0);
  c.AdvanceTo(kSummerSaturday + 121);
  EXPECT_EQ(c.behaviour(), Behaviour::kNormal);
  EXPECT_THROW(c.InjectFault(FaultKind::kReboot, kSummerSaturday, kSummerSaturday + 1),
               std::invalid_argument);
}

}  // namespace
}  // namespace surfzone::sim
