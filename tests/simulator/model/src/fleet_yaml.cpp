#include "fleet_yaml.hpp"

#include <cstdio>

#include "surfzone/config/load.hpp"
#include "surfzone/sim/local_time.hpp"

namespace surfzone::sim::detail {

void YamlReader::Error(const YAML::Node& at, const std::string& message) {
  const YAML::Mark mark = at.Mark();
  if (mark.is_null()) {
    Error(0, 0, message);
  } else {
    Error(mark.line + 1, mark.column + 1, message);
  }
}

void YamlReader::Error(int line, int column, const std::string& message) {
  errors_.push_back({file_, line, column, message});
}

bool YamlReader::CheckMap(const YAML::Node& map, const std::string& what,
                          std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) {
    Error(map, what + ": expected a mapping");
    return false;
  }
  for (const auto& kv : map) {
    const auto key = kv.first.as<std::string>();
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) Error(kv.first, what + ": unknown key \"" + key + "\"");
  }
  return true;
}

std::optional<std::string> YamlReader::String(const YAML::Node& node, const std::string& what) {
  if (!node.IsScalar()) {
    Error(node, what + ": expected a string");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> YamlReader::Double(const YAML::Node& node, const std::string& what, double lo,
                                         double hi) {
  double v = 0;
  if (!node.IsScalar() || !YAML::convert<double>::decode(node, v)) {
    Error(node, what + ": expected a number");
    return std::nullopt;
  }
  if (!(v >= lo && v <= hi)) {
    Error(node, what + ": must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return std::nullopt;
  }
  return v;
}

std::optional<std::int64_t> YamlReader::Int(const YAML::Node& node, const std::string& what,
                                            std::int64_t lo, std::int64_t hi) {
  std::int64_t v = 0;
  if (!node.IsScalar() || !YAML::convert<std::int64_t>::decode(node, v)) {
    Error(node, what + ": expected an integer");
    return std::nullopt;
  }
  if (v < lo || v > hi) {
    Error(node, what + ": must be between " + std::to_string(lo) + " and " + std::to_string(hi));
    return std::nullopt;
  }
  return v;
}

std::optional<double> YamlReader::Seconds(const YAML::Node& node, const std::string& what) {
  double v = 0;
  if (node.IsScalar() && YAML::convert<double>::decode(node, v)) {
    if (v >= 0) return v;
    Error(node, what + ": must not be negative");
    return std::nullopt;
  }
  if (node.IsScalar()) {
    if (auto d = config::ParseDuration(node.Scalar())) {
      return static_cast<double>(d->count()) / 1000.0;
    }
  }
  Error(node, what + ": expected seconds or a duration such as 90s, 1h30m, 500ms");
  return std::nullopt;
}

std::optional<double> YamlReader::Time(const YAML::Node& node, const std::string& what, bool* now) {
  *now = false;
  double v = 0;
  if (node.IsScalar() && YAML::convert<double>::decode(node, v)) return v;
  if (node.IsScalar() && node.Scalar() == "now") {
    *now = true;
    return std::nullopt;
  }
  if (node.IsScalar()) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, used = 0;
    const std::string& text = node.Scalar();
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used) ==
            6 &&
        mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 60) {
      const std::string rest = text.substr(static_cast<std::size_t>(used));
      if (rest == "Z") return static_cast<double>(UnixFromUtc(y, mo, d, h, mi, s));
      if (rest.empty()) return static_cast<double>(UnixFromStockholm(y, mo, d, h, mi, s));
    }
  }
  Error(node, what +
                  ": expected unix seconds, \"now\", YYYY-MM-DDTHH:MM:SSZ (UTC) or "
                  "YYYY-MM-DDTHH:MM:SS (Stockholm time)");
  return std::nullopt;
}

}  // namespace surfzone::sim::detail
