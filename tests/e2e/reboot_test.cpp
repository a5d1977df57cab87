// An agent that restarts (same port, persistent snmpEngineBoots) is seen as rebooted.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <thread>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::ChildProcess;
using testing::TempDir;

// A v2c-only snmpd that can be restarted on the same port with the same persistent state, so
// that its snmpEngineBoots increases and its uptime starts again from 0.
class RestartableAgent {
 public:
  RestartableAgent() : port_(testing::FreeUdpPort()) {
    conf_ = dir_.Write("snmpd.conf", "rocommunity public 127.0.0.1\nsysName restartable\n");
    Start();
  }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  double UptimeTicks() const {
    const std::string out =
        testing::RunCommand("snmpget -v2c -c public -On -Oqvt -t 0.3 -r 1 -M /dev/null -m '' " +
                            address() + " 1.3.6.1.2.1.1.3.0 2>/dev/null");
    return out.empty() ? -1 : std::strtod(out.c_str(), nullptr);
  }
  void Restart() {
    proc_.reset();  // SIGTERM: snmpd saves snmpEngineBoots in the persistent dir
    Start();
  }

 private:
  void Start() {
    proc_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{"/usr/sbin/snmpd", "-f", "-C", "-c", conf_, "-Lf",
                                 dir_.path() + "/snmpd.log", "-M", "/dev/null", "-m", "", "-I",
                                 "-smux", "udp:" + address()},
        dir_.path() + "/stdout.log",
        std::vector<std::string>{"SNMP_PERSISTENT_DIR=" + dir_.path() + "/persist",
                                 "SNMPCONFPATH=" + dir_.path()});
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (UptimeTicks() >= 0) return;
      std::this_thread::sleep_for(50ms);
    }
    throw std::runtime_error("snmpd did not come up on " + address());
  }

  TempDir dir_;
  unsigned short port_;
  std::string conf_;
  std::unique_ptr<ChildProcess> proc_;
};

TEST(E2eReboot, RestartedAgentCountsAsRebootWithNewBootTime) {
  TempDir dir;
  RestartableAgent agent;
  const std::string config = dir.Write(
      "surfzone.yaml",
      ConfigYaml({{.name = "Torget", .aps = {{.name = "ap", .address = agent.address()}}}}));
  Surfzoned daemon(dir.path(), config);
  MetricsText before;
  // Three successful polls: the agent has been up for > 2 s, more than the boot time jitter.
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("ap")) >= 3 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap")) == 1;
      },
      8s, &before))
      << daemon.Log();
  ASSERT_EQ(ValueOr(before, "surfzone_ap_reboots_total", Ap("ap")), 0);
  const double boot_before = ValueOr(before, "surfzone_ap_boot_time_seconds", Ap("ap"));
  ASSERT_GT(boot_before, 0);

  agent.Restart();
  MetricsText after;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_reboots_total", Ap("ap")) >= 1 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap")) == 1;
      },
      8s, &after))
      << daemon.ScrapeText() << daemon.Log();
  EXPECT_EQ(ValueOr(after, "surfzone_ap_reboots_total", Ap("ap")), 1);
  const double boot_after = ValueOr(after, "surfzone_ap_boot_time_seconds", Ap("ap"));
  EXPECT_GT(boot_after, boot_before + 1);
  EXPECT_NEAR(boot_after, NowSeconds() - agent.UptimeTicks() / 100.0, 3.0);
  for (const std::string dir_label : {"rx", "tx"}) {
    const Labels l{{"ap", "ap"}, {"direction", dir_label}};
    EXPECT_GE(ValueOr(after, "surfzone_ap_traffic_bytes_total", l),
              ValueOr(before, "surfzone_ap_traffic_bytes_total", l))
        << dir_label << ": counters reset by the agent must not reset the total";
  }
}

}  // namespace
}  // namespace surfzone::e2e
