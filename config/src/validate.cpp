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

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

CrossChecker::FirstSeen CrossChecker::Remember(const Where& where) {
  // Few files (the main one and its includes), and the current one is almost always last.
  auto it = std::find(files_.rbegin(), files_.rend(), where.file);
  if (it == files_.rend()) {
    files_.push_back(where.file);
    it = files_.rbegin();
  }
  const auto index = static_cast<std::uint32_t>(files_.rend() - it - 1);
  return FirstSeen{index, where.mark, where.path};
}

std::string CrossChecker::Describe(const FirstSeen& first) const {
  return Where{files_[first.file], first.mark, ""}.Position() + ", " + first.path;
}

void CrossChecker::CheckUnique(Seen& seen, const std::string& what, const std::string& name,
                               const Where& where) {
  const auto it = seen.find(name);
  if (it == seen.end()) {
    seen.emplace(name, Remember(where));
    return;
  }
  diag_.Add(where, "duplicate " + what + " " + Quote(name) + " (first defined at " +
                       Describe(it->second) + ")");
}

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
  CheckUnique(locations_, "location name", name, where);
}

void CrossChecker::AccessPointName(const std::string& name, const Where& where) {
  CheckUnique(access_points_, "access point name", name, where);
}

void CrossChecker::AddressUnique(const Address& address, const std::string& ap_name,
                                 const Where& where) {
  std::string key = AddressKey(address);
  const auto it = addresses_.find(key);
  if (it == addresses_.end()) {
    addresses_.emplace(std::move(key), std::make_pair(ap_name, Remember(where)));
    return;
  }
  const auto& [first_name, first_seen] = it->second;
  diag_.Add(where, "duplicate address " + Quote(address.ToString()) + " (same as " +
                       Quote(first_name) + " at " + Describe(first_seen) + ")");
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
  CheckUnique(access_points_, "controller or access point name", c.name, name_at);
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
