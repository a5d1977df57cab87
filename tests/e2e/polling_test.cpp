// Happy path: a v2c and a v3 authPriv agent (real snmpd) polled by the real daemon.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <thread>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::Snmpd;
using testing::SnmpdUsers;
using testing::TempDir;

// snmpget -Oqv prints strings in quotes with \" and \\ escaped.
std::string Unquote(std::string s) {
  if (s.size() < 2 || s.front() != '"' || s.back() != '"') return s;
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) ++i;
    out += s[i];
  }
  return out;
}

std::string StripDot(std::string oid) { return oid.starts_with('.') ? oid.substr(1) : oid; }

// sysUpTime.0 in ticks (1/100 s), read with the net-snmp CLI.
double SysUpTimeTicks(const Snmpd& agent) {
  const std::string out =
      testing::RunCommand("snmpget -v2c -c public -On -Oqvt -t 0.3 -r 1 -M /dev/null -m '' " +
                          agent.address() + " 1.3.6.1.2.1.1.3.0 2>/dev/null");
  return std::strtod(out.c_str(), nullptr);
}

class E2ePolling : public ::testing::Test {
 protected:
  TempDir dir_;
  Snmpd v2_agent_{"e2e-agent-v2"};
  Snmpd v3_agent_{"e2e-agent-v3"};
  std::string config_ = dir_.Write(
      "surfzone.yaml",
      ConfigYaml(
          {{.name = "Stortorget",
            .kind = "square",
            .district = "Centrum",
            .lat = "56.0465",
            .lon = "12.6945",
            .aps = {{.name = "ap-v2", .address = v2_agent_.address(), .auth = kAuthV2},
                    {.name = "ap-v3", .address = v3_agent_.address(), .auth = kAuthV3Priv}}}}));
};

TEST_F(E2ePolling, BothAgentsAreUpWithTheirSystemInfo) {
  Surfzoned daemon(dir_.path(), config_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 15s)) << daemon.Log();
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_up", Ap("ap-v2")) == 1 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap-v3")) == 1;
      },
      5s, &m))
      << daemon.ScrapeText() << daemon.Log();

  for (const auto* agent : {&v2_agent_, &v3_agent_}) {
    const std::string ap = agent == &v2_agent_ ? "ap-v2" : "ap-v3";
    SCOPED_TRACE(ap);
    const auto info = m.Find("surfzone_ap_info", Ap(ap));
    ASSERT_EQ(info.size(), 1u);
    const auto& l = info.front()->labels;
    EXPECT_EQ(info.front()->value, 1);
    EXPECT_EQ(l.at("location"), "Stortorget");
    EXPECT_EQ(l.at("kind"), "square");
    EXPECT_EQ(l.at("district"), "Centrum");
    EXPECT_EQ(l.at("address"), agent->address());
    EXPECT_EQ(l.at("profile"), "generic");
    EXPECT_EQ(l.at("sys_name"), Unquote(agent->SnmpGet("1.3.6.1.2.1.1.5.0")));
    EXPECT_EQ(l.at("sys_name"), ap == "ap-v2" ? "e2e-agent-v2" : "e2e-agent-v3");
    EXPECT_EQ(l.at("sys_descr"), Unquote(agent->SnmpGet("1.3.6.1.2.1.1.1.0")));
    EXPECT_EQ(StripDot(l.at("sys_object_id")), StripDot(agent->SnmpGet("1.3.6.1.2.1.1.2.0")));
    EXPECT_EQ(l.at("traffic_source"), "if-mib-64");
  }

  EXPECT_EQ(ValueOr(m, "surfzone_location_aps", {{"location", "Stortorget"}, {"kind", "square"}}),
            2);
  EXPECT_EQ(
      ValueOr(m, "surfzone_location_aps_up", {{"location", "Stortorget"}, {"kind", "square"}}), 2);
  const auto loc_info = m.Find("surfzone_location_info", {{"location", "Stortorget"}});
  ASSERT_EQ(loc_info.size(), 1u);
  EXPECT_EQ(loc_info.front()->labels.at("kind"), "square");
  EXPECT_EQ(loc_info.front()->labels.at("district"), "Centrum");
  EXPECT_EQ(loc_info.front()->labels.at("lat"), "56.0465");
  EXPECT_EQ(loc_info.front()->labels.at("lon"), "12.6945");
  EXPECT_GT(ValueOr(m, "surfzone_snmp_requests_total", {{"result", "ok"}}), 0);
  EXPECT_EQ(ValueOr(m, "surfzone_snmp_requests_total", {{"result", "timeout"}}), 0);
  EXPECT_GT(ValueOr(m, "surfzone_snmp_request_duration_seconds_count", {}), 0);
  EXPECT_TRUE(m.Has("surfzone_poll_cycle_seconds"));
  EXPECT_EQ(ValueOr(m, "surfzone_config_last_reload_successful", {}), 1);
  EXPECT_EQ(m.Find("surfzone_build_info", {{"version", SURFZONE_PROJECT_VERSION}}).size(), 1u);
}

TEST_F(E2ePolling, BootTimeMatchesTheAgentsUptime) {
  Surfzoned daemon(dir_.path(), config_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 15s)) << daemon.Log();
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return s.Has("surfzone_ap_boot_time_seconds", Ap("ap-v2")) &&
               s.Has("surfzone_ap_boot_time_seconds", Ap("ap-v3"));
      },
      5s, &m))
      << daemon.ScrapeText();
  for (const auto* agent : {&v2_agent_, &v3_agent_}) {
    const std::string ap = agent == &v2_agent_ ? "ap-v2" : "ap-v3";
    SCOPED_TRACE(ap);
    const double ticks = SysUpTimeTicks(*agent);
    ASSERT_GT(ticks, 0);
    const double expected_boot = NowSeconds() - ticks / 100.0;
    EXPECT_NEAR(*m.Get("surfzone_ap_boot_time_seconds", Ap(ap)), expected_boot, 3.0);
    EXPECT_EQ(ValueOr(m, "surfzone_ap_reboots_total", Ap(ap)), 0);
  }
}

TEST_F(E2ePolling, TrafficTotalsAreMonotonicAcrossPolls) {
  Surfzoned daemon(dir_.path(), config_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 15s)) << daemon.Log();
  MetricsText first = daemon.Scrape();
  const double polls_v2 = ValueOr(first, "surfzone_ap_polls_total", Ap("ap-v2"));
  const double polls_v3 = ValueOr(first, "surfzone_ap_polls_total", Ap("ap-v3"));
  ASSERT_GE(polls_v2, 1);
  ASSERT_GE(polls_v3, 1);
  MetricsText later;
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("ap-v2")) >= polls_v2 + 2 &&
               ValueOr(s, "surfzone_ap_polls_total", Ap("ap-v3")) >= polls_v3 + 2;
      },
      6s, &later))
      << daemon.ScrapeText();
  for (const std::string ap : {"ap-v2", "ap-v3"}) {
    for (const std::string dir : {"rx", "tx"}) {
      SCOPED_TRACE(ap + " " + dir);
      const Labels l{{"ap", ap}, {"direction", dir}};
      const auto before = first.Get("surfzone_ap_traffic_bytes_total", l);
      const auto after = later.Get("surfzone_ap_traffic_bytes_total", l);
      ASSERT_TRUE(before && after);
      EXPECT_GE(*before, 0);
      EXPECT_GE(*after, *before);
    }
  }
  // The location's totals are the sum over its access points.
  for (const std::string dir : {"rx", "tx"}) {
    EXPECT_DOUBLE_EQ(ValueOr(later, "surfzone_location_traffic_bytes_total",
                             {{"location", "Stortorget"}, {"direction", dir}}),
                     later.Sum("surfzone_ap_traffic_bytes_total",
                               {{"location", "Stortorget"}, {"direction", dir}}))
        << dir;
  }
  const double last_poll = ValueOr(later, "surfzone_ap_last_poll_timestamp_seconds", Ap("ap-v3"));
  const double last_ok = ValueOr(later, "surfzone_ap_last_success_timestamp_seconds", Ap("ap-v3"));
  EXPECT_NEAR(last_poll, NowSeconds(), 5);
  EXPECT_NEAR(last_ok, NowSeconds(), 5);
  EXPECT_EQ(ValueOr(later, "surfzone_ap_poll_failures_total", Ap("ap-v3")), 0);
  const double duration = ValueOr(later, "surfzone_ap_poll_duration_seconds", Ap("ap-v3"));
  EXPECT_GT(duration, 0);
  EXPECT_LT(duration, 1);
}

TEST_F(E2ePolling, SecretsNeverAppearInMetricsOrLog) {
  Surfzoned daemon(dir_.path(), config_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 15s)) << daemon.Log();
  const std::string metrics = daemon.ScrapeText();
  ASSERT_TRUE(metrics.find("surfzone_ap_up") != std::string::npos);
  const std::string log = daemon.Log();
  for (const std::string& secret :
       {std::string(SnmpdUsers::kAuthPassword), std::string(SnmpdUsers::kPrivPassword),
        std::string(kSecretCommunity)}) {
    EXPECT_EQ(metrics.find(secret), std::string::npos) << secret;
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
  }
}

// The per-AP part of /metrics is a snapshot the poll thread builds when a scrape asks for one
// (at most one a second), not on a timer: scrapes close together share one, an idle daemon
// builds none, and the next scrape gets a fresh one.
TEST_F(E2ePolling, MetricsSnapshotIsBuiltWhenAScrapeAsks) {
  Surfzoned daemon(dir_.path(), config_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 15s)) << daemon.Log();
  const MetricsText first = daemon.Scrape();
  const MetricsText second = daemon.Scrape();  // well within a second of the first
  const double built = ValueOr(first, "surfzone_metrics_snapshots_total", {});
  EXPECT_GE(built, 1);
  EXPECT_EQ(ValueOr(second, "surfzone_metrics_snapshots_total", {}), built);

  // The one fixed wait in the process tests, on purpose: it shows that nothing is built while
  // nobody scrapes, and any condition we could poll for would itself be a scrape.
  std::this_thread::sleep_for(2500ms);  // two and a half 1 s ticks, no scrape
  const MetricsText later = daemon.Scrape();
  EXPECT_EQ(ValueOr(later, "surfzone_metrics_snapshots_total", {}), built + 1);
  EXPECT_GT(ValueOr(later, "surfzone_metrics_snapshot_seconds_total", {}), 0);
  // Fresh: the snapshot was built at this scrape, after the last poll it shows.
  const auto last_poll = later.Get("surfzone_ap_last_poll_timestamp_seconds", Ap("ap-v2"));
  ASSERT_TRUE(last_poll.has_value()) << daemon.ScrapeText();
  EXPECT_NEAR(*last_poll, NowSeconds(), 3.5);
}

}  // namespace
}  // namespace surfzone::e2e
