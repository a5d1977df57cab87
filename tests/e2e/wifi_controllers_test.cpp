// surfzoned against real controller recordings served by snmpsimd: one controller poll updates
// all its APs; matching by name and by MAC; unassigned APs; APs the controller does not report
// are down; an unreachable controller leaves its APs unknown. Expected numbers are read from
// tests/fixtures/walks/*.snmprec by hand (OID lines named in the comments).
#include <gtest/gtest.h>

#include "snmpsim_agent.hpp"
#include "surfzone/testing/http_client.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::TempDir;

std::string Config(const SnmpsimAgent& agent, const std::string& dead_address) {
  return R"(auths:
  wlc: {version: 2c, community: ciscowlc_cbw240ac}
  instant: {version: 2c, community: aruba-instant}
  zd: {version: 2c, community: ruckuswireless_zd1200}
  sz: {version: 2c, community: ruckuswireless-sz}
defaults:
  auth: wlc
  interval: 1s
  timeout: 500ms
  retries: 1
controllers:
  - {name: wlc, address: ")" +
         agent.address(0) + R"(", profile: cisco-wlc}
  - {name: vc, address: ")" +
         agent.address(1) + R"(", auth: instant, profile: aruba-instant}
  - {name: zd, address: ")" +
         agent.address(2) + R"(", auth: zd, profile: ruckus-zd}
  - {name: sz, address: ")" +
         agent.address(3) + R"(", auth: sz, profile: ruckus-sz}
  - {name: gone, address: ")" +
         dead_address + R"(", profile: cisco-wlc, timeout: 200ms, retries: 0}
locations:
  - name: Torget
    kind: square
    access_points:
      - {name: ap1, controller: wlc}
      - {name: torget-2, controller: wlc, mac: "A0:0F:37:1A:08:80"}
      - {name: ghost, controller: wlc}
  - name: Kajen
    kind: harbour
    access_points:
      - {name: instant-ap-src-1, controller: vc}
  - name: Biblioteket
    kind: building
    access_points:
      - {name: lib-1, controller: gone}
)";
}

TEST(E2eWifiControllers, ControllerPollsUpdateTheirAps) {
  SnmpsimAgent agent(
      {"ciscowlc_cbw240ac", "aruba-instant", "ruckuswireless_zd1200", "ruckuswireless-sz"}, 4);
  TempDir dir;
  const unsigned short dead_port = testing::FreeUdpPort();  // nothing listens there
  const std::string config =
      dir.Write("surfzone.yaml", Config(agent, "127.0.0.1:" + std::to_string(dead_port)));
  Surfzoned daemon(dir.path(), config);
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_controller_up", {{"controller", "wlc"}}) == 1 &&
               ValueOr(s, "surfzone_controller_up", {{"controller", "vc"}}) == 1 &&
               ValueOr(s, "surfzone_controller_up", {{"controller", "zd"}}) == 1 &&
               ValueOr(s, "surfzone_controller_up", {{"controller", "sz"}}) == 1 &&
               ValueOr(s, "surfzone_controller_up", {{"controller", "gone"}}) == 0;
      },
      20s, &m))
      << daemon.ScrapeText() << daemon.Log();

  // Cisco CBW240AC: bsnAPName 1.3.6.1.4.1.14179.2.2.1.1.3.<mac> = ap1..ap4; bsnApIfNoOfUsers
  // .2.2.2.1.15.<mac>.{0,1}: ap1 (20.22.157.36.236.128) 0+1, ap2 (160.15.55.26.8.128) 3+5,
  // ap3 5+4, ap4 0+5 -> 23; no bsnAPOperationStatus column, so all four count as up.
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "wlc"}, {"state", "up"}}), 4);
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "wlc"}, {"state", "down"}}), 0);
  // bsnDot11EssNumberOfMobileStations .2.1.1.1.38.{1,2,4,5,16} = 0, 23, 0, 0, 0
  EXPECT_EQ(ValueOr(m, "surfzone_controller_clients", {{"controller", "wlc"}}), 23);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("ap1")), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", Ap("ap1")), 1);
  // Matched by MAC a0:0f:37:1a:08:80 = ap2: 3 + 5, radio 1 (bsnAPIfType 2 = 5GHz) 5
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", Ap("torget-2")), 8);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_radio_clients",
                    {{"ap", "torget-2"}, {"radio", "1"}, {"band", "5GHz"}}),
            5);
  // Not reported by the controller: down.
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("ghost")), 0);
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps_up", {{"location", "Torget"}}), 2);
  EXPECT_EQ(ValueOr(m, "surfzone_location_clients", {{"location", "Torget"}}), 9);
  // ap3 and ap4 are placed nowhere: location "unassigned", 9 + 5 clients.
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", {{"ap", "ap3"}, {"location", "unassigned"}}), 9);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", {{"ap", "ap4"}, {"location", "unassigned"}}), 5);
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps", {{"location", "unassigned"}}), 2 + 2);
  // (2 from wlc + 2 from the Aruba VC: ECA-Ultimo-L11-AP06 and -AP14 are placed nowhere)

  // Aruba Instant: aiAPStatus 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.11.<mac> = 1 for all 3 APs;
  // aiRadioClientNum .2.2.1.21 = 0 everywhere.
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "vc"}, {"state", "up"}}), 3);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("instant-ap-src-1")), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", Ap("instant-ap-src-1")), 0);
  const auto info = m.Find("surfzone_ap_info", Ap("instant-ap-src-1"));
  ASSERT_EQ(info.size(), 1u);
  EXPECT_EQ(info.front()->labels.at("model"), "225");              // aiAPModelName .2.1.1.6
  EXPECT_EQ(info.front()->labels.at("mac"), "70:3a:0e:c9:c2:46");  // index 112.58.14.201.194.70
  EXPECT_EQ(info.front()->labels.at("controller"), "vc");
  // aiRadioTx/RxDataBytes .2.2.1.12/.16 (Counter32) are this AP's traffic.
  EXPECT_EQ(info.front()->labels.at("traffic_source"), "radio-32");

  // Ruckus ZD1200: ruckusZDSystemStatsNumAP 1.3.6.1.4.1.25053.1.2.1.1.1.15.1.0 = 4 (connected),
  // NumRegisteredAP .15.15.0 = 8, NumSta .15.2.0 = 6; the recording has no AP table.
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "zd"}, {"state", "up"}}), 4);
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "zd"}, {"state", "down"}}), 4);
  EXPECT_EQ(ValueOr(m, "surfzone_controller_clients", {{"controller", "zd"}}), 6);

  // Ruckus SmartZone (excerpt): 1.3.6.1.4.1.25053.1.4.1.1.1.15.1.0 = 40 APs, .15.2.0 = 146
  // clients; no AP table, no registered-AP total, so none counts as down.
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "sz"}, {"state", "up"}}), 40);
  EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", "sz"}, {"state", "down"}}), 0);
  EXPECT_EQ(ValueOr(m, "surfzone_controller_clients", {{"controller", "sz"}}), 146);

  // Unreachable controller: its AP is unknown, not down. The location has no known AP, so it
  // accumulates no state seconds at all (a down AP would count as "down" time).
  // surfzone_ap_up has no sample for it (neither 1 nor 0), and the location counts it unknown,
  // which keeps SurfzoneLocationDown quiet.
  EXPECT_FALSE(m.Has("surfzone_ap_up", Ap("lib-1")));
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps_unknown", {{"location", "Biblioteket"}}), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps_up", {{"location", "Biblioteket"}}), 0);
  EXPECT_EQ(ValueOr(m, "surfzone_location_state_seconds_total",
                    {{"location", "Biblioteket"}, {"state", "down"}}),
            0);
  EXPECT_FALSE(m.Has("surfzone_ap_clients", Ap("lib-1")));
}

}  // namespace
}  // namespace surfzone::e2e

namespace surfzone::e2e {
namespace {

using testing::HttpPost;
using testing::TempDir;

std::string ReloadConfig(const std::string& address, bool place_ap3) {
  std::string yaml = R"(auths:
  wlc: {version: 2c, community: ciscowlc_cbw240ac}
defaults: {auth: wlc, interval: 1s, timeout: 500ms, retries: 1}
controllers:
  - {name: wlc, address: ")" +
                     address + R"(", profile: cisco-wlc}
locations:
  - name: Torget
    kind: square
    access_points:
      - {name: ap1, controller: wlc}
)";
  if (place_ap3) yaml += "      - {name: ap3, controller: wlc}\n";
  return yaml;
}

TEST(E2eWifiControllers, ReloadPlacesAnUnassignedApAndKeepsTheController) {
  SnmpsimAgent agent({"ciscowlc_cbw240ac"});
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", ReloadConfig(agent.address(), false));
  Surfzoned daemon(dir.path(), path);
  MetricsText m;
  // ap2, ap3, ap4 (bsnAPName .2.2.1.1.3) are placed nowhere at first.
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("ap1")) >= 2 &&
               ValueOr(s, "surfzone_location_aps", {{"location", "unassigned"}}) == 3;
      },
      15s, &m))
      << daemon.ScrapeText() << daemon.Log();
  const double polls_before = ValueOr(m, "surfzone_ap_polls_total", Ap("ap1"));

  WriteFileAtomic(path, ReloadConfig(agent.address(), true));
  ASSERT_EQ(HttpPost(daemon.port(), "/-/reload", "", 10s).status, 200) << daemon.Log();
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_clients", {{"ap", "ap3"}, {"location", "Torget"}}) >= 0 &&
               ValueOr(s, "surfzone_location_aps", {{"location", "unassigned"}}) == 2;
      },
      10s, &m))
      << daemon.ScrapeText() << daemon.Log();
  // ap3: bsnApIfNoOfUsers .2.2.2.1.15.160.15.55.26.10.192.{0,1} = 5 + 4
  EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", {{"ap", "ap3"}, {"location", "Torget"}}), 9);
  EXPECT_EQ(ValueOr(m, "surfzone_location_clients", {{"location", "Torget"}}), 1 + 9);
  EXPECT_FALSE(m.Has("surfzone_ap_clients", {{"ap", "ap3"}, {"location", "unassigned"}}));
  EXPECT_EQ(ValueOr(m, "surfzone_controller_up", {{"controller", "wlc"}}), 1);
  EXPECT_GE(ValueOr(m, "surfzone_ap_polls_total", Ap("ap1")), polls_before)
      << "the counters of an AP behind a controller that stayed were reset";
}

}  // namespace
}  // namespace surfzone::e2e
