// The offline profile tester (surfzoned profile test) on every recording in
// tests/fixtures/walks/: each built-in profile, polled through MibClient + ExecutePlan + Decode,
// yields the numbers read off the recording by hand (the comments name the OID lines).
#include "surfzone/collectors/profile_tester.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "surfzone/collectors/wifi_summary.hpp"
#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::collectors {
namespace {

ProfileTestReport TestWalk(const std::string& profile, const std::string& walk_file) {
  const Profile p(LoadProfileArgument(profile));
  return TestProfile(p, snmp::LoadWalkFile(std::string(SURFZONE_WALKS_DIR) + "/" + walk_file));
}

std::string Text(const ProfileTestReport& r) {
  std::ostringstream out;
  PrintReport(r, out);
  return out.str();
}

bool Missing(const ProfileTestReport& r, const std::string& what) {
  for (const auto& m : r.missing) {
    if (m.what == what) return true;
  }
  return false;
}

std::uint64_t Radio(const ApClients& c, const std::string& radio) {
  for (const auto& r : c.radios) {
    if (r.radio == radio) return r.clients;
  }
  ADD_FAILURE() << "no radio " << radio;
  return 0;
}

ApClients OfAp(const ProfileTestReport& r, const std::string& name) {
  const auto slices = SplitByAp(r.sample.wifi);
  for (const auto& ap : r.sample.wifi.aps) {
    if (ap.name != name) continue;
    auto it = slices.find(ap.key);
    return SummarizeAp(it == slices.end() ? WifiSample{} : it->second, ap.key);
  }
  ADD_FAILURE() << "no AP " << name;
  return {};
}

// Both formats of the UniFi recording: the snmpwalk text one is a conversion of the .snmprec.
TEST(ProfileTester, UnifiNanoHdBothFormats) {
  for (const char* file : {"unifi_nanohd.snmprec", "unifi_nanohd.snmpwalk"}) {
    const ProfileTestReport r = TestWalk("unifi", file);
    EXPECT_TRUE(r.matched()) << file;
    EXPECT_EQ(r.walk_oids, 1001u) << file;  // 1001 lines
    const ApClients c = SummarizeAp(r.sample.wifi, "");
    // unifiVapNumStations 1.3.6.1.4.1.41112.1.6.1.2.1.8.{1,2,3,4} = 4, 0, 14, 0
    ASSERT_TRUE(c.clients) << file;
    EXPECT_EQ(*c.clients, 18u);
    // unifiVapRadio .1.2.1.9.{1,2} = "ng", .{3,4} = "na"
    EXPECT_EQ(Radio(c, "ng"), 4u);
    EXPECT_EQ(Radio(c, "na"), 14u);
    // no unifiVapRxBytes (.1.2.1.10) / TxBytes (.1.2.1.16); ifHCInOctets .31.1.1.1.6 present
    EXPECT_TRUE(Missing(r, "ssids.columns.rx_bytes"));
    EXPECT_TRUE(Missing(r, "ssids.columns.tx_bytes"));
    EXPECT_EQ(r.traffic_source, "if-mib-64");
    const std::string text = Text(r);
    EXPECT_NE(text.find("clients: 18\n"), std::string::npos) << text;
    EXPECT_NE(text.find("radio ng band 2.4GHz: 4 clients"), std::string::npos) << text;
    EXPECT_NE(text.find("ssid \"homewifi_ac\": 18 clients"), std::string::npos) << text;
    EXPECT_NE(text.find("1.3.6.1.4.1.41112.1.6.1.2.1.10  ssids.columns.rx_bytes"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("traffic source: if-mib-64"), std::string::npos) << text;
    EXPECT_NE(text.find("result: match"), std::string::npos) << text;
  }
}

TEST(ProfileTester, MikrotikRouterOs) {
  const ProfileTestReport r = TestWalk("mikrotik", "routeros.snmprec");
  EXPECT_TRUE(r.matched());
  const ApClients c = SummarizeAp(r.sample.wifi, "");
  // mtxrWlApClientCount 1.3.6.1.4.1.14988.1.1.1.3.1.6.{1,2,8,9} = 7, 0, 0, 4
  ASSERT_TRUE(c.clients);
  EXPECT_EQ(*c.clients, 11u);
  EXPECT_EQ(Radio(c, "1"), 7u);
  EXPECT_EQ(Radio(c, "9"), 4u);
}

TEST(ProfileTester, CiscoWlcListsItsApsWithStates) {
  const ProfileTestReport r = TestWalk("cisco-wlc", "ciscowlc_cbw240ac.snmprec");
  EXPECT_TRUE(r.matched());
  // bsnAPName 1.3.6.1.4.1.14179.2.2.1.1.3.<mac>: ap1..ap4; no bsnAPOperationStatus column (.6)
  ASSERT_EQ(r.sample.wifi.aps.size(), 4u);
  EXPECT_TRUE(Missing(r, "aps.columns.status"));
  // bsnApIfNoOfUsers .2.2.2.1.15.<mac>.{0,1}: ap1 0+1, ap2 3+5, ap3 5+4, ap4 0+5
  EXPECT_EQ(OfAp(r, "ap1").clients, 1u);
  EXPECT_EQ(OfAp(r, "ap2").clients, 8u);
  EXPECT_EQ(OfAp(r, "ap3").clients, 9u);
  EXPECT_EQ(OfAp(r, "ap4").clients, 5u);
  EXPECT_EQ(Radio(OfAp(r, "ap4"), "1"), 5u);
  const std::string text = Text(r);
  // bsnDot11EssNumberOfMobileStations .2.1.1.1.38.{1,2,4,5,16} = 0, 23, 0, 0, 0
  EXPECT_NE(text.find("controller clients: 23 (sum of controller-wide ssids rows)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("ap ap2 key a0:0f:37:1a:08:80 state up"), std::string::npos) << text;
  // clsSysApConnectCount 1.3.6.1.4.1.9.9.618.1.8.4.0 = 4
  EXPECT_NE(text.find("table 4 rows, 4 up, 0 down; scalars aps_up 4"), std::string::npos) << text;
}

TEST(ProfileTester, RuckusZoneDirector1200) {
  const ProfileTestReport r = TestWalk("ruckus-zd", "ruckuswireless_zd1200.snmprec");
  EXPECT_TRUE(r.matched());
  // ruckusZDSystemStats 1.3.6.1.4.1.25053.1.2.1.1.1.15: NumSta .2.0 = 6, NumAP .1.0 = 4,
  // NumRegisteredAP .15.0 = 8
  EXPECT_EQ(r.sample.wifi.controller_clients, 6u);
  EXPECT_EQ(r.sample.wifi.aps_up, 4u);
  EXPECT_EQ(r.sample.wifi.aps_total, 8u);
  EXPECT_NE(Text(r).find("controller clients: 6 (scalars.clients)"), std::string::npos);
}

TEST(ProfileTester, RuckusSmartZoneExcerpt) {
  const ProfileTestReport r = TestWalk("ruckus-sz", "ruckuswireless-sz.snmprec");
  EXPECT_TRUE(r.matched());
  // 1.3.6.1.4.1.25053.1.4.1.1.1.15.1.0 = 40 (APs), .15.2.0 = 146 (clients)
  EXPECT_EQ(r.sample.wifi.aps_up, 40u);
  EXPECT_EQ(r.sample.wifi.controller_clients, 146u);
}

TEST(ProfileTester, ArubaInstant) {
  const ProfileTestReport r = TestWalk("aruba-instant", "aruba-instant.snmprec");
  EXPECT_TRUE(r.matched());
  // aiAPStatus 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.11.<mac> = 1 (up) for the three APs
  ASSERT_EQ(r.sample.wifi.aps.size(), 3u);
  for (const auto& ap : r.sample.wifi.aps) EXPECT_EQ(ap.up, true) << ap.name;
  // aiRadioClientNum .2.2.1.21.<mac>.<radio> = 0 on all 8 radios
  EXPECT_EQ(r.sample.wifi.radios.size(), 8u);
  EXPECT_EQ(OfAp(r, "instant-ap-src-1").clients, 0u);
  EXPECT_NE(Text(r).find("table 3 rows, 3 up, 0 down"), std::string::npos);
}

TEST(ProfileTester, WrongVendorMatchesNothing) {
  // The Cisco profile's AIRESPACE OIDs (1.3.6.1.4.1.14179) are not in the UniFi recording, nor
  // UniFi's (41112) in the Cisco one.
  for (const auto& [profile, walk] :
       {std::pair{"cisco-wlc", "unifi_nanohd.snmprec"}, std::pair{"unifi", "routeros.snmprec"},
        std::pair{"mikrotik", "ciscowlc_cbw240ac.snmprec"}}) {
    const ProfileTestReport r = TestWalk(profile, walk);
    EXPECT_FALSE(r.matched()) << profile << " on " << walk;
    EXPECT_EQ(r.profile_oids_answered, 0) << profile;
    EXPECT_GT(r.profile_oids, 0) << profile;
    EXPECT_NE(Text(r).find("result: NO MATCH"), std::string::npos);
  }
  // generic has no Wi-Fi OIDs: it matches whatever answers the system group and IF-MIB.
  EXPECT_TRUE(TestWalk("generic", "routeros.snmprec").matched());
}

TEST(ProfileTester, ProfileArgumentIsABuiltinNameOrAFile) {
  EXPECT_EQ(LoadProfileArgument("unifi").name, "unifi");
  const std::string dir = ::testing::TempDir();
  const std::string good = dir + "/pt_good.yaml";
  std::ofstream(good) << "name: mine\nscalars:\n  clients: 1.3.6.1.4.1.41112.1.6.1.2.1.8.1\n";
  EXPECT_EQ(LoadProfileArgument(good).name, "mine");
  const ProfileTestReport r =
      TestProfile(Profile(LoadProfileArgument(good)),
                  snmp::LoadWalkFile(std::string(SURFZONE_WALKS_DIR) + "/unifi_nanohd.snmprec"));
  EXPECT_TRUE(r.matched());
  const std::string bad = dir + "/pt_bad.yaml";
  std::ofstream(bad) << "name: mine\nscalars:\n  clients: not-an-oid\n";
  try {
    LoadProfileArgument(bad);
    ADD_FAILURE() << "bad profile accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(bad + ":3:"), std::string::npos) << e.what();
  }
  try {
    LoadProfileArgument("no-such-profile");
    ADD_FAILURE() << "unknown profile accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("built-in: generic"), std::string::npos) << e.what();
  }
}

TEST(ProfileTester, ListAndShowTheBuiltins) {
  std::ostringstream list;
  PrintProfileList(list);
  std::size_t lines = 0;
  std::istringstream in(list.str());
  for (std::string line; std::getline(in, line);) {
    ++lines;
    EXPECT_EQ(std::count(line.begin(), line.end(), '\t'), 2) << line;
  }
  EXPECT_EQ(lines, BuiltinProfileNames().size());
  EXPECT_NE(list.str().find("cisco-wlc\tcontroller\tCisco AireOS WLC"), std::string::npos)
      << list.str();
  EXPECT_NE(list.str().find("unifi\tap\t"), std::string::npos);
  std::ostringstream show;
  ASSERT_TRUE(PrintBuiltinProfile("unifi", show));
  // What show prints parses back to the built-in spec.
  EXPECT_EQ(config::ParseProfileText(show.str(), "shown").scalars,
            MakeBuiltinProfile("unifi")->spec().scalars);
  std::ostringstream none;
  EXPECT_FALSE(PrintBuiltinProfile("nope", none));
}

}  // namespace
}  // namespace surfzone::collectors
