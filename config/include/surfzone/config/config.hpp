#pragma once
/// Validated configuration of surfzoned, as plain structs.
/// Produced by surfzone::config::Load(); consumed by the daemon. No Asio, no net-snmp here.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/config/profile_spec.hpp"
#include "surfzone/config/shard.hpp"

namespace surfzone::config {

using Duration = std::chrono::milliseconds;

/// A string that never prints itself: logs, errors and /metrics show "<secret>".
class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  /// The real value, for handing to the SNMP library only.
  const std::string& Reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  friend bool operator==(const Secret&, const Secret&) = default;

 private:
  std::string value_;
};

enum class SnmpVersion { kV1, kV2c, kV3 };
enum class SecurityLevel { kNoAuthNoPriv, kAuthNoPriv, kAuthPriv };
enum class AuthProtocol { kNone, kMD5, kSHA, kSHA224, kSHA256, kSHA384, kSHA512 };
enum class PrivProtocol { kNone, kDES, kAES, kAES192, kAES256 };

/// One named SNMP credential set (`auths:` entry).
struct Auth {
  std::string name;
  SnmpVersion version = SnmpVersion::kV2c;
  Secret community{"public"};  // v1/v2c
  // v3 USM
  std::string username;
  SecurityLevel security_level = SecurityLevel::kNoAuthNoPriv;
  AuthProtocol auth_protocol = AuthProtocol::kNone;
  Secret auth_password;
  PrivProtocol priv_protocol = PrivProtocol::kNone;
  Secret priv_password;
  std::string context;
  friend bool operator==(const Auth&, const Auth&) = default;
};

/// Polling knobs; `defaults:` holds one, each AP may override fields.
struct PollSettings {
  Duration interval{std::chrono::seconds(30)};
  Duration timeout{std::chrono::seconds(2)};
  int retries = 1;
  int max_repetitions = 25;  // GETBULK max-repetitions
  int max_rows = 10000;      // table walk stops after this many rows
  friend bool operator==(const PollSettings&, const PollSettings&) = default;
};

enum class LocationKind { kSquare, kPark, kStreet, kHarbour, kBuilding, kOther };

/// Network endpoint as written in the config: host (IPv4, IPv6 or name) and UDP port.
struct Address {
  std::string host;
  std::uint16_t port = 161;
  /// "host:port", with IPv6 hosts in brackets: "[::1]:161".
  std::string ToString() const;
  friend bool operator==(const Address&, const Address&) = default;
};

struct AccessPoint {
  std::string name;
  Address address;
  std::string auth;  // name of an Auth; resolved to a default if absent
  std::string profile = "generic";
  PollSettings poll;       // defaults merged with this AP's overrides
  std::string controller;  // set: polled through this controller (address unused)
  std::string mac;         // optional: match the controller's row by MAC ("aa:bb:..", lower case)
  friend bool operator==(const AccessPoint&, const AccessPoint&) = default;
};

/// A wireless controller (`controllers:` entry): one poll reports many APs.
struct Controller {
  std::string name;
  Address address;
  std::string auth;
  std::string profile;  // a profile with `controller: true`
  PollSettings poll;
  friend bool operator==(const Controller&, const Controller&) = default;
};

struct Location {
  std::string name;
  LocationKind kind = LocationKind::kOther;
  std::string district;
  std::optional<double> lat;
  std::optional<double> lon;
  std::vector<AccessPoint> access_points;
  friend bool operator==(const Location&, const Location&) = default;
};

struct Config {
  std::string source_file;            // the top-level file it was loaded from
  std::map<std::string, Auth> auths;  // by name
  PollSettings defaults;
  std::string default_auth;         // `defaults.auth`
  std::vector<Location> locations;  // top-level file first, then includes in glob order
  std::vector<Controller> controllers;
  std::vector<ProfileSpec> profiles;  // user-defined (`profiles:`), in file order
  int max_in_flight = 1000;           // `defaults.max_in_flight`: cap on concurrent SNMP requests
  std::optional<Shard> shard;         // `shard:`; nullopt: whole inventory unless --shard says
  /// `allow_empty: true`: a reload to a config without access points is taken (otherwise it is
  /// refused, so that a truncated file does not silently stop all monitoring).
  bool allow_empty = false;
  friend bool operator==(const Config&, const Config&) = default;
};

/// Access points of all locations (managed ones included).
std::size_t CountAccessPoints(const Config& config);

/// Names used in YAML and in labels.
const char* ToString(SnmpVersion v);
const char* ToString(SecurityLevel v);
const char* ToString(AuthProtocol v);
const char* ToString(PrivProtocol v);
const char* ToString(LocationKind v);

}  // namespace surfzone::config
