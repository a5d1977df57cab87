#include "config_yaml.hpp"

#include "surfzone/testing/snmpd.hpp"

namespace surfzone::e2e {

using testing::SnmpdUsers;

std::string ConfigYaml(const std::vector<LocationSpec>& locations, const DefaultsSpec& defaults) {
  std::string y;
  y += "auths:\n";
  y += std::string("  ") + kAuthV2 +
       ":\n    version: 2c\n    community: " + SnmpdUsers::kCommunity + "\n";
  y += std::string("  ") + kAuthV2Secret +
       ":\n    version: 2c\n    community: " + kSecretCommunity + "\n";
  y += std::string("  ") + kAuthV3Priv +
       ":\n    version: 3\n    username: " + SnmpdUsers::kAuthPrivUser +
       "\n    security_level: authPriv\n    auth_protocol: SHA-256\n    auth_password: " +
       SnmpdUsers::kAuthPassword +
       "\n    priv_protocol: AES\n    priv_password: " + SnmpdUsers::kPrivPassword + "\n";
  y += "defaults:\n";
  y += "  interval: " + defaults.interval + "\n";
  y += "  timeout: " + defaults.timeout + "\n";
  y += "  retries: " + std::to_string(defaults.retries) + "\n";
  y += std::string("  auth: ") + kAuthV2 + "\n";
  y += "locations:\n";
  for (const auto& loc : locations) {
    y += "  - name: " + loc.name + "\n";
    y += "    kind: " + loc.kind + "\n";
    if (!loc.district.empty()) y += "    district: " + loc.district + "\n";
    if (!loc.lat.empty()) y += "    lat: " + loc.lat + "\n";
    if (!loc.lon.empty()) y += "    lon: " + loc.lon + "\n";
    y += "    access_points:\n";
    for (const auto& ap : loc.aps) {
      y += "      - name: " + ap.name + "\n";
      y += "        address: " + ap.address + "\n";
      if (!ap.auth.empty()) y += "        auth: " + ap.auth + "\n";
      for (const auto& line : ap.extra) y += "        " + line + "\n";
    }
  }
  return y;
}

int LineOf(const std::string& text, const std::string& needle) {
  const std::size_t pos = text.find(needle);
  if (pos == std::string::npos) return 0;
  int line = 1;
  for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n';
  return line;
}

}  // namespace surfzone::e2e
