#include "promql_names.hpp"

#include <yaml-cpp/yaml.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace surfzone::deploy_test {
namespace {

bool IdentStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':';
}
bool IdentChar(char c) { return IdentStart(c) || std::isdigit(static_cast<unsigned char>(c)); }

// Skips from `i` (at an opening bracket) to just past its matching closing bracket, stepping
// over string literals inside.
std::size_t SkipBracketed(const std::string& s, std::size_t i, char open, char close) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\'' || c == '`') {
      for (++i; i < s.size() && s[i] != c; ++i) {
        if (s[i] == '\\' && c != '`') ++i;
      }
      continue;
    }
    if (c == open) ++depth;
    if (c == close && --depth == 0) return i + 1;
  }
  throw std::runtime_error("unbalanced '" + std::string(1, open) + "' in: " + s);
}

std::size_t SkipSpace(const std::string& s, std::size_t i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::set<std::string> MetricNamesIn(const std::string& expr) {
  static const std::set<std::string> kKeywords = {
      "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool",
      "offset", "atan2", "inf", "nan", "Inf", "NaN",
      // Aggregations: `sum by (x) (...)` puts the label list between the name and its '('.
      "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk",
      "topk", "quantile"};
  static const std::set<std::string> kLabelLists = {"by",       "without",    "on",
                                                    "ignoring", "group_left", "group_right"};
  std::set<std::string> names;
  std::size_t i = 0;
  while (i < expr.size()) {
    const char c = expr[i];
    if (c == '"' || c == '\'' || c == '`') {
      for (++i; i < expr.size() && expr[i] != c; ++i) {
        if (expr[i] == '\\' && c != '`') ++i;
      }
      ++i;
    } else if (c == '{') {
      i = SkipBracketed(expr, i, '{', '}');
    } else if (c == '[') {
      i = SkipBracketed(expr, i, '[', ']');
    } else if (c == '$') {  // a Grafana variable: $name or ${name}
      ++i;
      if (i < expr.size() && expr[i] == '{') {
        i = SkipBracketed(expr, i, '{', '}');
      } else {
        while (i < expr.size() && IdentChar(expr[i])) ++i;
      }
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') {
      // A number or a duration (1e6, 0.5, 1w, 30s): letters included.
      while (i < expr.size() && (IdentChar(expr[i]) || expr[i] == '.')) ++i;
    } else if (IdentStart(c)) {
      const std::size_t start = i;
      while (i < expr.size() && IdentChar(expr[i])) ++i;
      const std::string word = expr.substr(start, i - start);
      const std::size_t next = SkipSpace(expr, i);
      const bool call = next < expr.size() && expr[next] == '(';
      if (kLabelLists.count(word) != 0) {
        if (call) i = SkipBracketed(expr, next, '(', ')');
      } else if (!call && kKeywords.count(word) == 0) {
        names.insert(word);
      }
    } else {
      ++i;
    }
  }
  return names;
}

std::set<std::string> ExportedMetricNames(const std::string& daemon_dir) {
  std::set<std::string> names;
  const std::regex quoted("\"(surfzone_[a-z0-9_]+)\"");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(daemon_dir)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    const std::string text = ReadFile(entry.path().string());
    for (std::sregex_iterator it(text.begin(), text.end(), quoted), end; it != end; ++it) {
      const std::string name = (*it)[1];
      names.insert(name);
      // prometheus-cpp histograms (BuildHistogram().Name("...")) expose three series each.
      const auto builder = text.rfind("Build", static_cast<std::size_t>(it->position()));
      if (builder != std::string::npos && text.compare(builder, 14, "BuildHistogram") == 0) {
        for (const char* suffix : {"_bucket", "_sum", "_count"}) names.insert(name + suffix);
      }
    }
  }
  // Added by Prometheus to every scrape, and by its rule manager.
  for (const char* name : {"up", "scrape_duration_seconds", "scrape_samples_scraped",
                           "scrape_samples_post_metric_relabeling", "scrape_series_added", "ALERTS",
                           "ALERTS_FOR_STATE"}) {
    names.insert(name);
  }
  return names;
}

std::set<std::string> RecordedNames(const std::string& rule_file) {
  std::set<std::string> names;
  const YAML::Node root = YAML::LoadFile(rule_file);
  for (const auto& group : root["groups"]) {
    for (const auto& rule : group["rules"]) {
      if (rule["record"]) names.insert(rule["record"].as<std::string>());
    }
  }
  return names;
}

std::vector<std::string> RuleExpressions(const std::string& rule_file) {
  std::vector<std::string> exprs;
  const YAML::Node root = YAML::LoadFile(rule_file);
  for (const auto& group : root["groups"]) {
    for (const auto& rule : group["rules"]) exprs.push_back(rule["expr"].as<std::string>());
  }
  return exprs;
}

}  // namespace surfzone::deploy_test
