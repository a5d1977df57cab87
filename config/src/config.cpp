#include "surfzone/config/config.hpp"

#include "enum_tables.hpp"

namespace surfzone::config {

std::string Address::ToString() const {
  const std::string port_text = std::to_string(port);
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + port_text;
  return host + ":" + port_text;
}

std::size_t CountAccessPoints(const Config& config) {
  std::size_t n = 0;
  for (const Location& location : config.locations) n += location.access_points.size();
  return n;
}

const char* ToString(SnmpVersion v) { return detail::NameOf(detail::kSnmpVersions, v, "?"); }
const char* ToString(SecurityLevel v) { return detail::NameOf(detail::kSecurityLevels, v, "?"); }
const char* ToString(AuthProtocol v) { return detail::NameOf(detail::kAuthProtocols, v, "none"); }
const char* ToString(PrivProtocol v) { return detail::NameOf(detail::kPrivProtocols, v, "none"); }
const char* ToString(LocationKind v) { return detail::NameOf(detail::kLocationKinds, v, "?"); }

}  // namespace surfzone::config
