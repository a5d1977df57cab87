#pragma once
/// Internal: checks that span locations and files — unique names and addresses, references to
/// auths and profiles. Fed one item at a time while the files are parsed.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "surfzone/config/config.hpp"
#include "surfzone/config/load.hpp"

namespace surfzone::config::detail {

class CrossChecker {
 public:
  CrossChecker(Diagnostics& diag, const LoadOptions& options,
               const std::map<std::string, Auth>& auths)
      : diag_(diag), options_(options), auths_(auths) {}

  /// Checks `defaults.auth` against the auths; remembers it for access points without one.
  void SetDefaultAuth(const std::string& name, const Where& where);

  /// Reports a location name already used (in any file), naming where it was first defined.
  void LocationName(const std::string& name, const Where& where);
  /// Same for access point names, which are unique across all locations.
  void AccessPointName(const std::string& name, const Where& where);
  /// Reports an address (after normalisation, see AddressKey) already used by another AP.
  void AddressUnique(const Address& address, const std::string& ap_name, const Where& where);
  /// The auth an access point uses: `auth` if given (must exist), else defaults.auth.
  /// `auth_at` points at the `auth:` field, `ap_at` at the access point.
  std::string ResolveAuth(const std::optional<std::string>& auth, const Where& auth_at,
                          const Where& ap_at);
  /// Reports a profile not in LoadOptions::known_profiles nor user-defined.
  void Profile(const std::string& profile, const Where& where);
  /// Makes user-defined profiles known (before any `profile:` is checked).
  void AddProfiles(const std::vector<ProfileSpec>& specs);
  /// A controller: its name is unique among controllers and access points; its profile must
  /// have an AP table. Remembers it for AccessPointController().
  void Controller(const config::Controller& c, const Where& name_at, const Where& profile_at);
  /// The profile of controller `name`, or nullopt (and an error at `where`) if there is none.
  std::optional<std::string> AccessPointController(const std::string& name, const Where& where);

 private:
  /// Where a name or address was first seen. There are two per access point, so the file is
  /// an index into files_ rather than a copy of its name.
  struct FirstSeen {
    std::uint32_t file = 0;
    YAML::Mark mark;
    std::string path;
  };
  /// Names taken, and where.
  using Seen = std::map<std::string, FirstSeen, std::less<>>;

  std::string KnownAuths() const;
  FirstSeen Remember(const Where& where);
  /// "file:line:column, path" of the first definition.
  std::string Describe(const FirstSeen& first) const;
  /// Remembers `name` in `seen`, or reports it as a duplicate `what`.
  void CheckUnique(Seen& seen, const std::string& what, const std::string& name,
                   const Where& where);

  Diagnostics& diag_;
  const LoadOptions& options_;
  const std::map<std::string, Auth>& auths_;
  std::string default_auth_;
  std::vector<std::string> profiles_, controller_profiles_;
  std::map<std::string, std::string> controllers_;  // name -> profile
  std::vector<std::string> files_;                  // FirstSeen::file
  Seen locations_, access_points_;
  std::map<std::string, std::pair<std::string, FirstSeen>> addresses_;  // key -> (owner, where)
};

}  // namespace surfzone::config::detail
