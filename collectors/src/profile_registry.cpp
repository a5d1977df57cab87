// Built-in profiles: the YAML files under collectors/profiles/, embedded by CMake into
// builtin_profiles.cpp (BuiltinProfileTexts) and parsed with the same parser as user profiles.
#include <utility>

#include "surfzone/collectors/profile.hpp"

namespace surfzone::collectors {

/// Generated: (file name, YAML text) of every built-in profile, generic first.
std::vector<std::pair<const char*, const char*>> BuiltinProfileTexts();

const std::vector<config::ProfileSpec>& BuiltinProfileSpecs() {
  static const std::vector<config::ProfileSpec> specs = [] {
    std::vector<config::ProfileSpec> out;
    for (const auto& [file, text] : BuiltinProfileTexts()) {
      out.push_back(config::ParseProfileText(text, std::string("builtin:") + file));
    }
    return out;
  }();
  return specs;
}

std::vector<std::string> BuiltinProfileNames() {
  std::vector<std::string> names;
  for (const auto& s : BuiltinProfileSpecs()) names.push_back(s.name);
  return names;
}

std::vector<std::string> BuiltinControllerProfileNames() {
  std::vector<std::string> names;
  for (const auto& s : BuiltinProfileSpecs()) {
    if (s.controller) names.push_back(s.name);
  }
  return names;
}

config::LoadOptions ConfigLoadOptions() {
  config::LoadOptions o;
  o.known_profiles = BuiltinProfileNames();
  o.known_profiles.push_back("auto");  // detected per AP on its first poll
  o.controller_profiles = BuiltinControllerProfileNames();
  return o;
}

std::unique_ptr<Profile> MakeBuiltinProfile(const std::string& name) {
  for (const auto& s : BuiltinProfileSpecs()) {
    if (s.name == name) return std::make_unique<Profile>(s);
  }
  return nullptr;
}

}  // namespace surfzone::collectors
