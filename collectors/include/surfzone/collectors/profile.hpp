#pragma once
/// A profile: the collectors that poll one kind of device. Built-in profiles are listed in
/// profile_registry.cpp; `generic` is MIB-II + IF-MIB.

#include <memory>
#include <string>
#include <vector>

#include "surfzone/collectors/collector.hpp"

namespace surfzone::collectors {

class Profile {
 public:
  Profile(std::string name, std::vector<std::unique_ptr<Collector>> collectors);
  const std::string& name() const { return name_; }
  /// The requests to make; built once, shared by every AP with this profile.
  const PollPlan& plan() const { return plan_; }
  void Decode(const PollResult& result, ApSample& sample) const;
  /// Where AP traffic comes from, for surfzone_ap_info{traffic_source}.
  std::string TrafficSource(const ApSample& sample) const;

 private:
  std::string name_;
  std::vector<std::unique_ptr<Collector>> collectors_;
  PollPlan plan_;
};

/// Built-in profile names (for config validation).
std::vector<std::string> BuiltinProfileNames();
/// A new instance of a built-in profile; nullptr if unknown.
std::unique_ptr<Profile> MakeBuiltinProfile(const std::string& name);

}  // namespace surfzone::collectors
