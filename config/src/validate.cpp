#include "validate.hpp"

#include <algorithm>

#include "address_util.hpp"

namespace surfzone::config::detail {
namespace {

std::string JoinNames(const auto& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "none" : out;
}

void CheckUnique(Diagnostics& diag, std::map<std::string, Where>& seen, const std::string& what,
                 const std::string& name, const Where& where) {
  const auto [it, inserted] = seen.emplace(name, where);
  if (inserted) return;
  diag.Add(where, "duplicate " + what + " " + Quote(name) + " (first defined at " +
                      it->second.Position() + ", " + it->second.path + ")");
}

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string CrossChecker::KnownAuths() const {
  std::string out;
  for (const auto& [name, auth] : auths_) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out.empty() ? "none defined" : out;
}

void CrossChecker::SetDefaultAuth(const std::string& name, const Where& where) {
  default_auth_ = name;
  if (!auths_.contains(name)) {
    diag_.Add(where, "unknown auth " + Quote(name) + "; defined auths: " + KnownAuths());
  }
}

void CrossChecker::LocationName(const std::string& name, const Where& where) {
  CheckUnique(diag_, locations_, "location name", name, where);
}

void CrossChecker::AccessPointName(const std::string& name, const Where& where) {
  CheckUnique(diag_, access_points_, "access point name", name, where);
}

void CrossChecker::AddressUnique(const Address& address, const std::string& ap_name,
                                 const Where& where) {
  const std::string key = AddressKey(address);
  const auto [it, inserted] = addresses_.emplace(key, std::make_pair(ap_name, where));
  if (inserted) return;
  const auto& [first_name, first_where] = it->second;
  diag_.Add(where, "duplicate address " + Quote(address.ToString()) + " (same as " +
                       Quote(first_name) + " at " + first_where.Position() + ", " +
                       first_where.path + ")");
}

std::string CrossChecker::ResolveAuth(const std::optional<std::string>& auth, const Where& auth_at,
                                      const Where& ap_at) {
  if (auth) {
    if (!auths_.contains(*auth)) {
      diag_.Add(auth_at, "unknown auth " + Quote(*auth) + "; defined auths: " + KnownAuths());
    }
    return *auth;
  }
  if (default_auth_.empty()) {
    diag_.Add(ap_at, "no auth: set \"auth\" here or \"auth\" in defaults");
  }
  return default_auth_;
}

void CrossChecker::Profile(const std::string& profile, const Where& where) {
  if (Contains(options_.known_profiles, profile) || Contains(profiles_, profile)) return;
  std::vector<std::string> all = options_.known_profiles;
  all.insert(all.end(), profiles_.begin(), profiles_.end());
  diag_.Add(where, "unknown profile " + Quote(profile) + "; known profiles: " + JoinNames(all));
}

void CrossChecker::AddProfiles(const std::vector<ProfileSpec>& specs) {
  for (const auto& spec : specs) {
    profiles_.push_back(spec.name);
    if (spec.controller) controller_profiles_.push_back(spec.name);
  }
}

void CrossChecker::Controller(const config::Controller& c, const Where& name_at,
                              const Where& profile_at) {
  CheckUnique(diag_, access_points_, "controller or access point name", c.name, name_at);
  controllers_[c.name] = c.profile;
  if (c.profile.empty()) return;
  if (Contains(options_.controller_profiles, c.profile) ||
      Contains(controller_profiles_, c.profile)) {
    return;
  }
  std::vector<std::string> all = options_.controller_profiles;
  all.insert(all.end(), controller_profiles_.begin(), controller_profiles_.end());
  diag_.Add(profile_at, "profile " + Quote(c.profile) +
                            " has no controller AP table; controller profiles: " + JoinNames(all));
}

std::optional<std::string> CrossChecker::AccessPointController(const std::string& name,
                                                               const Where& where) {
  auto it = controllers_.find(name);
  if (it != controllers_.end()) return it->second;
  std::vector<std::string> names;
  for (const auto& [n, p] : controllers_) names.push_back(n);
  diag_.Add(where,
            "unknown controller " + Quote(name) + "; defined controllers: " + JoinNames(names));
  return std::nullopt;
}

}  // namespace surfzone::config::detail
