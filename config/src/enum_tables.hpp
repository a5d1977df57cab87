#pragma once
/// Internal: the single table of YAML spellings for each enum. The parser, the error messages
/// ("allowed: ...") and the public ToString() functions all read these, so they cannot drift.

#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "surfzone/config/config.hpp"

namespace surfzone::config::detail {

template <class E>
struct EnumName {
  std::string_view name;  // always a string literal, so .data() is NUL-terminated
  E value;
};

inline constexpr EnumName<SnmpVersion> kSnmpVersions[] = {
    {"1", SnmpVersion::kV1}, {"2c", SnmpVersion::kV2c}, {"3", SnmpVersion::kV3}};

inline constexpr EnumName<SecurityLevel> kSecurityLevels[] = {
    {"noAuthNoPriv", SecurityLevel::kNoAuthNoPriv},
    {"authNoPriv", SecurityLevel::kAuthNoPriv},
    {"authPriv", SecurityLevel::kAuthPriv}};

// kNone is deliberately absent: it is what "no auth_protocol" means, not something to write.
inline constexpr EnumName<AuthProtocol> kAuthProtocols[] = {
    {"MD5", AuthProtocol::kMD5},        {"SHA", AuthProtocol::kSHA},
    {"SHA-224", AuthProtocol::kSHA224}, {"SHA-256", AuthProtocol::kSHA256},
    {"SHA-384", AuthProtocol::kSHA384}, {"SHA-512", AuthProtocol::kSHA512}};

inline constexpr EnumName<PrivProtocol> kPrivProtocols[] = {{"DES", PrivProtocol::kDES},
                                                            {"AES", PrivProtocol::kAES},
                                                            {"AES-192", PrivProtocol::kAES192},
                                                            {"AES-256", PrivProtocol::kAES256}};

inline constexpr EnumName<LocationKind> kLocationKinds[] = {
    {"square", LocationKind::kSquare},     {"park", LocationKind::kPark},
    {"street", LocationKind::kStreet},     {"harbour", LocationKind::kHarbour},
    {"building", LocationKind::kBuilding}, {"other", LocationKind::kOther}};

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

/// Case-insensitive lookup ("authpriv" is accepted as authPriv); nullopt if not in the table.
template <class E, std::size_t N>
std::optional<E> ParseEnum(const EnumName<E> (&table)[N], std::string_view text) {
  for (const auto& entry : table) {
    if (EqualsIgnoreCase(entry.name, text)) return entry.value;
  }
  return std::nullopt;
}

/// "a, b, c": the allowed spellings, for error messages.
template <class E, std::size_t N>
std::string AllowedNames(const EnumName<E> (&table)[N]) {
  std::string out;
  for (const auto& entry : table) {
    if (!out.empty()) out += ", ";
    out += entry.name;
  }
  return out;
}

/// The canonical spelling of `value`, or `fallback` if the table does not list it.
template <class E, std::size_t N>
const char* NameOf(const EnumName<E> (&table)[N], E value, const char* fallback) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name.data();
  }
  return fallback;
}

}  // namespace surfzone::config::detail
