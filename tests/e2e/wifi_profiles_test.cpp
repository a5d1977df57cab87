// surfzoned against real recordings served by snmpsimd: client counts per AP, radio and SSID
// from the built-in profiles (and `profile: auto`, and a user-defined profile). Every expected
// number is read from tests/fixtures/walks/*.snmprec by hand; the comment names the OID lines.
#include <gtest/gtest.h>

#include "snmpsim_agent.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::TempDir;

std::string Config(const SnmpsimAgent& agent) {
  return R"(auths:
  unifi: {version: 2c, community: unifi_nanohd}
  routeros: {version: 2c, community: routeros}
defaults:
  auth: unifi
  interval: 1s
  timeout: 500ms
  retries: 1
profiles:
  - name: my-mikrotik            # user-defined: the wlan AP table, clients only
    ssids:
      index: [radio]
      columns:
        ssid: 1.3.6.1.4.1.14988.1.1.1.3.1.4
        clients: 1.3.6.1.4.1.14988.1.1.1.3.1.6
locations:
  - name: Parken
    kind: park
    access_points:
      - {name: nanohd, address: ")" +
         agent.address(0) + R"(", profile: unifi}
      - {name: hap, address: ")" +
         agent.address(1) + R"(", auth: routeros, profile: auto}
  - name: Hamnen
    kind: harbour
    access_points:
      - {name: hap-user, address: ")" +
         agent.address(2) + R"(", auth: routeros, profile: my-mikrotik}
)";
}

double Get(const MetricsText& m, const std::string& name, const Labels& labels) {
  return ValueOr(m, name, labels);
}

TEST(E2eWifiProfiles, ClientsPerApRadioAndSsidFromRealRecordings) {
  SnmpsimAgent agent({"unifi_nanohd", "routeros"}, 3);
  TempDir dir;
  const std::string config = dir.Write("surfzone.yaml", Config(agent));
  Surfzoned daemon(dir.path(), config);
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_clients", Ap("nanohd")) >= 0 &&
               ValueOr(s, "surfzone_ap_clients", Ap("hap")) >= 0 &&
               ValueOr(s, "surfzone_ap_clients", Ap("hap-user")) >= 0;
      },
      20s, &m))
      << daemon.ScrapeText() << daemon.Log();

  // UniFi: unifiVapNumStations 1.3.6.1.4.1.41112.1.6.1.2.1.8.{1,2,3,4} = 4, 0, 14, 0;
  // unifiVapRadio .9.{1,2} = ng, .9.{3,4} = na; unifiVapEssId .6.{1,3} = homewifi_ac.
  EXPECT_EQ(Get(m, "surfzone_ap_clients", Ap("nanohd")), 18);
  EXPECT_EQ(
      Get(m, "surfzone_ap_radio_clients", {{"ap", "nanohd"}, {"radio", "ng"}, {"band", "2.4GHz"}}),
      4);
  EXPECT_EQ(
      Get(m, "surfzone_ap_radio_clients", {{"ap", "nanohd"}, {"radio", "na"}, {"band", "5GHz"}}),
      14);
  // MikroTik: mtxrWlApClientCount 1.3.6.1.4.1.14988.1.1.1.3.1.6.{1,2,8,9} = 7, 0, 0, 4;
  // mtxrWlApFreq .7.1 = 2412; mtxrWlApSsid .4.1 = WARKOP-KOPIBOSS-B, .4.{8,9} = WARKOP-KOPIBOSS.
  EXPECT_EQ(Get(m, "surfzone_ap_clients", Ap("hap")), 11);
  EXPECT_EQ(
      Get(m, "surfzone_ap_radio_clients", {{"ap", "hap"}, {"radio", "1"}, {"band", "2.4GHz"}}), 7);
  // Per location: 18 + 11; SSIDs summed over the location's APs.
  EXPECT_EQ(Get(m, "surfzone_location_clients", {{"location", "Parken"}, {"kind", "park"}}), 29);
  EXPECT_EQ(Get(m, "surfzone_ssid_clients", {{"location", "Parken"}, {"ssid", "homewifi_ac"}}), 18);
  EXPECT_EQ(Get(m, "surfzone_ssid_clients", {{"location", "Parken"}, {"ssid", "WARKOP-KOPIBOSS"}}),
            4);
  EXPECT_EQ(
      Get(m, "surfzone_ssid_clients", {{"location", "Parken"}, {"ssid", "WARKOP-KOPIBOSS-B"}}), 7);
  // The user-defined profile reads the same table: 11, and SSIDs at its own location.
  EXPECT_EQ(Get(m, "surfzone_ap_clients", Ap("hap-user")), 11);
  EXPECT_EQ(Get(m, "surfzone_location_clients", {{"location", "Hamnen"}, {"kind", "harbour"}}), 11);

  // Identity and traffic source. unifiApSystemModel .3.3.0 = UAP-nanoHD; the recording has no
  // VAP byte counters but ifHCIn/OutOctets, so traffic comes from IF-MIB 64-bit counters.
  const auto info = m.Find("surfzone_ap_info", Ap("nanohd"));
  ASSERT_EQ(info.size(), 1u);
  EXPECT_EQ(info.front()->labels.at("model"), "UAP-nanoHD");
  EXPECT_EQ(info.front()->labels.at("firmware"), "5.43.36.12724");
  EXPECT_EQ(info.front()->labels.at("traffic_source"), "if-mib-64");
  // `profile: auto` found MikroTik by sysObjectID 1.3.6.1.4.1.14988.1.
  const auto hap = m.Find("surfzone_ap_info", Ap("hap"));
  ASSERT_EQ(hap.size(), 1u);
  EXPECT_EQ(hap.front()->labels.at("profile"), "mikrotik");
}

TEST(E2eWifiProfiles, MalformedUserProfileIsAConfigErrorWithItsPosition) {
  TempDir dir;
  const std::string config = dir.Write("bad.yaml", R"(auths:
  a: {version: 2c, community: public}
defaults: {auth: a}
profiles:
  - name: broken
    traffic: radio
    radios:
      index: [ap_mac, slot]
      columns: {clients: 1.3.6.x}
locations:
  - name: X
    kind: square
    access_points:
      - {name: x1, address: 127.0.0.1, profile: broken}
)");
  const RunResult r = RunSurfzoned(dir.path(), {"--config.file", config, "--check-config"});
  EXPECT_NE(r.exit_code, 0);
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("bad.yaml:8:"), std::string::npos) << all;
  EXPECT_NE(all.find("profiles[0].radios.index[1]: unknown index part \"slot\""), std::string::npos)
      << all;
  EXPECT_NE(all.find("profiles[0].radios.columns.clients: invalid OID \"1.3.6.x\""),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("traffic: radio needs radios.columns.rx_bytes"), std::string::npos) << all;
}

}  // namespace
}  // namespace surfzone::e2e

namespace surfzone::e2e {
namespace {

// `profile: auto` says how it chose, and says so when nothing matched: the Cisco CBW240AC
// recording (sysObjectID 1.3.6.1.4.1.9.6.1.37.240.1, no unifiApSystemModel) matches no AP
// profile, the UniFi one answers the unifi probe 1.3.6.1.4.1.41112.1.6.3.3.0.
TEST(E2eWifiProfiles, AutoDetectionIsNeverSilent) {
  SnmpsimAgent agent({"unifi_nanohd", "ciscowlc_cbw240ac"}, 2);
  TempDir dir;
  const std::string config = dir.Write("surfzone.yaml", R"(auths:
  unifi: {version: 2c, community: unifi_nanohd}
  cisco: {version: 2c, community: ciscowlc_cbw240ac}
defaults: {auth: unifi, interval: 1s, timeout: 500ms, retries: 1}
locations:
  - name: Parken
    kind: park
    access_points:
      - {name: nanohd, address: ")" + agent.address(0) + R"(", profile: auto}
      - {name: cbw, address: ")" + agent.address(1) +
                                                            R"(", auth: cisco, profile: auto}
)");
  Surfzoned daemon(dir.path(), config);
  auto label = [](const MetricsText& s, const char* ap, const char* name) -> std::string {
    const auto info = s.Find("surfzone_ap_info", Ap(ap));
    return info.size() == 1 ? info.front()->labels.at(name) : std::string();
  };
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return !label(s, "nanohd", "detect").empty() && !label(s, "cbw", "detect").empty() &&
               !label(s, "cbw", "uptime_source").empty();
      },
      20s, &m))
      << daemon.ScrapeText() << daemon.Log();
  EXPECT_EQ(label(m, "nanohd", "profile"), "unifi");
  EXPECT_EQ(label(m, "nanohd", "detect"), "probe:1.3.6.1.4.1.41112.1.6.3.3.0");
  EXPECT_EQ(label(m, "cbw", "profile"), "generic");
  EXPECT_EQ(label(m, "cbw", "detect"), "none");
  // The CBW recording has sysUpTime.0 (1.3.6.1.2.1.1.3.0) but no snmpEngineTime; the UniFi one
  // has snmpEngineTime.0 (1.3.6.1.6.3.10.2.1.3.0).
  EXPECT_EQ(label(m, "cbw", "uptime_source"), "sys_uptime");
  EXPECT_EQ(label(m, "nanohd", "uptime_source"), "engine_time");
  const std::string log = daemon.Log();
  EXPECT_NE(log.find("no profile matched"), std::string::npos) << log;
  EXPECT_NE(log.find("unifi:1.3.6.1.4.1.41112.1.6.3.3.0"), std::string::npos) << log;
  EXPECT_NE(log.find("1.3.6.1.4.1.9.6.1.37.240.1"), std::string::npos) << log;
}

}  // namespace
}  // namespace surfzone::e2e
