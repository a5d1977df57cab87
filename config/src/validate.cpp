#include "validate.hpp"

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
  for (const std::string& known : options_.known_profiles) {
    if (known == profile) return;
  }
  diag_.Add(where, "unknown profile " + Quote(profile) +
                       "; known profiles: " + JoinNames(options_.known_profiles));
}

}  // namespace surfzone::config::detail
