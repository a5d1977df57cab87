#pragma once
/// A profile: the collectors that poll one kind of device, built from a config::ProfileSpec
/// (built-in YAML under collectors/profiles/, embedded at build time, or a user's `profiles:`).
/// Every profile has the MIB-II system group; AP profiles add IF-MIB; a spec with Wi-Fi tables
/// adds a WifiCollector.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/collectors/collector.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/config/profile_spec.hpp"

namespace surfzone::collectors {

class Profile {
 public:
  explicit Profile(config::ProfileSpec spec);
  const std::string& name() const { return spec_.name; }
  const config::ProfileSpec& spec() const { return spec_; }
  bool controller() const { return spec_.controller; }
  /// The requests to make; built once, shared by every AP with this profile.
  const PollPlan& plan() const { return plan_; }
  /// Decodes everything; fills sample.wifi_traffic when the profile's radio/VAP counters are
  /// there (and then no IF-MIB interface carries the AP's traffic).
  void Decode(const PollResult& result, ApSample& sample) const;
  /// Where AP traffic comes from, for surfzone_ap_info{traffic_source}: "if-mib-64",
  /// "if-mib-32", "radio-64", "radio-32", "vap-64", "vap-32" or "none".
  std::string TrafficSource(const ApSample& sample) const;

 private:
  config::ProfileSpec spec_;
  std::vector<std::unique_ptr<Collector>> collectors_;
  PollPlan plan_;
};

/// The built-in specs, parsed once from the embedded YAML (throws if one is malformed).
const std::vector<config::ProfileSpec>& BuiltinProfileSpecs();
/// Built-in profile names (for config validation), "generic" first.
std::vector<std::string> BuiltinProfileNames();
/// Of those, the controller profiles.
std::vector<std::string> BuiltinControllerProfileNames();
/// What the daemon validates configurations with: every built-in profile plus "auto", and the
/// built-in controller profiles (tools that write configs use the same options to check them).
config::LoadOptions ConfigLoadOptions();
/// A new instance of a built-in profile; nullptr if unknown.
std::unique_ptr<Profile> MakeBuiltinProfile(const std::string& name);

/// What `profile: auto` looks at: sysObjectID and which probe OIDs answered.
struct DetectInput {
  std::string sys_object_id;
  std::vector<std::string> answered_probes;  ///< dotted OIDs that returned a value
};
/// Every probe OID of `specs` (one GET asks them all).
std::vector<std::string> DetectProbes(const std::vector<config::ProfileSpec>& specs);
/// The first spec (in order) whose probe answered or whose sysObjectID prefix matches; probes win
/// over sysObjectID. Controllers are skipped unless `controllers`. nullopt: use "generic".
std::optional<std::string> DetectProfile(const std::vector<config::ProfileSpec>& specs,
                                         const DetectInput& input, bool controllers = false);

/// DetectProfile with its reasons, so `auto` never picks (or falls back) silently.
struct DetectExplanation {
  std::optional<std::string> profile;  ///< nullopt: nothing matched, "generic" is used
  /// surfzone_ap_info{detect}: "probe:<oid>", "sys_object_id:<prefix>" or "none".
  std::string how = "none";
  /// "<profile>:<oid>" for every probe of a usable profile that did not answer.
  std::vector<std::string> failed_probes;
};
DetectExplanation ExplainDetection(const std::vector<config::ProfileSpec>& specs,
                                   const DetectInput& input, bool controllers = false);

}  // namespace surfzone::collectors
