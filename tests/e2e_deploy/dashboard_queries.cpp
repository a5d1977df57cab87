#include "dashboard_queries.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace surfzone::deploy_test {
namespace {

std::string Str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

void CollectPanels(const boost::json::array& panels, const std::string& uid,
                   std::vector<DashboardQuery>& out) {
  for (const auto& p : panels) {
    const auto& panel = p.as_object();
    if (const auto* nested = panel.if_contains("panels")) {
      CollectPanels(nested->as_array(), uid, out);
    }
    const auto* targets = panel.if_contains("targets");
    if (targets == nullptr) continue;
    for (const auto& t : targets->as_array()) {
      const auto& target = t.as_object();
      DashboardQuery q;
      q.dashboard = uid;
      q.panel = Str(panel, "title");
      q.panel_type = Str(panel, "type");
      q.ref_id = Str(target, "refId");
      q.expr = Str(target, "expr");
      const auto* instant = target.if_contains("instant");
      q.instant = instant != nullptr && instant->is_bool() && instant->as_bool();
      out.push_back(std::move(q));
    }
  }
}

}  // namespace

std::string DashboardQuery::Describe() const {
  return "dashboard " + dashboard + ", panel \"" + panel + "\", target " + ref_id + ": " + expr;
}

boost::json::value LoadJsonFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  boost::system::error_code ec;
  auto value = boost::json::parse(ss.str(), ec);
  if (ec) throw std::runtime_error(path + ": not valid JSON: " + ec.message());
  return value;
}

std::vector<std::string> DashboardFiles(const std::string& dashboards_dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dashboards_dir)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<DashboardQuery> QueriesOf(const boost::json::value& dashboard) {
  const auto& d = dashboard.as_object();
  const std::string uid = Str(d, "uid");
  std::vector<DashboardQuery> out;
  CollectPanels(d.at("panels").as_array(), uid, out);
  for (const auto& v : d.at("templating").at("list").as_array()) {
    const auto& var = v.as_object();
    if (Str(var, "type") != "query") continue;
    DashboardQuery q;
    q.dashboard = uid;
    q.panel = "variable " + Str(var, "name");
    q.panel_type = "variable";
    q.ref_id = Str(var, "name");
    const auto& query = var.at("query");
    q.expr = query.is_string() ? std::string(query.as_string()) : Str(query.as_object(), "query");
    out.push_back(std::move(q));
  }
  return out;
}

bool ParseLabelValues(const std::string& query, std::string* selector, std::string* label) {
  static const std::regex kLabelValues(
      R"(^\s*label_values\((.*),\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\)\s*$)");
  std::smatch m;
  if (!std::regex_match(query, m, kLabelValues)) return false;
  *selector = m[1];
  *label = m[2];
  return true;
}

std::string Substitute(const std::string& expr, const std::map<std::string, std::string>& values) {
  std::vector<std::string> names;
  for (const auto& [name, value] : values) names.push_back(name);
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = expr;
  for (const auto& name : names) {
    for (const std::string& ref : {"${" + name + "}", "$" + name}) {
      for (auto at = out.find(ref); at != std::string::npos; at = out.find(ref, at)) {
        out.replace(at, ref.size(), values.at(name));
        at += values.at(name).size();
      }
    }
  }
  if (const auto left = out.find('$'); left != std::string::npos) {
    throw std::runtime_error("unknown variable at \"" + out.substr(left, 20) + "\" in: " + expr);
  }
  return out;
}

std::string RegexValue(const std::vector<std::string>& values) {
  auto escape = [](const std::string& v) {
    std::string e;
    for (char c : v) {
      if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) e += "\\\\";
      e += c;
    }
    return e;
  };
  if (values.size() == 1) return escape(values[0]);
  std::string joined = "(";
  for (std::size_t i = 0; i < values.size(); ++i) joined += (i ? "|" : "") + escape(values[i]);
  return joined + ")";
}

}  // namespace surfzone::deploy_test
