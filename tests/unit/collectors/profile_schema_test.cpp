// Profile schema cases real devices need (issue 16), each decoded from a small .snmprec snippet
// through the tester's poll path (MibClient + ExecutePlan + Profile::Decode).
#include <gtest/gtest.h>

#include <algorithm>

#include "surfzone/collectors/profile_tester.hpp"
#include "surfzone/collectors/wifi_summary.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::collectors {
namespace {

// sysObjectID and sysName, so every walk answers the system group.
constexpr const char* kSystem =
    "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.99\n"
    "1.3.6.1.2.1.1.5.0|4|dev\n";

ProfileTestReport Poll(const std::string& yaml, const std::string& snmprec) {
  const Profile profile(config::ParseProfileText(yaml, "t.yaml"));
  snmp::Mib mib;
  snmp::ParseSnmprec(std::string(kSystem) + snmprec, "t.snmprec", mib);
  return TestProfile(profile, mib);
}

std::optional<std::uint64_t> ApClientsOf(const ProfileTestReport& r, const std::string& key) {
  const auto slices = SplitByAp(r.sample.wifi);
  auto it = slices.find(key);
  return SummarizeAp(it == slices.end() ? WifiSample{} : it->second, key).clients;
}

TEST(ProfileSchema, ClientCountAsASingleScalar) {
  const auto r =
      Poll("name: s\nscalars:\n  clients: 1.3.6.1.4.1.99.1.0\n", "1.3.6.1.4.1.99.1.0|66|17\n");
  EXPECT_TRUE(r.matched());
  EXPECT_EQ(SummarizeAp(r.sample.wifi, "").clients, 17u);
}

TEST(ProfileSchema, CountSplitOverSeveralScalarsAndTablesIsSummed) {
  // 2.4 GHz and 5 GHz clients in two scalars; per radio, two tables with the same index.
  const auto r = Poll(
      "name: s\n"
      "scalars:\n  clients: [1.3.6.1.4.1.99.1.0, 1.3.6.1.4.1.99.2.0]\n",
      "1.3.6.1.4.1.99.1.0|66|5\n1.3.6.1.4.1.99.2.0|2|9\n");
  EXPECT_EQ(SummarizeAp(r.sample.wifi, "").clients, 14u);  // 5 + 9

  const auto t = Poll(
      "name: t\n"
      "radios:\n  index: [radio]\n"
      "  columns:\n    clients: [1.3.6.1.4.1.99.3.1.2, 1.3.6.1.4.1.99.4.1.2]\n",
      "1.3.6.1.4.1.99.3.1.2.1|66|3\n1.3.6.1.4.1.99.3.1.2.2|66|1\n"
      "1.3.6.1.4.1.99.4.1.2.1|66|4\n1.3.6.1.4.1.99.4.1.2.2|66|0\n");
  const ApClients c = SummarizeAp(t.sample.wifi, "");
  ASSERT_EQ(c.radios.size(), 2u);
  EXPECT_EQ(c.radios[0].clients, 7u);  // radio 1: 3 + 4
  EXPECT_EQ(c.radios[1].clients, 1u);  // radio 2: 1 + 0
  EXPECT_EQ(c.clients, 8u);
}

TEST(ProfileSchema, NumbersDeliveredAsStrings) {
  // NET-SNMP-EXTEND-MIB nsExtendOutLine."clients".1 = 1.3.6.1.4.1.8072.1.3.2.4.1.2.7.
  // 99.108.105.101.110.116.115 ("clients").1: an `extend clients /usr/bin/count` line " 12\n".
  const std::string line = "1.3.6.1.4.1.8072.1.3.2.4.1.2.7.99.108.105.101.110.116.115.1";
  const auto r = Poll("name: s\nscalars:\n  clients: " + line + "\n", line + "|4| 12\n");
  EXPECT_EQ(SummarizeAp(r.sample.wifi, "").clients, 12u);
  // Text that is not a number is no count (rather than a wrong 0).
  const auto bad = Poll("name: s\nscalars:\n  clients: " + line + "\n", line + "|4|12 users\n");
  EXPECT_EQ(SummarizeAp(bad.sample.wifi, "").clients, std::nullopt);
}

TEST(ProfileSchema, DeviceWithoutUptimeIsReported) {
  const auto r =
      Poll("name: s\nscalars:\n  clients: 1.3.6.1.4.1.99.1.0\n", "1.3.6.1.4.1.99.1.0|66|1\n");
  EXPECT_FALSE(r.sample.system.sys_uptime_ticks);
  EXPECT_FALSE(r.sample.system.engine_time_seconds);
  std::ostringstream out;
  PrintReport(r, out);
  EXPECT_NE(out.str().find("uptime: none (no reboot detection)"), std::string::npos) << out.str();
  bool listed = false;
  for (const auto& m : r.missing) listed = listed || m.oid == "1.3.6.1.2.1.1.3.0";
  EXPECT_TRUE(listed) << "sysUpTime.0 listed as missing";
}

TEST(ProfileSchema, UptimeFromAnotherOidOrNone) {
  // No sysUpTime.0 / snmpEngineTime: HOST-RESOURCES-MIB hrSystemUptime.0 stands in.
  const std::string yaml = "name: s\nscalars:\n  uptime: 1.3.6.1.2.1.25.1.1.0\n";
  const auto r = Poll(yaml, "1.3.6.1.2.1.25.1.1.0|67|500\n");
  EXPECT_EQ(r.sample.system.sys_uptime_ticks, 500u);
  EXPECT_STREQ(UptimeSource(r.sample.system), "profile");
  // sysUpTime.0 present: it wins over the profile's stand-in.
  const auto both = Poll(yaml, "1.3.6.1.2.1.1.3.0|67|900\n1.3.6.1.2.1.25.1.1.0|67|500\n");
  EXPECT_EQ(both.sample.system.sys_uptime_ticks, 900u);
  EXPECT_STREQ(UptimeSource(both.sample.system), "sys_uptime");
  // Neither: "none" (surfzone_ap_info{uptime_source="none"}: no reboot detection).
  EXPECT_STREQ(UptimeSource(Poll(yaml, "").sample.system), "none");
}

TEST(ProfileSchema, AutoDetectionSaysWhichProbesFailed) {
  const auto& specs = BuiltinProfileSpecs();
  // net-snmp's generic sysObjectID and no vendor probe answering: nothing matches.
  const DetectExplanation none =
      ExplainDetection(specs, {.sys_object_id = "1.3.6.1.4.1.8072.3.2.10", .answered_probes = {}});
  EXPECT_EQ(none.profile, std::nullopt);
  EXPECT_EQ(none.how, "none");
  // unifi.yaml detect.probe: unifiApSystemModel
  EXPECT_NE(std::find(none.failed_probes.begin(), none.failed_probes.end(),
                      "unifi:1.3.6.1.4.1.41112.1.6.3.3.0"),
            none.failed_probes.end());
  std::size_t ap_probes = 0;  // every probe of the AP (non-controller) profiles failed
  for (const auto& s : specs) ap_probes += s.controller ? 0 : s.detect_probe.size();
  EXPECT_EQ(none.failed_probes.size(), ap_probes);
  const DetectExplanation probe = ExplainDetection(
      specs, {.sys_object_id = "", .answered_probes = {"1.3.6.1.4.1.41112.1.6.3.3.0"}});
  EXPECT_EQ(probe.profile, "unifi");
  EXPECT_EQ(probe.how, "probe:1.3.6.1.4.1.41112.1.6.3.3.0");
  // cisco-wlc.yaml detect.sys_object_id 1.3.6.1.4.1.14179 (controllers allowed)
  const DetectExplanation sys = ExplainDetection(
      specs, {.sys_object_id = "1.3.6.1.4.1.14179.1.1", .answered_probes = {}}, true);
  EXPECT_EQ(sys.profile, "cisco-wlc");
  EXPECT_EQ(sys.how, "sys_object_id:1.3.6.1.4.1.14179");
}

TEST(ProfileSchema, ThirtyTwoBitOnlyCounters) {
  const auto r = Poll(
      "name: s\ntraffic: radio\n"
      "radios:\n  index: [radio]\n  counter_bits: 32\n"
      "  columns:\n    rx_bytes: 1.3.6.1.4.1.99.3.1.5\n    tx_bytes: 1.3.6.1.4.1.99.3.1.6\n",
      "1.3.6.1.4.1.99.3.1.5.1|65|4294967295\n1.3.6.1.4.1.99.3.1.6.1|65|10\n");
  ASSERT_EQ(r.sample.wifi_traffic.size(), 1u);
  EXPECT_FALSE(r.sample.wifi_traffic[0].wide);
  EXPECT_EQ(r.sample.wifi_traffic[0].rx, 4294967295u);
  EXPECT_EQ(r.traffic_source, "radio-32");
  // IF-MIB with only ifInOctets/ifOutOctets (no ifXTable): if-mib-32.
  const auto g = Poll("name: g\n",
                      "1.3.6.1.2.1.2.2.1.2.1|4|eth0\n1.3.6.1.2.1.2.2.1.3.1|2|6\n"
                      "1.3.6.1.2.1.2.2.1.8.1|2|1\n1.3.6.1.2.1.2.2.1.10.1|65|100\n"
                      "1.3.6.1.2.1.2.2.1.16.1|65|200\n");
  EXPECT_EQ(g.traffic_source, "if-mib-32");
}

TEST(ProfileSchema, ControllerStatesWhichTotalAnApHas) {
  // AP table says 10 clients; its radio rows sum to 3 + 4 = 7.
  const std::string base =
      "name: c\ncontroller: true\n"
      "aps:\n  index: [ap_index]\n"
      "  columns:\n    name: 1.3.6.1.4.1.99.10.1.2\n    clients: 1.3.6.1.4.1.99.10.1.3\n"
      "radios:\n  index: [ap_index, radio]\n  columns:\n    clients: 1.3.6.1.4.1.99.11.1.3\n";
  const std::string walk =
      "1.3.6.1.4.1.99.10.1.2.1|4|ap1\n1.3.6.1.4.1.99.10.1.3.1|66|10\n"
      "1.3.6.1.4.1.99.11.1.3.1.0|66|3\n1.3.6.1.4.1.99.11.1.3.1.1|66|4\n";
  EXPECT_EQ(ApClientsOf(Poll(base, walk), "1"), 10u);  // default: the AP table's own count
  EXPECT_EQ(ApClientsOf(Poll(base + "clients_from: radios\n", walk), "1"), 7u);
  EXPECT_EQ(ApClientsOf(Poll(base + "clients_from: aps\n", walk), "1"), 10u);
  EXPECT_EQ(ApClientsOf(Poll(base + "clients_from: ssids\n", walk), "1"), std::nullopt);
}

TEST(ProfileSchema, SsidTablesIndexedByNameOrBySeparateIndex) {
  // By name: index = length-prefixed SSID ("home" = 4.104.111.109.101), no ssid column.
  const auto by_name = Poll(
      "name: s\nssids:\n  index: [string]\n  columns:\n    clients: 1.3.6.1.4.1.99.5.1.2\n",
      "1.3.6.1.4.1.99.5.1.2.4.104.111.109.101|66|6\n1.3.6.1.4.1.99.5.1.2.3.103.117.101|66|2\n");
  const ApClients a = SummarizeAp(by_name.sample.wifi, "");
  EXPECT_EQ(a.ssids.at("home"), 6u);
  EXPECT_EQ(a.ssids.at("gue"), 2u);
  EXPECT_EQ(a.clients, 8u);
  // By a separate index: the name comes from the ssid column.
  const auto by_index = Poll(
      "name: s\nssids:\n  index: [int]\n"
      "  columns:\n    ssid: 1.3.6.1.4.1.99.6.1.2\n    clients: 1.3.6.1.4.1.99.6.1.3\n",
      "1.3.6.1.4.1.99.6.1.2.7|4|home\n1.3.6.1.4.1.99.6.1.3.7|66|5\n");
  EXPECT_EQ(SummarizeAp(by_index.sample.wifi, "").ssids.at("home"), 5u);
}

TEST(ProfileSchema, OctetStringMacIndexes) {
  // An AP table indexed by a MAC OCTET STRING (length 6 first): 6.0.17.34.51.68.85.
  const auto r = Poll(
      "name: c\ncontroller: true\n"
      "aps:\n  index: [ap_mac_string]\n  columns:\n    name: 1.3.6.1.4.1.99.10.1.2\n"
      "radios:\n  index: [ap_mac_string, radio]\n  columns:\n    clients: 1.3.6.1.4.1.99.11.1.3\n",
      "1.3.6.1.4.1.99.10.1.2.6.0.17.34.51.68.85|4|ap1\n"
      "1.3.6.1.4.1.99.11.1.3.6.0.17.34.51.68.85.1|66|4\n"
      "1.3.6.1.4.1.99.11.1.3.5.0.17.34.51.68.2|66|9\n");  // length 5: not a MAC, skipped
  ASSERT_EQ(r.sample.wifi.aps.size(), 1u);
  EXPECT_EQ(r.sample.wifi.aps[0].key, "00:11:22:33:44:55");
  EXPECT_EQ(r.sample.wifi.aps[0].mac, "00:11:22:33:44:55");
  EXPECT_EQ(r.sample.wifi.radios.size(), 1u);
  EXPECT_EQ(ApClientsOf(r, "00:11:22:33:44:55"), 4u);
}

TEST(ProfileSchema, ParserRejectsMisusedNewKeys) {
  auto error_of = [](const std::string& yaml) -> std::string {
    try {
      config::ParseProfileText(yaml, "p.yaml");
    } catch (const config::ConfigException& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(error_of("name: p\nscalars:\n  model: [1.3.6.1.1.0, 1.3.6.1.2.0]\n")
                .find("p.yaml:3:10: scalars.model: a list of OIDs (summed) is allowed only for"),
            std::string::npos)
      << error_of("name: p\nscalars:\n  model: [1.3.6.1.1.0, 1.3.6.1.2.0]\n");
  EXPECT_NE(error_of("name: p\nscalars:\n  clients: [1.3.6.1.1.0, nope]\n").find("clients[1]"),
            std::string::npos);
  EXPECT_NE(error_of("name: p\nclients_from: best\n").find("unknown clients_from \"best\""),
            std::string::npos);
}

}  // namespace
}  // namespace surfzone::collectors
