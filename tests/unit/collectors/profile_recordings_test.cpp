// Every built-in profile with a real recording decodes it to the numbers read off the recording
// by hand (tests/fixtures/walks/*.snmprec; each expectation names the OID lines it comes from).
#include <gtest/gtest.h>

#include "snmprec.hpp"
#include "surfzone/collectors/profile.hpp"
#include "surfzone/collectors/wifi_summary.hpp"

namespace surfzone::collectors {
namespace {

ApSample DecodeWith(const std::string& profile, const std::string& walk_name) {
  auto p = MakeBuiltinProfile(profile);
  EXPECT_NE(p, nullptr) << profile;
  ApSample sample;
  if (p) p->Decode(testing::Answer(p->plan(), testing::LoadWalk(walk_name)), sample);
  return sample;
}

std::uint64_t RadioClients(const ApClients& c, const std::string& radio) {
  for (const auto& r : c.radios) {
    if (r.radio == radio) return r.clients;
  }
  ADD_FAILURE() << "no radio " << radio;
  return 0;
}

std::string RadioBand(const ApClients& c, const std::string& radio) {
  for (const auto& r : c.radios) {
    if (r.radio == radio) return r.band;
  }
  return "<none>";
}

TEST(ProfileRecordings, UnifiNanoHd) {
  const ApSample s = DecodeWith("unifi", "unifi_nanohd");
  // unifiApSystemModel 1.3.6.1.4.1.41112.1.6.3.3.0 / unifiApSystemVersion .3.6.0
  EXPECT_EQ(s.wifi.model, "UAP-nanoHD");
  EXPECT_EQ(s.wifi.firmware, "5.43.36.12724");
  const ApClients c = SummarizeAp(s.wifi, "");
  // unifiVapNumStations .1.2.1.8.{1,2,3,4} = 4, 0, 14, 0
  ASSERT_TRUE(c.clients.has_value());
  EXPECT_EQ(*c.clients, 18u);
  // unifiVapRadio .1.2.1.9.{1,2} = "ng", .{3,4} = "na"
  EXPECT_EQ(RadioClients(c, "ng"), 4u);
  EXPECT_EQ(RadioClients(c, "na"), 14u);
  EXPECT_EQ(RadioBand(c, "ng"), "2.4GHz");
  EXPECT_EQ(RadioBand(c, "na"), "5GHz");
  // unifiVapEssId .1.2.1.6.{1,3} = homewifi_ac, .{2,4} = vwire-d4aebb3212a82cd8
  EXPECT_EQ(c.ssids.at("homewifi_ac"), 18u);
  EXPECT_EQ(c.ssids.at("vwire-d4aebb3212a82cd8"), 0u);
  // No unifiVapRxBytes/TxBytes in the recording: traffic falls back to IF-MIB (ifHC* present).
  EXPECT_TRUE(s.wifi_traffic.empty());
  EXPECT_EQ(MakeBuiltinProfile("unifi")->TrafficSource(s), "if-mib-64");
}

TEST(ProfileRecordings, CiscoWlcCbw240ac) {
  const ApSample s = DecodeWith("cisco-wlc", "ciscowlc_cbw240ac");
  // bsnAPName 1.3.6.1.4.1.14179.2.2.1.1.3.<mac>: ap1 20.22.157.36.236.128,
  // ap2 160.15.55.26.8.128, ap3 160.15.55.26.10.192, ap4 160.15.55.26.16.224
  ASSERT_EQ(s.wifi.aps.size(), 4u);
  std::map<std::string, std::string> names;
  for (const auto& ap : s.wifi.aps) {
    names[ap.name] = ap.key;
    EXPECT_FALSE(ap.up.has_value()) << "the recording has no bsnAPOperationStatus";
  }
  EXPECT_EQ(names.at("ap1"), "14:16:9d:24:ec:80");
  EXPECT_EQ(names.at("ap4"), "a0:0f:37:1a:10:e0");
  // bsnApIfNoOfUsers 1.3.6.1.4.1.14179.2.2.2.1.15.<mac>.{0,1}: ap1 0/1, ap2 3/5, ap3 5/4, ap4 0/5
  const std::map<std::string, std::uint64_t> expected = {
      {"ap1", 1}, {"ap2", 8}, {"ap3", 9}, {"ap4", 5}};
  std::uint64_t total = 0;
  for (const auto& [name, clients] : expected) {
    const ApClients c = SummarizeAp(s.wifi, names.at(name));
    ASSERT_TRUE(c.clients.has_value()) << name;
    EXPECT_EQ(*c.clients, clients) << name;
    total += *c.clients;
    ASSERT_EQ(c.radios.size(), 2u) << name;
    // bsnAPIfType .2.2.2.1.2: slot 0 = 1 (dot11b), slot 1 = 2 (dot11a)
    EXPECT_EQ(RadioBand(c, "0"), "2.4GHz");
    EXPECT_EQ(RadioBand(c, "1"), "5GHz");
  }
  EXPECT_EQ(total, 23u);
  EXPECT_EQ(RadioClients(SummarizeAp(s.wifi, names.at("ap2")), "1"), 5u);
  // bsnDot11EssNumberOfMobileStations .2.1.1.1.38.{1,2,4,5,16} = 0, 23, 0, 0, 0
  EXPECT_EQ(ControllerSsidClients(s.wifi), 23u);
  // clsSysApConnectCount 1.3.6.1.4.1.9.9.618.1.8.4.0 = 4
  EXPECT_EQ(s.wifi.aps_up, 4u);
}

TEST(ProfileRecordings, MikrotikRouterOs) {
  const ApSample s = DecodeWith("mikrotik", "routeros");
  const ApClients c = SummarizeAp(s.wifi, "");
  // mtxrWlApClientCount 1.3.6.1.4.1.14988.1.1.1.3.1.6.{1,2,8,9} = 7, 0, 0, 4
  ASSERT_TRUE(c.clients.has_value());
  EXPECT_EQ(*c.clients, 11u);
  EXPECT_EQ(RadioClients(c, "1"), 7u);
  EXPECT_EQ(RadioClients(c, "9"), 4u);
  // mtxrWlApFreq .3.1.7.{1,2,8,9} = 2412, 5805, 0, 0
  EXPECT_EQ(RadioBand(c, "1"), "2.4GHz");
  EXPECT_EQ(RadioBand(c, "2"), "5GHz");
  EXPECT_EQ(RadioBand(c, "8"), "unknown");
  // mtxrWlApSsid .3.1.4.{1,2,8,9} = WARKOP-KOPIBOSS-B, -A, WARKOP-KOPIBOSS, WARKOP-KOPIBOSS
  EXPECT_EQ(c.ssids.at("WARKOP-KOPIBOSS-B"), 7u);
  EXPECT_EQ(c.ssids.at("WARKOP-KOPIBOSS-A"), 0u);
  EXPECT_EQ(c.ssids.at("WARKOP-KOPIBOSS"), 4u);
}

TEST(ProfileRecordings, RuckusZoneDirector1200) {
  const ApSample s = DecodeWith("ruckus-zd", "ruckuswireless_zd1200");
  // ruckusZDSystemStats: NumSta 1.3.6.1.4.1.25053.1.2.1.1.1.15.2.0 = 6, NumAP .15.1.0 = 4,
  // NumRegisteredAP .15.15.0 = 8
  EXPECT_EQ(s.wifi.controller_clients, 6u);
  EXPECT_EQ(s.wifi.aps_up, 4u);
  EXPECT_EQ(s.wifi.aps_total, 8u);
  EXPECT_TRUE(s.wifi.aps.empty()) << "the recording has no ruckusZDWLANAPTable";
  // ruckusZDWLANNumSta .2.2.1.1.1.1.1.12.{1..8} = 0, 0, 0, 2, 2, 1, 1, 0
  EXPECT_EQ(ControllerSsidClients(s.wifi), 6u);
}

TEST(ProfileRecordings, RuckusSmartZoneExcerpt) {
  const ApSample s = DecodeWith("ruckus-sz", "ruckuswireless-sz");
  // 1.3.6.1.4.1.25053.1.4.1.1.1.15.1.0 = 40 (APs), .15.2.0 = 146 (clients)
  EXPECT_EQ(s.wifi.aps_up, 40u);
  EXPECT_EQ(s.wifi.controller_clients, 146u);
  // ruckusSZWLANNumSta 1.3.6.1.4.1.25053.1.4.2.1.1.1.2.1.12.{1,2,3,6,7,8} = 52, 16, 9, 0, 67, 2
  EXPECT_EQ(ControllerSsidClients(s.wifi), 146u);
  EXPECT_TRUE(s.wifi.aps.empty()) << "the recording has no ruckusSZAPTable";
}

TEST(ProfileRecordings, ArubaInstant) {
  const ApSample s = DecodeWith("aruba-instant", "aruba-instant");
  // aiAPName 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.2.<mac>, aiAPStatus .2.1.1.11 = 1 (up) for all three
  ASSERT_EQ(s.wifi.aps.size(), 3u);
  std::map<std::string, const ManagedAp*> by_name;
  for (const auto& ap : s.wifi.aps) by_name[ap.name] = &ap;
  ASSERT_TRUE(by_name.contains("ECA-Ultimo-L11-AP06"));
  ASSERT_TRUE(by_name.contains("ECA-Ultimo-L11-AP14"));
  ASSERT_TRUE(by_name.contains("instant-ap-src-1"));
  const ManagedAp& src1 = *by_name.at("instant-ap-src-1");
  EXPECT_EQ(src1.key, "70:3a:0e:c9:c2:46");  // index 112.58.14.201.194.70
  EXPECT_EQ(src1.up, true);
  EXPECT_EQ(src1.model, "225");            // aiAPModelName .2.1.1.6
  EXPECT_EQ(src1.serial, "CNBJHMV0WN");    // aiAPSerialNum .2.1.1.4
  EXPECT_EQ(src1.address, "10.128.0.11");  // aiAPIPAddress .2.1.1.3
  for (const auto& ap : s.wifi.aps) EXPECT_EQ(ap.up, true) << ap.name;
  // aiRadioClientNum .2.2.1.21.<mac>.<radio> = 0 on all 8 radios (3 + 3 + 2)
  EXPECT_EQ(s.wifi.radios.size(), 8u);
  std::uint64_t total = 0;
  for (const auto& ap : s.wifi.aps) total += SummarizeAp(s.wifi, ap.key).clients.value_or(99);
  EXPECT_EQ(total, 0u);
  // aiRadioChannel .2.2.1.4: AP06 radio 0 = "161" (5GHz), radio 1 = "1", radio 2 = "53S"
  const ApClients ap06 = SummarizeAp(s.wifi, by_name.at("ECA-Ultimo-L11-AP06")->key);
  EXPECT_EQ(RadioBand(ap06, "0"), "5GHz");
  EXPECT_EQ(RadioBand(ap06, "1"), "2.4GHz");
  // aiRadioTx/RxDataBytes .2.2.1.12/.16 exist only for instant-ap-src-1's two radios
  const auto counters = WifiTrafficCounters(s.wifi, "radio", src1.key);
  ASSERT_EQ(counters.size(), 2u);
  EXPECT_EQ(counters[0].tx, 557334054u);
  EXPECT_EQ(counters[0].rx, 5912861u);
}

TEST(ProfileDetection, PicksTheVendorFromProbesAndSysObjectId) {
  const auto& specs = BuiltinProfileSpecs();
  struct Case {
    const char* walk;
    bool controllers;
    const char* expected;
  };
  for (const Case& c : {Case{"unifi_nanohd", false, "unifi"}, Case{"routeros", false, "mikrotik"},
                        Case{"ciscowlc_cbw240ac", true, "cisco-wlc"},
                        Case{"ruckuswireless_zd1200", true, "ruckus-zd"},
                        Case{"aruba-instant", true, "aruba-instant"},
                        Case{"ruckuswireless-sz", true, "ruckus-sz"}}) {
    const auto walk = testing::LoadWalk(c.walk);
    DetectInput in;
    const auto sys = walk.find(*snmp::Oid::Parse("1.3.6.1.2.1.1.2.0"));
    ASSERT_NE(sys, walk.end());
    in.sys_object_id = sys->second.oid.ToString();
    for (const auto& probe : DetectProbes(specs)) {
      if (walk.contains(*snmp::Oid::Parse(probe))) in.answered_probes.push_back(probe);
    }
    EXPECT_EQ(DetectProfile(specs, in, c.controllers).value_or("generic"), c.expected) << c.walk;
  }
  // The UniFi recording has net-snmp's generic sysObjectID: only the probe finds it.
  EXPECT_EQ(
      DetectProfile(specs, {.sys_object_id = "1.3.6.1.4.1.8072.3.2.10", .answered_probes = {}}),
      std::nullopt);
}

TEST(BuiltinProfiles, AllParseAndGenericIsFirst) {
  const auto names = BuiltinProfileNames();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "generic");
  for (const char* n : {"unifi", "cisco-wlc", "aruba-instant", "aruba-controller", "ruckus-zd",
                        "ruckus-sz", "mikrotik"}) {
    EXPECT_NE(MakeBuiltinProfile(n), nullptr) << n;
  }
  const auto ctl = BuiltinControllerProfileNames();
  EXPECT_EQ(ctl.size(), 5u);
}

}  // namespace
}  // namespace surfzone::collectors
