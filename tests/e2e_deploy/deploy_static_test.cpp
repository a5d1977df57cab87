// Static checks of the shipped Grafana files (deploy/grafana/), without Grafana (not packaged
// in Debian 12): valid JSON/YAML, datasource uids that match the provisioning file, the three
// template variables on every dashboard, and every metric a dashboard or rule file names exists
// (registered by the daemon's code or defined by a recording rule). Whether the PromQL parses
// and returns data is checked against a real Prometheus in alert_pipeline_test.cpp.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <set>
#include <string>

#include "dashboard_queries.hpp"
#include "promql_names.hpp"

namespace surfzone::deploy_test {
namespace {

const std::string kSource = SURFZONE_SOURCE_DIR;
const std::string kGrafana = kSource + "/deploy/grafana";
const std::string kRules = kSource + "/deploy/prometheus/rules";

std::string DatasourceUid() {
  const YAML::Node root =
      YAML::LoadFile(kGrafana + "/provisioning/datasources/surfzone-prometheus.yml");
  const YAML::Node list = root["datasources"];
  if (!list || list.size() != 1) throw std::runtime_error("expected exactly one datasource");
  if (list[0]["type"].as<std::string>() != "prometheus") throw std::runtime_error("not prometheus");
  return list[0]["uid"].as<std::string>();
}

std::set<std::string> KnownMetrics() {
  std::set<std::string> known = ExportedMetricNames(kSource + "/daemon");
  for (const char* file : {"/surfzone-recording.yml", "/surfzone-alerts.yml"}) {
    for (const auto& name : RecordedNames(kRules + file)) known.insert(name);
  }
  return known;
}

// Every {"datasource": {...}} object anywhere below `v`, with a path for messages.
void CheckDatasources(const boost::json::value& v, const std::string& uid, const std::string& where,
                      int* count) {
  if (v.is_array()) {
    for (const auto& item : v.as_array()) CheckDatasources(item, uid, where, count);
    return;
  }
  if (!v.is_object()) return;
  const auto& o = v.as_object();
  std::string here = where;
  if (const auto* title = o.if_contains("title"); title != nullptr && title->is_string()) {
    here = where + " / " + std::string(title->as_string());
  }
  if (const auto* ds = o.if_contains("datasource"); ds != nullptr && ds->is_object()) {
    const auto& d = ds->as_object();
    const std::string type = d.contains("type") ? std::string(d.at("type").as_string()) : "";
    if (type != "grafana") {  // the built-in annotation source
      ++*count;
      EXPECT_EQ(type, "prometheus") << here;
      EXPECT_TRUE(d.contains("uid") && d.at("uid").as_string() == uid)
          << here << ": datasource uid is not the provisioned '" << uid << "'";
    }
  }
  for (const auto& [key, child] : o) CheckDatasources(child, uid, here, count);
}

TEST(DeployGrafana, ProvisioningFilesAreValidYaml) {
  EXPECT_EQ(DatasourceUid(), "surfzone-prometheus");
  const YAML::Node dashboards = YAML::LoadFile(kGrafana + "/provisioning/dashboards/surfzone.yml");
  ASSERT_TRUE(dashboards["providers"] && dashboards["providers"].size() == 1);
  EXPECT_EQ(dashboards["providers"][0]["type"].as<std::string>(), "file");
  EXPECT_FALSE(dashboards["providers"][0]["options"]["path"].as<std::string>().empty());
}

TEST(DeployGrafana, ThreeDashboardsWithUniqueUidsAndPanelIds) {
  const auto files = DashboardFiles(kGrafana + "/dashboards");
  ASSERT_EQ(files.size(), 3u);
  std::set<std::string> uids;
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    const auto dashboard = LoadJsonFile(file);
    const auto& d = dashboard.as_object();
    ASSERT_TRUE(d.contains("uid") && d.contains("title") && d.contains("panels"));
    EXPECT_TRUE(uids.insert(std::string(d.at("uid").as_string())).second) << "duplicate uid";
    const auto schema = d.at("schemaVersion").to_number<int>();
    EXPECT_GE(schema, 36);
    EXPECT_LE(schema, 39);
    std::set<std::int64_t> ids;
    for (const auto& p : d.at("panels").as_array()) {
      const auto& panel = p.as_object();
      EXPECT_TRUE(ids.insert(panel.at("id").to_number<std::int64_t>()).second)
          << "duplicate panel id " << panel.at("id");
      EXPECT_TRUE(panel.contains("gridPos")) << panel.at("title");
    }
    EXPECT_FALSE(QueriesOf(dashboard).empty());
  }
}

TEST(DeployGrafana, EveryDatasourceIsTheProvisionedOne) {
  const std::string uid = DatasourceUid();
  for (const auto& file : DashboardFiles(kGrafana + "/dashboards")) {
    int count = 0;
    CheckDatasources(LoadJsonFile(file), uid, file, &count);
    EXPECT_GT(count, 10) << file << ": too few datasource references found";
  }
}

TEST(DeployGrafana, EveryDashboardHasLocationKindAndDistrictVariables) {
  for (const auto& file : DashboardFiles(kGrafana + "/dashboards")) {
    SCOPED_TRACE(file);
    const auto dashboard = LoadJsonFile(file);
    std::set<std::string> query_vars;
    for (const auto& v : dashboard.at("templating").at("list").as_array()) {
      const auto& var = v.as_object();
      const std::string name(var.at("name").as_string());
      if (var.at("type").as_string() == "custom") {
        // A fixed choice (the planner's UTC offset): one value, the default among the options.
        EXPECT_FALSE(var.at("multi").as_bool()) << name;
        const std::string options(var.at("query").as_string());
        const std::string current(var.at("current").as_object().at("value").as_string());
        EXPECT_NE(("," + options + ",").find("," + current + ","), std::string::npos) << name;
        continue;
      }
      query_vars.insert(name);
      EXPECT_EQ(var.at("type").as_string(), "query") << name;
      EXPECT_TRUE(var.at("multi").as_bool()) << name;
      EXPECT_TRUE(var.at("includeAll").as_bool()) << name;
    }
    for (const auto& q : QueriesOf(dashboard)) {
      if (q.panel_type != "variable") continue;
      std::string selector, label;
      ASSERT_TRUE(ParseLabelValues(q.expr, &selector, &label)) << q.Describe();
      EXPECT_EQ(label, q.ref_id) << q.Describe();
      EXPECT_EQ(selector.rfind("surfzone_location_info", 0), 0u) << q.Describe();
    }
    EXPECT_EQ(query_vars, (std::set<std::string>{"location", "kind", "district"}));
  }
}

TEST(DeployGrafana, EveryMetricInDashboardsExists) {
  const auto known = KnownMetrics();
  ASSERT_TRUE(known.count("surfzone_location_info") && known.count("surfzone_ap_up") &&
              known.count("surfzone_snmp_request_duration_seconds_bucket") &&
              known.count("location:surfzone_location_availability:ratio_30d"))
      << "the name scan of the daemon/rules found too little";
  for (const auto& file : DashboardFiles(kGrafana + "/dashboards")) {
    for (const auto& q : QueriesOf(LoadJsonFile(file))) {
      ASSERT_FALSE(q.expr.empty()) << q.Describe();
      std::string selector, label;
      const std::string expr = ParseLabelValues(q.expr, &selector, &label) ? selector : q.expr;
      const auto names = MetricNamesIn(expr);
      EXPECT_FALSE(names.empty()) << q.Describe();
      for (const auto& name : names) {
        EXPECT_TRUE(known.count(name)) << "unknown metric " << name << " in " << q.Describe();
      }
    }
  }
}

TEST(DeployGrafana, EveryMetricInRuleFilesExists) {
  const auto known = KnownMetrics();
  for (const char* file : {"/surfzone-recording.yml", "/surfzone-alerts.yml"}) {
    for (const auto& expr : RuleExpressions(kRules + file)) {
      for (const auto& name : MetricNamesIn(expr)) {
        EXPECT_TRUE(known.count(name))
            << "unknown metric " << name << " in " << file << ": " << expr;
      }
    }
  }
}

TEST(DeployGrafana, MetricNameScannerSkipsLabelsFunctionsAndVariables) {
  const auto names = MetricNamesIn(
      R"(sum by (job, le) (rate(a_total{x=~"$location",y="b c"}[$__rate_interval] offset 1w))
         * on (job) group_left (kind) level:b:sum or vector(0) > bool 0.5 and count_values("hour", hour()))");
  EXPECT_EQ(names, (std::set<std::string>{"a_total", "level:b:sum"}));
}

}  // namespace
}  // namespace surfzone::deploy_test
