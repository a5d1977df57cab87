#pragma once
/// Internal: parsers for the top-level sections of a configuration file.

#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surfzone/config/config.hpp"
#include "surfzone/config/profile_spec.hpp"
#include "validate.hpp"
#include "yaml_util.hpp"

namespace surfzone::config::detail {

/// Keys of the top-level map.
inline constexpr std::string_view kTopLevelKeys[] = {
    "allow_empty", "auths", "controllers", "defaults", "include", "locations", "profiles", "shard"};
/// Keys that both `defaults:` and an access point may set.
inline constexpr std::string_view kPollKeys[] = {"interval", "timeout", "retries",
                                                 "max_repetitions", "max_rows"};

/// `auths:` (absent or null: none). Every named entry is returned, even one with errors, so
/// references to it do not cause follow-up errors.
std::map<std::string, Auth> ParseAuths(FileReader& reader, const YAML::Node& node);

/// `base` with the kPollKeys present in `map` applied; bad values are reported and ignored.
PollSettings ReadPollSettings(FileReader& reader, const YAML::Node& map, const std::string& path,
                              PollSettings base);

struct Defaults {
  PollSettings poll;
  int max_in_flight = 1000;
  std::string auth;  // empty when not set
  Where auth_at;
};

/// `map[key]` as a string that becomes a label value in /metrics: it must be UTF-8 (reported
/// with the bad bytes escaped, and nullopt, if not). Otherwise like FileReader::String().
std::optional<std::string> LabelText(FileReader& reader, const YAML::Node& map,
                                     const std::string& path, std::string_view key,
                                     Need need = Need::kOptional);
/// A required, non-empty `name` (label text); "" means missing or bad (already reported).
std::string RequiredName(FileReader& reader, const YAML::Node& map, const std::string& path);
/// The required `address` of an access point or controller `owner`, checked for uniqueness;
/// `out` is left alone when it is missing or bad (reported).
void ReadAddress(FileReader& reader, const YAML::Node& map, const std::string& path,
                 CrossChecker& checker, const std::string& owner, Address& out);
/// `auth`, resolved against `auths:` and `defaults.auth` into `out` (left alone when mistyped).
void ReadAuth(FileReader& reader, const YAML::Node& map, const std::string& path,
              CrossChecker& checker, std::string& out);

/// `defaults:` (absent or null: built-in defaults).
Defaults ParseDefaults(FileReader& reader, const YAML::Node& node);

/// `locations:` of one file (absent or null: none); appends to `out`. Paths use the index
/// within this file. Cross-file checks go through `checker`.
void ParseLocations(FileReader& reader, const YAML::Node& node, const PollSettings& defaults,
                    CrossChecker& checker, std::vector<Location>& out);
/// Item `index` of a `locations:` list (path "locations[index]"); appends it to `out`.
void ParseLocationItem(FileReader& reader, const YAML::Node& node, std::size_t index,
                       const PollSettings& defaults, CrossChecker& checker,
                       std::vector<Location>& out);

/// One profile map (a `profiles:` entry or a built-in file's root).
ProfileSpec ParseProfile(FileReader& reader, const YAML::Node& map, const std::string& path);
/// `profiles:` (absent or null: none).
std::vector<ProfileSpec> ParseProfiles(FileReader& reader, const YAML::Node& node);
/// `controllers:` (absent or null: none). Names go through `checker` (unique with AP names).
std::vector<Controller> ParseControllers(FileReader& reader, const YAML::Node& node,
                                         const PollSettings& defaults, CrossChecker& checker);

/// `shard:` (absent or null: nullopt). Defined in parse_shard.cpp.
std::optional<Shard> ParseShardSection(FileReader& reader, const YAML::Node& node);

}  // namespace surfzone::config::detail
