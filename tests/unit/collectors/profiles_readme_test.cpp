// collectors/profiles/README.md documents every key the profile parser accepts and no other, and
// the example profiles it works through load and give the numbers it shows.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "surfzone/collectors/profile_tester.hpp"
#include "surfzone/collectors/wifi_summary.hpp"
#include "surfzone/config/profile_spec.hpp"
#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::collectors {
namespace {

const std::string kDir = SURFZONE_PROFILES_DIR;

std::string Read(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The parser's keys as README paths (`table` = aps, radios and ssids).
std::set<std::string> ParserKeyPaths() {
  std::set<std::string> out;
  for (auto k : config::kProfileKeys) out.emplace(k);
  for (auto k : config::kDetectKeys) out.insert("detect." + std::string(k));
  for (auto k : config::kScalarRoles) out.insert("scalars." + std::string(k));
  for (auto k : config::kTableKeys) out.insert("table." + std::string(k));
  for (auto k : config::kApColumns) out.insert("aps.columns." + std::string(k));
  for (auto k : config::kRadioColumns) out.insert("radios.columns." + std::string(k));
  for (auto k : config::kSsidColumns) out.insert("ssids.columns." + std::string(k));
  return out;
}

TEST(ProfilesReadme, KeyReferenceMatchesTheParser) {
  const std::string readme = Read(kDir + "/README.md");
  const auto start = readme.find("## Key reference");
  const auto end = readme.find("### Index parts");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  // Rows of the reference table: "| `key.path` | example | meaning |".
  std::set<std::string> documented;
  const std::regex row(R"(\n\| `([a-z_.]+)` \|)");
  const std::string section = readme.substr(start, end - start);
  for (std::sregex_iterator it(section.begin(), section.end(), row), last; it != last; ++it) {
    documented.insert((*it)[1]);
  }
  const std::set<std::string> known = ParserKeyPaths();
  for (const auto& k : known) EXPECT_TRUE(documented.contains(k)) << k << " not in README";
  for (const auto& k : documented) {
    EXPECT_TRUE(known.contains(k) || k == "aps" || k == "radios" || k == "ssids")
        << k << " documented but unknown to the parser";
  }
  // Values: every index part has a row in the index table, every traffic source and
  // clients_from value is named.
  const std::string rest = readme.substr(end);
  for (auto part : config::kIndexParts) {
    EXPECT_NE(rest.find("| `" + std::string(part) + "` |"), std::string::npos) << part;
  }
  for (auto v : config::kTrafficSources) {
    EXPECT_NE(section.find("`" + std::string(v) + "`"), std::string::npos) << v;
  }
  for (auto v : config::kClientsFrom) {
    EXPECT_NE(section.find("`" + std::string(v) + "`"), std::string::npos) << v;
  }
}

ProfileTestReport Example(const std::string& name) {
  const Profile p(LoadProfileArgument(kDir + "/examples/" + name + ".yaml"));
  return TestProfile(p, snmp::LoadWalkFile(kDir + "/examples/" + name + ".snmpwalk"));
}

TEST(ProfilesReadme, FortinetExample) {
  const ProfileTestReport r = Example("fortinet-fortigate-wc");
  EXPECT_TRUE(r.matched());
  // fgWcWtpConfigWtpName .4.3.1.3.1.16.<"FP221E0000000001"> = "park-north", ...2 = "park-south";
  // fgWcWtpSessionConnectionState .4.4.1.7 = 2 (onLine), 1 (offLine);
  // fgWcWtpSessionWtpStationCount .4.4.1.17 = 7, 0
  ASSERT_EQ(r.sample.wifi.aps.size(), 2u);
  EXPECT_EQ(r.sample.wifi.aps[0].key, "FP221E0000000001");
  EXPECT_EQ(r.sample.wifi.aps[0].name, "park-north");
  EXPECT_EQ(r.sample.wifi.aps[0].up, true);
  EXPECT_EQ(r.sample.wifi.aps[0].clients, 7u);
  EXPECT_EQ(r.sample.wifi.aps[1].name, "park-south");
  EXPECT_EQ(r.sample.wifi.aps[1].up, false);
  std::ostringstream out;
  PrintReport(r, out);
  // The README shows these lines of the output.
  const std::string readme = Read(kDir + "/README.md");
  for (const char* line : {"controller clients: 7 (sum over its APs)\n",
                           "ap park-north key FP221E0000000001 state up\n",
                           "ap park-south key FP221E0000000002 state down\n"}) {
    EXPECT_NE(out.str().find(line), std::string::npos) << line << out.str();
    EXPECT_NE(readme.find(line), std::string::npos) << line;
  }
}

TEST(ProfilesReadme, OpenWrtExample) {
  const ProfileTestReport r = Example("openwrt-extend");
  EXPECT_TRUE(r.matched());
  // nsExtendOutput1Line."clients_2g" = "3", ."clients_5g" = "5"
  EXPECT_EQ(SummarizeAp(r.sample.wifi, "").clients, 8u);
  // no sysUpTime.0; hrSystemUptime.0 = (8640000)
  EXPECT_EQ(r.sample.system.sys_uptime_ticks, 8640000u);
  EXPECT_STREQ(UptimeSource(r.sample.system), "profile");
  std::ostringstream out;
  PrintReport(r, out);
  EXPECT_NE(out.str().find("uptime: scalars.uptime 8640000 ticks\n"), std::string::npos)
      << out.str();
  // Detected by its probe, not by net-snmp's sysObjectID.
  DetectInput in{.sys_object_id = "1.3.6.1.4.1.8072.3.2.10",
                 .answered_probes = {"1.3.6.1.4.1.8072.1.3.2.3.1.1.10.99.108.105.101.110.116.115."
                                     "95.50.103"}};
  EXPECT_EQ(DetectProfile({LoadProfileArgument(kDir + "/examples/openwrt-extend.yaml")}, in),
            "openwrt-extend");
}

}  // namespace
}  // namespace surfzone::collectors
