// `surfzoned profile list|show|test`: the offline tester as a user runs it. Exit codes: 0 match,
// 1 the profile matches nothing in the walk, 2 bad input (message names file:line).
#include <gtest/gtest.h>

#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::TempDir;

const std::string kWalks = SURFZONE_WALKS_DIR;

TEST(E2eProfileCli, TestPrintsWhatWouldBeExportedAndExitsZeroOnAMatch) {
  TempDir dir;
  const RunResult r = RunSurfzoned(dir.path(), {"profile", "test", "--profile", "unifi", "--walk",
                                                kWalks + "/unifi_nanohd.snmpwalk"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // unifiVapNumStations 1.3.6.1.4.1.41112.1.6.1.2.1.8.{1,2,3,4} = 4, 0, 14, 0 on unifiVapRadio
  // ng, ng, na, na; no unifiVapRxBytes (.1.2.1.10) in the walk
  for (const char* line :
       {"clients: 18\n", "radio ng band 2.4GHz: 4 clients\n", "radio na band 5GHz: 14 clients\n",
        "traffic source: if-mib-64\n", "1.3.6.1.4.1.41112.1.6.1.2.1.10  ssids.columns.rx_bytes\n",
        "result: match"}) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << " not in:\n" << r.out;
  }
}

TEST(E2eProfileCli, ControllerWalkListsApsAndAWrongVendorExitsOne) {
  TempDir dir;
  const RunResult ok = RunSurfzoned(dir.path(), {"profile", "test", "--profile", "cisco-wlc",
                                                 "--walk", kWalks + "/ciscowlc_cbw240ac.snmprec"});
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  // bsnAPName ap1..ap4, bsnApIfNoOfUsers ap2 = 3 + 5 (1.3.6.1.4.1.14179.2.2.2.1.15.<mac>.{0,1})
  EXPECT_NE(ok.out.find("ap ap2 key a0:0f:37:1a:08:80 state up"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("  clients: 8\n"), std::string::npos) << ok.out;
  const RunResult wrong = RunSurfzoned(dir.path(), {"profile", "test", "--profile", "cisco-wlc",
                                                    "--walk", kWalks + "/unifi_nanohd.snmprec"});
  EXPECT_EQ(wrong.exit_code, 1) << wrong.out << wrong.err;
  EXPECT_NE(wrong.out.find("result: NO MATCH"), std::string::npos) << wrong.out;
  EXPECT_NE(wrong.err.find("matches nothing"), std::string::npos) << wrong.err;
}

TEST(E2eProfileCli, BadWalkOrProfileNamesTheFileAndLine) {
  TempDir dir;
  const std::string walk = dir.Write("bad.walk",
                                     ".1.3.6.1.2.1.1.5.0 = STRING: \"ap1\"\n"
                                     ".1.3.6.1.2.1.1.3.0 = Timeticks: soon\n");
  const RunResult bad =
      RunSurfzoned(dir.path(), {"profile", "test", "--profile", "unifi", "--walk", walk});
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
  EXPECT_NE(bad.err.find(walk + ":2: "), std::string::npos) << bad.err;
  const RunResult missing = RunSurfzoned(
      dir.path(), {"profile", "test", "--profile", "unifi", "--walk", dir.path() + "/none"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find(dir.path() + "/none: cannot be read"), std::string::npos)
      << missing.err;
  const std::string profile = dir.Write("p.yaml", "name: p\ntraffic: sideways\n");
  const RunResult bad_profile = RunSurfzoned(dir.path(), {"profile", "test", "--profile", profile,
                                                          "--walk", kWalks + "/routeros.snmprec"});
  EXPECT_EQ(bad_profile.exit_code, 2);
  EXPECT_NE(bad_profile.err.find(profile + ":2:"), std::string::npos) << bad_profile.err;
}

TEST(E2eProfileCli, ListAndShow) {
  TempDir dir;
  const RunResult list = RunSurfzoned(dir.path(), {"profile", "list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_TRUE(list.out.starts_with("generic\tap\t")) << list.out;
  EXPECT_NE(list.out.find("\nruckus-zd\tcontroller\t"), std::string::npos) << list.out;
  const RunResult show = RunSurfzoned(dir.path(), {"profile", "show", "mikrotik"});
  EXPECT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("name: mikrotik\n"), std::string::npos) << show.out;
  const RunResult unknown = RunSurfzoned(dir.path(), {"profile", "show", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("no built-in profile \"nope\""), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace surfzone::e2e
