// `profile: auto`: pick a profile from sysObjectID and vendor probe OIDs.
#include <algorithm>

#include "surfzone/collectors/profile.hpp"

namespace surfzone::collectors {

std::vector<std::string> DetectProbes(const std::vector<config::ProfileSpec>& specs) {
  std::vector<std::string> out;
  for (const auto& s : specs) {
    for (const auto& p : s.detect_probe) {
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
  }
  return out;
}

std::optional<std::string> DetectProfile(const std::vector<config::ProfileSpec>& specs,
                                         const DetectInput& input, bool controllers) {
  return ExplainDetection(specs, input, controllers).profile;
}

DetectExplanation ExplainDetection(const std::vector<config::ProfileSpec>& specs,
                                   const DetectInput& input, bool controllers) {
  DetectExplanation out;
  auto usable = [&](const config::ProfileSpec& s) { return controllers || !s.controller; };
  for (const auto& s : specs) {
    if (!usable(s)) continue;
    for (const auto& p : s.detect_probe) {
      const auto& a = input.answered_probes;
      if (std::find(a.begin(), a.end(), p) == a.end()) {
        out.failed_probes.push_back(s.name + ":" + p);
      } else if (!out.profile) {
        out.profile = s.name;
        out.how = "probe:" + p;
      }
    }
  }
  if (out.profile) return out;
  for (const auto& s : specs) {
    if (!usable(s)) continue;
    for (const auto& prefix : s.detect_sys_object_id) {
      const std::string& id = input.sys_object_id;
      if (id == prefix || id.starts_with(prefix + ".")) {
        out.profile = s.name;
        out.how = "sys_object_id:" + prefix;
        return out;
      }
    }
  }
  return out;
}

}  // namespace surfzone::collectors
