// The table of built-in profiles: explicit, no static self-registration.
#include "surfzone/collectors/if_mib.hpp"
#include "surfzone/collectors/profile.hpp"
#include "surfzone/collectors/system_mib.hpp"

namespace surfzone::collectors {

std::vector<std::string> BuiltinProfileNames() { return {"generic"}; }

std::unique_ptr<Profile> MakeBuiltinProfile(const std::string& name) {
  std::vector<std::unique_ptr<Collector>> c;
  if (name == "generic") {
    c.push_back(std::make_unique<SystemMibCollector>());
    c.push_back(std::make_unique<IfMibCollector>());
    return std::make_unique<Profile>(name, std::move(c));
  }
  return nullptr;
}

}  // namespace surfzone::collectors
