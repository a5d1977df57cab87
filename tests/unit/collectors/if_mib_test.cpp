#include "surfzone/collectors/if_mib.hpp"

#include <gtest/gtest.h>

namespace surfzone::collectors {
namespace {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;

const Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
const Oid kIfXEntry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};

snmp::Varbind Cell(const Oid& entry, std::uint32_t column, std::uint32_t index, Value v) {
  return {entry.Child({column, index}), std::move(v)};
}

// A result shaped like the plan: ifTable columns (descr, type, speed, oper, in, out) and
// ifXTable columns (name, hcIn, hcOut, highSpeed).
PollResult Result(bool with_hc) {
  PollResult r;
  r.tables.resize(2);
  r.tables[0].resize(6);
  r.tables[1].resize(4);
  for (std::uint32_t idx : {1u, 2u, 3u}) {
    r.tables[0][0].push_back(
        Cell(kIfEntry, 2, idx, Value::String(idx == 1 ? "lo" : "wlan" + std::to_string(idx))));
    r.tables[0][1].push_back(Cell(kIfEntry, 3, idx, Value::Integer(idx == 1 ? 24 : 71)));
    r.tables[0][2].push_back(
        Cell(kIfEntry, 5, idx, Value::Unsigned(ValueType::kGauge32, 100000000)));
    r.tables[0][3].push_back(Cell(kIfEntry, 8, idx, Value::Integer(1)));
    r.tables[0][4].push_back(
        Cell(kIfEntry, 10, idx, Value::Unsigned(ValueType::kCounter32, 1000 * idx)));
    r.tables[0][5].push_back(
        Cell(kIfEntry, 16, idx, Value::Unsigned(ValueType::kCounter32, 2000 * idx)));
    r.tables[1][0].push_back(
        Cell(kIfXEntry, 1, idx, Value::String(idx == 1 ? "lo" : "wifi" + std::to_string(idx))));
    if (with_hc) {
      r.tables[1][1].push_back(
          Cell(kIfXEntry, 6, idx, Value::Unsigned(ValueType::kCounter64, 5000000000ULL * idx)));
      r.tables[1][2].push_back(
          Cell(kIfXEntry, 10, idx, Value::Unsigned(ValueType::kCounter64, 7000000000ULL * idx)));
    }
    r.tables[1][3].push_back(Cell(kIfXEntry, 15, idx, Value::Unsigned(ValueType::kGauge32, 1000)));
  }
  return r;
}

TEST(IfMibCollector, PlansOneWalkPerTable) {
  IfMibCollector c;
  PollPlan plan;
  c.Plan(plan);
  ASSERT_EQ(plan.tables.size(), 2u);
  EXPECT_EQ(plan.tables[0].columns.size(), 6u);
  EXPECT_EQ(plan.tables[1].columns.size(), 4u);
}

TEST(IfMibCollector, PrefersSixtyFourBitCountersAndExcludesLoopback) {
  IfMibCollector c;
  PollPlan plan;
  c.Plan(plan);
  ApSample s;
  c.Decode(Result(true), s);
  ASSERT_EQ(s.interfaces.size(), 3u);
  EXPECT_FALSE(s.interfaces[0].carries_wifi_traffic);  // lo, ifType 24
  EXPECT_TRUE(s.interfaces[1].carries_wifi_traffic);
  EXPECT_EQ(s.interfaces[1].name, "wifi2");
  EXPECT_EQ(s.interfaces[1].width, CounterWidth::k64);
  EXPECT_EQ(s.interfaces[1].in_octets, 10000000000ULL);
  EXPECT_EQ(s.interfaces[2].out_octets, 21000000000ULL);
  EXPECT_EQ(s.interfaces[2].speed_bps, 1000000000ULL);  // ifHighSpeed wins over ifSpeed
}

TEST(IfMibCollector, FallsBackToThirtyTwoBitCounters) {
  IfMibCollector c;
  PollPlan plan;
  c.Plan(plan);
  ApSample s;
  c.Decode(Result(false), s);
  ASSERT_EQ(s.interfaces.size(), 3u);
  EXPECT_EQ(s.interfaces[2].width, CounterWidth::k32);
  EXPECT_EQ(s.interfaces[2].in_octets, 3000u);
  EXPECT_EQ(s.interfaces[2].out_octets, 6000u);
}

TEST(InterfaceFilter, MatchesByTypeAndName) {
  InterfaceSample wlan;
  wlan.name = "wlan0";
  wlan.type = 71;
  InterfaceSample eth;
  eth.name = "eth0";
  eth.type = 6;
  InterfaceFilter by_type{.types = {71}, .name = std::nullopt, .descr = std::nullopt};
  EXPECT_TRUE(by_type.Matches(wlan));
  EXPECT_FALSE(by_type.Matches(eth));
  InterfaceFilter by_name{.types = {}, .name = std::regex("^eth"), .descr = std::nullopt};
  EXPECT_FALSE(by_name.Matches(wlan));
  EXPECT_TRUE(by_name.Matches(eth));
  wlan.descr = "Atheros 802.11ac radio";
  InterfaceFilter by_descr{.types = {}, .name = std::nullopt, .descr = std::regex("802\\.11")};
  EXPECT_TRUE(by_descr.Matches(wlan));
  EXPECT_FALSE(by_descr.Matches(eth));
}

}  // namespace
}  // namespace surfzone::collectors
