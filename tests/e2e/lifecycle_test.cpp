// Readiness and shutdown of the daemon process.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"
#include "udp_peer.hpp"

namespace surfzone::e2e {
namespace {

using testing::Snmpd;
using testing::TempDir;

TEST(E2eLifecycle, ReadyOnlyAfterTheFirstCycleCompleted) {
  TempDir dir;
  Snmpd live;
  UdpPeer slow(UdpPeer::Mode::kBlackHole);
  // The black hole's first poll cannot end before its 4 s timeout: until then the first
  // cycle is incomplete.
  const std::string config =
      dir.Write("surfzone.yaml",
                ConfigYaml({{.name = "Torget",
                             .aps = {{.name = "live", .address = live.address()},
                                     {.name = "slow",
                                      .address = slow.address(),
                                      .extra = {"interval: 10s", "timeout: 4s", "retries: 0"}}}}}));
  Surfzoned daemon(dir.path(), config);
  EXPECT_EQ(daemon.Status("/-/healthy"), 200);
  EXPECT_EQ(daemon.Status("/-/ready"), 503);
  // The live AP is polled meanwhile; readiness still waits for the slow one.
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) { return ValueOr(s, "surfzone_ap_up", Ap("live")) == 1; }, 3s))
      << daemon.Log();
  if (ValueOr(daemon.Scrape(), "surfzone_ap_polls_total", Ap("slow"), 0) == 0) {
    EXPECT_EQ(daemon.Status("/-/ready"), 503);
  }
  EXPECT_TRUE(daemon.WaitForStatus("/-/ready", 200, 10s)) << daemon.Log();
  EXPECT_GE(slow.received(), 1);
  EXPECT_EQ(ValueOr(daemon.Scrape(), "surfzone_ap_up", Ap("slow")), 0);
}

void ExpectCleanExitOn(int sig) {
  TempDir dir;
  Snmpd live;
  UdpPeer slow(UdpPeer::Mode::kBlackHole);
  // A request is outstanding at the black hole when the signal arrives.
  const std::string config =
      dir.Write("surfzone.yaml",
                ConfigYaml({{.name = "Torget",
                             .aps = {{.name = "live", .address = live.address()},
                                     {.name = "slow",
                                      .address = slow.address(),
                                      .extra = {"interval: 10s", "timeout: 4s", "retries: 0"}}}}}));
  Surfzoned daemon(dir.path(), config);
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) { return ValueOr(s, "surfzone_ap_up", Ap("live")) == 1; }, 5s))
      << daemon.Log();
  daemon.process().Signal(sig);
  int status = 0;
  ASSERT_TRUE(daemon.process().WaitExit(5s, &status)) << "still running 5 s after the signal";
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << "\n" << daemon.Log();
  EXPECT_EQ(WEXITSTATUS(status), 0) << daemon.Log();
}

TEST(E2eLifecycle, SigtermExitsZeroWithinFiveSeconds) { ExpectCleanExitOn(SIGTERM); }

TEST(E2eLifecycle, SigintExitsZeroWithinFiveSeconds) { ExpectCleanExitOn(SIGINT); }

TEST(E2eLifecycle, JsonLogFormatWritesOneObjectPerLine) {
  TempDir dir;
  Snmpd live;
  const std::string config = dir.Write(
      "surfzone.yaml",
      ConfigYaml({{.name = "Torget", .aps = {{.name = "live", .address = live.address()}}}}));
  std::string log;
  {
    Surfzoned daemon(dir.path(), config, {"--log.format", "json"});
    ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 10s)) << daemon.Log();
    daemon.process().Stop();
    log = daemon.Log();
  }
  int lines = 0;
  std::size_t pos = 0;
  while (pos < log.size()) {
    const std::size_t nl = log.find('\n', pos);
    const std::string line = log.substr(pos, nl == std::string::npos ? nl : nl - pos);
    pos = nl == std::string::npos ? log.size() : nl + 1;
    if (line.empty()) continue;
    ++lines;
    EXPECT_TRUE(line.front() == '{' && line.back() == '}') << line;
    EXPECT_NE(line.find("\"level\":"), std::string::npos) << line;
  }
  EXPECT_GE(lines, 2) << log;
}

}  // namespace
}  // namespace surfzone::e2e
