// The shipped monitoring stack end to end, everything on 127.0.0.1:
//   surfzone-sim (5 simulated locations, 18 APs)  <-SNMP-  surfzoned  <-scrape-  Prometheus
//   (the shipped rule files)  -alerts->  Alertmanager (the shipped routing)  -webhook->  this test.
//
// 1. A whole location goes dark (simulator fault): SurfzoneLocationDown must reach the `page`
//    receiver with the location's labels, and its resolve must follow once the fault ends;
//    one AP down at another location at the same time must not page.
// 2. Every query of the three Grafana dashboards is evaluated by that Prometheus, with the
//    template variables substituted as Grafana does, and must parse and return data.
//
// Shortened waits: the shipped `for:` durations (3m, 30m, ...) would make this test take an
// hour, so the rule files and alertmanager.yml are loaded through test_timings.hpp, which
// divides `for:`, rule group `interval:`, group_wait, group_interval and repeat_interval by
// kTimeFactor and nothing else: expressions, labels, annotations, matchers and routes are the
// shipped ones. Prometheus scrapes and evaluates every second, surfzoned polls every second.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "dashboard_queries.hpp"
#include "monitoring_servers.hpp"
#include "sim_process.hpp"
#include "surfzoned_process.hpp"
#include "test_timings.hpp"
#include "webhook_receiver.hpp"

namespace surfzone::deploy_test {
namespace {

using Clock = std::chrono::steady_clock;
using e2e_sim::SurfzoneSim;

const std::string kSource = SURFZONE_SOURCE_DIR;
constexpr double kTimeFactor = 30;     // shipped waits / test waits: for: 3m -> 6s
constexpr double kSpeed = 60;          // sim seconds per real second (fleet below)
constexpr double kOutageSeconds = 30;  // real seconds Slottshagen is dark
constexpr int kRangeSeconds = 20;      // the dashboards' $__range in part 2
constexpr int kAps = 18;

constexpr const char* kFleet = R"(
sim: {start: 2025-07-12T13:00:00, speed: 60}
# A mixed fleet like a city's: direct UniFi APs (profile unifi, written because the fleet has a
# controller) and one park behind a Cisco WLC, so client panels get data from both paths.
controllers:
  - {name: wlc-1, vendor: cisco-wlc}
locations:
  - {name: Stortorget, kind: square, district: Centrum, lat: 56.0459, lon: 12.6942, aps: 4}
  - {name: Hamnen, kind: harbour, district: Centrum, lat: 56.0430, lon: 12.6905, aps: 4}
  - {name: Slottshagen, kind: park, district: Centrum, lat: 56.0448, lon: 12.7000, aps: 2}
  - {name: Fredriksdal, kind: park, district: Fredriksdal, lat: 56.0545, lon: 12.7185, aps: 4,
     controller: wlc-1}
  - {name: Stadsbiblioteket, kind: building, district: Centrum, lat: 56.0420, lon: 12.6985, aps: 4}
)";

double WallNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

double Seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration<double>(t.time_since_epoch()).count();
}

// Everything the two tests share, started once (the first test to run starts it).
struct Stack {
  testing::TempDir dir;
  std::unique_ptr<SurfzoneSim> sim;
  std::unique_ptr<e2e::Surfzoned> daemon;
  WebhookReceiver webhook;
  std::unique_ptr<Alertmanager> alertmanager;
  std::unique_ptr<Prometheus> prometheus;
  double prometheus_started = 0;  // unix time

  Stack() {
    sim =
        std::make_unique<SurfzoneSim>(dir.path(), kFleet, e2e_sim::SimRunOptions{.ap_count = kAps});
    daemon = std::make_unique<e2e::Surfzoned>(dir.path(), sim->config_path());
    // Prometheus is started once the first poll cycle has completed, so SurfzoneStale (time
    // since the last cycle, 0 before the first) has nothing to say.
    if (!daemon->WaitFor(
            [](const testing::MetricsText& m) {
              return m.Sum("surfzone_location_aps_up") == kAps &&
                     m.Sum("surfzone_poll_cycles_total") >= 1;
            },
            15s)) {
      throw std::runtime_error("surfzoned did not see every AP up; log:\n" + daemon->Log());
    }
    const std::string rules = kSource + "/deploy/prometheus/rules/";
    for (const char* file : {"surfzone-recording.yml", "surfzone-alerts.yml"}) {
      dir.Write(file, ShortenRuleTimings(ReadText(rules + file), kTimeFactor));
    }
    alertmanager = std::make_unique<Alertmanager>(
        dir.path(), AlertmanagerForTest(ReadText(kSource + "/deploy/alertmanager/alertmanager.yml"),
                                        kTimeFactor, webhook.base_url()));
    const std::string config =
        "global:\n"
        "  scrape_interval: 1s\n"
        "  evaluation_interval: 1s\n"
        "  external_labels: {city: testcity}\n"
        "rule_files: [surfzone-recording.yml, surfzone-alerts.yml]\n"
        "alerting:\n"
        "  alertmanagers:\n"
        "    - static_configs: [{targets: ['127.0.0.1:" +
        std::to_string(alertmanager->port()) +
        "']}]\n"
        "scrape_configs:\n"
        "  - job_name: surfzone\n"
        "    scrape_timeout: 1s\n"
        "    static_configs: [{targets: ['127.0.0.1:" +
        std::to_string(daemon->port()) + "']}]\n";
    prometheus_started = WallNow();
    prometheus = std::make_unique<Prometheus>(dir.path(), config, testing::FreeTcpPort());
  }

  std::string Logs() const {
    return "--- prometheus:\n" + prometheus->Log().substr(0, 20000) + "\n--- alertmanager:\n" +
           alertmanager->Log().substr(0, 20000);
  }
};

std::unique_ptr<Stack> g_stack;

class DeployE2e : public ::testing::Test {
 protected:
  static void TearDownTestSuite() { g_stack.reset(); }
  void SetUp() override {
    if (!g_stack) g_stack = std::make_unique<Stack>();
  }
  Stack& stack() { return *g_stack; }
};

// The alert objects of a webhook payload, each with the notification's path and status.
struct SeenAlert {
  std::string path, status;
  std::map<std::string, std::string> labels, annotations;
  double received = 0;
};

std::vector<SeenAlert> Alerts(const std::vector<Notification>& notifications) {
  std::vector<SeenAlert> out;
  for (const auto& n : notifications) {
    if (!n.body.is_object()) continue;
    for (const auto& a : n.body.at("alerts").as_array()) {
      SeenAlert s;
      s.path = n.path;
      s.received = Seconds(n.received);
      s.status = std::string(a.at("status").as_string());
      for (const auto& [k, v] : a.at("labels").as_object())
        s.labels[k] = std::string(v.as_string());
      for (const auto& [k, v] : a.at("annotations").as_object()) {
        s.annotations[k] = std::string(v.as_string());
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

bool IsLocationDown(const Notification& n, const std::string& status) {
  for (const auto& a : Alerts({n})) {
    if (a.path == "/surfzone/page" && a.status == status && a.labels.count("alertname") &&
        a.labels.at("alertname") == "SurfzoneLocationDown" && a.labels.count("location") &&
        a.labels.at("location") == "Slottshagen") {
      return true;
    }
  }
  return false;
}

std::string Dump(const std::vector<Notification>& notifications) {
  std::string out;
  for (const auto& n : notifications) out += n.path + " " + boost::json::serialize(n.body) + "\n";
  return out.empty() ? "(none)\n" : out;
}

TEST_F(DeployE2e, LocationOutagePagesAndResolvesSingleApDoesNotPage) {
  const auto test_start = Clock::now();
  Prometheus& prom = *stack().prometheus;
  // Prometheus has scraped the fleet, all up, and the rules have run.
  const auto ready_by = Clock::now() + 20s;
  while (Clock::now() < ready_by &&
         prom.Query("job:surfzone_location_aps_up:sum == " + std::to_string(kAps)).Count() != 1) {
    std::this_thread::sleep_for(200ms);
  }
  ASSERT_EQ(prom.Query("job:surfzone_location_aps_up:sum == " + std::to_string(kAps)).Count(), 1u)
      << stack().Logs();

  // One AP at Hamnen goes down for the rest of the test; all of Slottshagen for kOutageSeconds.
  stack().sim->Inject("ap=hamnen-2&kind=down&duration=1e6");
  stack().sim->Inject("location=Slottshagen&kind=down&duration=" +
                      std::to_string(static_cast<int>(kOutageSeconds * kSpeed)));
  const double outage_end = WallNow() + kOutageSeconds;

  // The page: within the outage (detection ~2 s + for: 6 s + group_wait 1 s).
  ASSERT_TRUE(
      stack().webhook.WaitFor([](const Notification& n) { return IsLocationDown(n, "firing"); },
                              std::chrono::seconds(static_cast<int>(kOutageSeconds))))
      << "no SurfzoneLocationDown page for Slottshagen; received:\n"
      << Dump(stack().webhook.Received()) << stack().Logs();
  SeenAlert page;
  for (auto& a : Alerts(stack().webhook.Received())) {
    if (a.status == "firing" && a.labels["alertname"] == "SurfzoneLocationDown") page = a;
  }
  EXPECT_EQ(page.path, "/surfzone/page");
  EXPECT_EQ(page.labels["location"], "Slottshagen");
  EXPECT_EQ(page.labels["kind"], "park");
  EXPECT_EQ(page.labels["severity"], "page");
  EXPECT_EQ(page.labels["job"], "surfzone");
  EXPECT_EQ(page.labels["city"], "testcity");
  EXPECT_EQ(page.annotations["summary"],
            "Park Slottshagen is down: none of its 2 access points answers");
  EXPECT_EQ(page.annotations["runbook_url"],
            "https://surfzone.example.org/runbook.md#surfzonelocationdown");
  EXPECT_LT(page.received, outage_end) << "paged only after the outage had ended";

  // Meanwhile Prometheus does see Hamnen's AP down (its degraded alert is pending or firing),
  // so the absence of a Hamnen page below is the routing's and the rules' doing.
  EXPECT_EQ(prom.Query(R"(surfzone_location_aps_up{location="Hamnen"} == 3)").Count(), 1u);
  EXPECT_EQ(prom.Query(R"(ALERTS{alertname="SurfzoneLocationDegraded",location="Hamnen"})").Count(),
            1u);

  // The resolve, after the fault ends (AP back ~1 s, group_interval 10 s).
  ASSERT_TRUE(
      stack().webhook.WaitFor([](const Notification& n) { return IsLocationDown(n, "resolved"); },
                              std::chrono::seconds(static_cast<int>(outage_end - WallNow()) + 40)))
      << "no resolve for the Slottshagen page; received:\n"
      << Dump(stack().webhook.Received()) << stack().Logs();
  for (auto& a : Alerts(stack().webhook.Received())) {
    if (a.status == "resolved" && a.labels["alertname"] == "SurfzoneLocationDown") {
      EXPECT_GE(a.received, outage_end) << "resolved before the location came back";
    }
  }

  // Pages in the whole window: only Slottshagen's. Hamnen (1 of 4 APs down) never paged.
  for (auto& a : Alerts(stack().webhook.Received())) {
    EXPECT_NE(a.labels["location"] == "Hamnen" && a.path == "/surfzone/page", true)
        << "Hamnen paged: " << a.labels["alertname"];
    if (a.path == "/surfzone/page") {
      EXPECT_EQ(a.labels["alertname"], "SurfzoneLocationDown");
      EXPECT_EQ(a.labels["location"], "Slottshagen");
      EXPECT_EQ(a.labels["severity"], "page");
    }
  }
  std::printf("[ timing   ] outage paged and resolved; test took %.1f s\n",
              std::chrono::duration<double>(Clock::now() - test_start).count());
}

// Dashboard targets that cannot have data on a Prometheus that started a minute ago. Each is
// still sent to Prometheus (it must parse), and the same expression without the offset must
// return data.
struct NoDataOnFreshServer {
  const char* dashboard;
  const char* panel;
  const char* ref_id;
  const char* strip;  // removed from the expression for the data check
  const char* reason;
};
const NoDataOnFreshServer kNoDataOnFreshServer[] = {
    {"surfzone-planner", "Traffic by kind, a week earlier", "A", " offset 1w",
     "offset 1w: a Prometheus started a minute ago has no data from a week ago"},
};

const NoDataOnFreshServer* ExpectedEmpty(const DashboardQuery& q) {
  for (const auto& e : kNoDataOnFreshServer) {
    if (q.dashboard == e.dashboard && q.panel == e.panel && q.ref_id == e.ref_id) return &e;
  }
  return nullptr;
}

TEST_F(DeployE2e, EveryDashboardQueryReturnsData) {
  Prometheus& prom = *stack().prometheus;
  // $__range back from now, and the period before it ("offset $__range"), must hold data.
  const double data_from = stack().prometheus_started + 2 * kRangeSeconds + 10;
  while (WallNow() < data_from) std::this_thread::sleep_for(200ms);
  const auto test_start = Clock::now();

  // Variable values as Grafana would offer them: every location, and one consistent pick.
  const PromResult locations = prom.Query("count by (location) (surfzone_location_info)");
  ASSERT_TRUE(locations.ok) << locations.error;
  std::vector<std::string> all_locations;
  for (const auto& s : locations.data.at("result").as_array()) {
    all_locations.emplace_back(s.at("metric").at("location").as_string());
  }
  ASSERT_EQ(all_locations.size(), 5u);
  const std::map<std::string, std::string> timing = {
      {"__range", std::to_string(kRangeSeconds) + "s"},
      {"__range_s", std::to_string(kRangeSeconds)},
      {"__interval", "2s"},
      {"__rate_interval", "8s"},
      {"utc_offset", "1"}};  // the planner's hour-of-day offset (a custom variable, default 1)
  struct Pass {
    const char* name;
    std::map<std::string, std::string> vars;
  };
  std::vector<Pass> passes = {
      {"All", {{"district", ".*"}, {"kind", ".*"}, {"location", RegexValue(all_locations)}}},
      {"Hamnen", {{"district", "Centrum"}, {"kind", "harbour"}, {"location", "Hamnen"}}}};
  for (auto& p : passes) p.vars.insert(timing.begin(), timing.end());

  int evaluated = 0;
  for (const auto& file : DashboardFiles(kSource + "/deploy/grafana/dashboards")) {
    for (const auto& q : QueriesOf(LoadJsonFile(file))) {
      for (const auto& pass : passes) {
        const std::string where = q.Describe() + "\n  (variables: " + pass.name + ")";
        std::string expr;
        try {
          expr = Substitute(q.expr, pass.vars);
        } catch (const std::exception& e) {
          ADD_FAILURE() << where << ": " << e.what();
          continue;
        }
        std::string selector, label;
        if (q.panel_type == "variable") {
          ASSERT_TRUE(ParseLabelValues(expr, &selector, &label)) << where;
          expr = "count by (" + label + ") (" + selector + ")";
        }
        const double now = WallNow();
        const PromResult r =
            q.instant ? prom.Query(expr, now) : prom.QueryRange(expr, now - kRangeSeconds, now, 2);
        ++evaluated;
        EXPECT_TRUE(r.ok) << where << "\n  evaluated: " << expr << "\n  error: " << r.error;
        if (!r.ok) continue;
        if (const auto* empty = ExpectedEmpty(q)) {
          std::printf("[ no data  ] %s (%s): %s\n", q.panel.c_str(), pass.name, empty->reason);
          std::string stripped = expr;
          const auto at = stripped.find(empty->strip);
          ASSERT_NE(at, std::string::npos) << where;
          stripped.erase(at, std::string(empty->strip).size());
          EXPECT_GT(prom.QueryRange(stripped, now - kRangeSeconds, now, 2).Count(), 0u)
              << where << "\n  without '" << empty->strip << "': no data either";
          continue;
        }
        EXPECT_GT(r.Count(), 0u) << where << "\n  evaluated: " << expr << "\n  returned no data";
      }
    }
  }
  EXPECT_GT(evaluated, 100);
  std::printf("[ timing   ] %d dashboard queries evaluated in %.1f s\n", evaluated,
              std::chrono::duration<double>(Clock::now() - test_start).count());
}

}  // namespace
}  // namespace surfzone::deploy_test
