// The fleet's profiles: user-defined ones (rebuilt on reload when their spec changed) shadow
// built-ins of the same name; built-ins are created on first use. Shared pointers: a poll in
// flight keeps its profile alive across a reload.
#include "surfzone/core/fleet.hpp"

namespace surfzone::core {

void Fleet::RebuildUserProfiles(const std::vector<config::ProfileSpec>& specs) {
  for (const auto& old : user_specs_) profiles_.erase(old.name);
  for (const auto& spec : specs) profiles_[spec.name] = std::make_shared<collectors::Profile>(spec);
  user_specs_ = specs;
}

std::shared_ptr<const collectors::Profile> Fleet::FindProfile(const std::string& name) {
  auto it = profiles_.find(name);
  if (it == profiles_.end()) {
    std::shared_ptr<const collectors::Profile> p = collectors::MakeBuiltinProfile(name);
    if (!p) return nullptr;
    it = profiles_.emplace(name, std::move(p)).first;
  }
  return it->second;
}

std::vector<config::ProfileSpec> Fleet::AllProfileSpecs() const {
  std::vector<config::ProfileSpec> all = user_specs_;
  for (const auto& s : collectors::BuiltinProfileSpecs()) all.push_back(s);
  return all;
}

}  // namespace surfzone::core
