#include <map>
#include <string>

#include "sections.hpp"

namespace surfzone::config::detail {
namespace {

constexpr std::string_view kAuthKeys[] = {"version",        "community",     "username",
                                          "security_level", "auth_protocol", "auth_password",
                                          "priv_protocol",  "priv_password", "context"};
constexpr std::string_view kV3OnlyKeys[] = {"username",      "security_level", "auth_protocol",
                                            "auth_password", "priv_protocol",  "priv_password",
                                            "context"};
// net-snmp refuses shorter USM pass phrases (USM_LENGTH_P_MIN).
constexpr std::size_t kMinPasswordLength = 8;

class AuthParser {
 public:
  AuthParser(FileReader& reader, const YAML::Node& map, std::string path)
      : reader_(reader), map_(map), path_(std::move(path)) {}

  void Parse(Auth& auth) {
    reader_.CheckKeys(map_, path_, kAuthKeys);
    const auto version = reader_.Enum(map_, path_, "version", kSnmpVersions, Need::kRequired);
    if (!version) {
      return;  // without a version nothing else can be judged
    }
    auth.version = *version;
    if (*version == SnmpVersion::kV3) {
      ParseV3(auth);
    } else {
      ParseCommunity(auth);
    }
  }

 private:
  void ParseCommunity(Auth& auth) {
    for (std::string_view key : kV3OnlyKeys) {
      if (Has(map_, key)) {
        reader_.Error(map_[std::string(key)], JoinPath(path_, key),
                      Quote(key) + " is only used by version 3, not " + ToString(auth.version));
      }
    }
    if (const auto community = reader_.SecretString(map_, path_, "community")) {
      if (community->empty()) {
        reader_.Error(map_["community"], JoinPath(path_, "community"),
                      "community must not be empty");
      } else {
        auth.community = *community;
      }
    }
  }

  void ParseV3(Auth& auth) {
    auth.community = Secret();
    if (Has(map_, "community")) {
      reader_.Error(map_["community"], JoinPath(path_, "community"),
                    "\"community\" is not used by version 3 (use username and passwords)");
    }
    if (!Has(map_, "username")) {
      reader_.Missing(map_, path_, "username", "version 3 needs it");
    } else if (const auto username = reader_.String(map_, path_, "username")) {
      if (username->empty()) {
        reader_.Error(map_["username"], JoinPath(path_, "username"), "username must not be empty");
      }
      auth.username = *username;
    }
    if (const auto context = reader_.String(map_, path_, "context")) auth.context = *context;

    const bool level_given = Has(map_, "security_level");
    const auto level = reader_.Enum(map_, path_, "security_level", kSecurityLevels);
    if (level_given && !level) return;  // already reported; the rest would only be guesses
    auth.security_level = level.value_or(SecurityLevel::kNoAuthNoPriv);
    const std::string level_name = ToString(auth.security_level);

    if (auth.security_level == SecurityLevel::kNoAuthNoPriv) {
      Unused("auth_protocol", "authNoPriv or authPriv", level_name);
      Unused("auth_password", "authNoPriv or authPriv", level_name);
    } else {
      const std::string why = "security_level " + level_name + " needs it";
      if (const auto protocol =
              reader_.Enum(map_, path_, "auth_protocol", kAuthProtocols, Need::kRequired)) {
        auth.auth_protocol = *protocol;
      }
      Password("auth_password", why, auth.auth_password);
    }
    if (auth.security_level != SecurityLevel::kAuthPriv) {
      Unused("priv_protocol", "authPriv", level_name);
      Unused("priv_password", "authPriv", level_name);
    } else {
      if (const auto protocol =
              reader_.Enum(map_, path_, "priv_protocol", kPrivProtocols, Need::kRequired)) {
        auth.priv_protocol = *protocol;
      }
      Password("priv_password", "security_level authPriv needs it", auth.priv_password);
    }
  }

  // A field that the chosen security level ignores is almost certainly a mistake.
  void Unused(std::string_view key, std::string_view used_by, const std::string& level) {
    if (!Has(map_, key)) return;
    reader_.Error(map_[std::string(key)], JoinPath(path_, key),
                  Quote(key) + " is only used with security_level " + std::string(used_by) +
                      ", not " + level);
  }

  void Password(std::string_view key, const std::string& why, Secret& out) {
    if (!Has(map_, key)) {
      reader_.Missing(map_, path_, key, why);
      return;
    }
    const auto password = reader_.SecretString(map_, path_, key);
    if (!password) return;
    if (password->Reveal().size() < kMinPasswordLength) {
      reader_.Error(map_[std::string(key)], JoinPath(path_, key),
                    std::string(key) + " must be at least " + std::to_string(kMinPasswordLength) +
                        " characters long");
      return;
    }
    out = *password;
  }

  FileReader& reader_;
  const YAML::Node& map_;
  std::string path_;
};

}  // namespace

std::map<std::string, Auth> ParseAuths(FileReader& reader, const YAML::Node& node) {
  std::map<std::string, Auth> auths;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectMap(node, "auths")) return auths;
  for (const auto& entry : node) {
    const YAML::Node key = entry.first;
    const YAML::Node value = entry.second;
    if (!key.IsScalar() || key.Scalar().empty()) {
      reader.Error(key, "auths",
                   "auth names must be non-empty strings, got " + reader.Describe(key, "auths"));
      continue;
    }
    const std::string name = key.Scalar();
    const std::string path = JoinPath("auths", name);
    if (auths.contains(name)) {
      reader.Error(key, path, "duplicate auth " + Quote(name));
      continue;
    }
    Auth auth;
    auth.name = name;
    if (reader.ExpectMap(value, path)) AuthParser(reader, value, path).Parse(auth);
    auths.emplace(name, std::move(auth));
  }
  return auths;
}

}  // namespace surfzone::config::detail
