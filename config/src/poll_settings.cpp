#include "sections.hpp"

namespace surfzone::config::detail {
namespace {

constexpr std::string_view kDefaultsOnlyKeys[] = {"max_in_flight", "auth"};

}  // namespace

PollSettings ReadPollSettings(FileReader& reader, const YAML::Node& map, const std::string& path,
                              PollSettings base) {
  if (auto value = reader.DurationField(map, path, "interval")) base.interval = *value;
  if (auto value = reader.DurationField(map, path, "timeout")) base.timeout = *value;
  if (auto value = reader.Integer(map, path, "retries", 0, 10)) {
    base.retries = static_cast<int>(*value);
  }
  if (auto value = reader.Integer(map, path, "max_repetitions", 1, 1000)) {
    base.max_repetitions = static_cast<int>(*value);
  }
  if (auto value = reader.Integer(map, path, "max_rows", 1, 10'000'000)) {
    base.max_rows = static_cast<int>(*value);
  }
  return base;
}

Defaults ParseDefaults(FileReader& reader, const YAML::Node& node) {
  Defaults defaults;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectMap(node, "defaults")) return defaults;
  reader.CheckKeys(node, "defaults", kPollKeys, kDefaultsOnlyKeys);
  defaults.poll = ReadPollSettings(reader, node, "defaults", defaults.poll);
  if (auto value = reader.Integer(node, "defaults", "max_in_flight", 1, 1'000'000)) {
    defaults.max_in_flight = static_cast<int>(*value);
  }
  if (auto value = reader.String(node, "defaults", "auth")) {
    defaults.auth = *value;
    defaults.auth_at = reader.AtKey(node, "defaults", "auth");
  }
  return defaults;
}

}  // namespace surfzone::config::detail
