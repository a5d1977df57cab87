#pragma once
// Metric names in PromQL expressions, and the metric names surfzone really has: the ones the
// daemon's exposition code registers and the ones the shipped recording rules define.

#include <set>
#include <string>
#include <vector>

namespace surfzone::deploy_test {

/// Metric names an expression selects (`foo`, `foo{...}`, `level:foo:op`), without function
/// and aggregation names, keywords, label names (in {...}, by/without/on/ignoring/group_*
/// lists), string literals, numbers, durations and $variables.
std::set<std::string> MetricNamesIn(const std::string& expr);

/// Every "surfzone_..." name in the .cpp/.hpp files under `daemon_dir` (the daemon's own
/// registrations), plus _bucket/_sum/_count for the histograms among them, plus the series
/// Prometheus adds itself for every target (up, scrape_duration_seconds, ...) and ALERTS.
std::set<std::string> ExportedMetricNames(const std::string& daemon_dir);

/// The `record:` names of a Prometheus rule file.
std::set<std::string> RecordedNames(const std::string& rule_file);

/// Every `expr:` of a Prometheus rule file (recording and alerting rules).
std::vector<std::string> RuleExpressions(const std::string& rule_file);

}  // namespace surfzone::deploy_test
