#pragma once
// The PromQL of the shipped Grafana dashboards: every panel target's `expr` and every template
// variable's query, and Grafana's variable substitution, so the expressions can be evaluated
// by a real Prometheus.

#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <vector>

namespace surfzone::deploy_test {

struct DashboardQuery {
  std::string dashboard;   // dashboard uid
  std::string panel;       // panel title, or "variable <name>" for template variables
  std::string panel_type;  // "timeseries", "stat", ... ("variable" for template variables)
  std::string ref_id;      // target refId (the variable name for variables)
  std::string expr;        // as written in the dashboard
  bool instant = true;     // the target asks for an instant query (else a range query)

  /// "surfzone-overview / Locations / A" for failure messages.
  std::string Describe() const;
};

/// A dashboard file parsed (throws std::runtime_error naming the file if it is not JSON).
boost::json::value LoadJsonFile(const std::string& path);

/// The three shipped dashboards (deploy/grafana/dashboards/*.json), sorted by file name.
std::vector<std::string> DashboardFiles(const std::string& dashboards_dir);

/// Panel targets (rows' nested panels included) and template variable queries of `dashboard`.
std::vector<DashboardQuery> QueriesOf(const boost::json::value& dashboard);

/// `label_values(<selector>, <label>)` of a variable query, split; false if it is not one.
bool ParseLabelValues(const std::string& query, std::string* selector, std::string* label);

/// Grafana's substitution: $name and ${name} (longest name first) replaced by `values`. Throws
/// std::runtime_error if a `$` reference is left that `values` does not know.
std::string Substitute(const std::string& expr, const std::map<std::string, std::string>& values);

/// A multi-value variable as Grafana formats it for Prometheus regex matchers: each value
/// regex-escaped, several joined as (a|b|c).
std::string RegexValue(const std::vector<std::string>& values);

}  // namespace surfzone::deploy_test
