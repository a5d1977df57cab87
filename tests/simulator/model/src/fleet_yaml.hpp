#pragma once
// Private helpers of the fleet loader: an error sink that knows YAML positions, and scalar
// conversions that report instead of throwing.

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/sim/fleet_loader.hpp"

namespace surfzone::sim::detail {

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}

  void Error(const YAML::Node& at, const std::string& message);
  void Error(int line, int column, const std::string& message);
  std::vector<FleetError>& errors() { return errors_; }

  /// Reports keys of `map` not in `allowed`; false if `map` is not a map.
  bool CheckMap(const YAML::Node& map, const std::string& what,
                std::initializer_list<const char*> allowed);
  std::optional<std::string> String(const YAML::Node& node, const std::string& what);
  std::optional<double> Double(const YAML::Node& node, const std::string& what, double lo,
                               double hi);
  std::optional<std::int64_t> Int(const YAML::Node& node, const std::string& what, std::int64_t lo,
                                  std::int64_t hi);
  /// Non-negative seconds: a number, or a duration string such as "1h30m" or "500ms".
  std::optional<double> Seconds(const YAML::Node& node, const std::string& what);
  /// Unix seconds: a number, "now" (nullopt without error, sets *now), ISO UTC
  /// "YYYY-MM-DDTHH:MM:SSZ" or ISO Stockholm local time without the "Z".
  std::optional<double> Time(const YAML::Node& node, const std::string& what, bool* now);

 private:
  std::string file_;
  std::vector<FleetError> errors_;
};

}  // namespace surfzone::sim::detail
