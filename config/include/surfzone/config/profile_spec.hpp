#pragma once
/// A Wi-Fi profile as written in YAML (built-in files under collectors/profiles/ and the
/// `profiles:` section of a config use the same schema). Plain data; OIDs are kept as dotted
/// text (validated). collectors::WifiCollector turns a spec into requests and decoding.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace surfzone::config {

/// Separates the OIDs of a role whose value is their sum (YAML `clients: [A, B]`).
inline constexpr std::string_view kOidSum = " + ";

/// One SNMP table: which OIDs are its columns and how a row index splits into AP / radio / row.
struct TableSpec {
  /// Index components, in order: "ap_mac" (6 sub-ids, the AP's MAC), "ap_mac_string" (the AP's
  /// MAC as a length-prefixed OCTET STRING index: 6 then 6 sub-ids), "ap_index" (1 sub-id naming
  /// the AP), "ap_string" (a length-prefixed string naming the AP, e.g. a FortiAP's WTP ID),
  /// "radio" (1 sub-id), "int" (1), "mac" (6), "mac_string" (7), "string"
  /// (length-prefixed; in an SSID table without an `ssid` column it is the SSID name).
  std::vector<std::string> index;
  /// Role -> column OID. Roles per table: see kApColumns / kRadioColumns / kSsidColumns. Count
  /// roles may name several columns joined by kOidSum (YAML: a list), summed per row.
  std::map<std::string, std::string> columns;
  /// Value text of `band` (or of the radio key when there is no band column) -> band label.
  std::map<std::string, std::string> band_map;
  /// "", "channel" or "frequency": derive the band from that column's number.
  std::string band_from;
  /// Value text of `status` -> "up" | "down" (unlisted values: "down").
  std::map<std::string, std::string> status_map;
  /// Width of rx_bytes/tx_bytes: 32 (unwrapped by the daemon) or 64.
  int counter_bits = 32;
  friend bool operator==(const TableSpec&, const TableSpec&) = default;
};

struct ProfileSpec {
  std::string name;
  std::string source;  ///< "file:line" it was defined at, for messages.
  bool controller = false;
  std::vector<std::string> detect_sys_object_id;  ///< sysObjectID prefixes
  std::vector<std::string> detect_probe;          ///< scalar OIDs only this kind answers
  std::string traffic = "if-mib";                 ///< "if-mib" | "vap" | "radio"
  /// Scalars: model, firmware, serial, mac, clients (a single AP's own total); clients,
  /// aps_total, aps_up (controller). clients/aps_* may be several OIDs (kOidSum), summed.
  /// uptime: a TimeTicks scalar used when the device has no sysUpTime.0 (hrSystemUptime).
  std::map<std::string, std::string> scalars;
  std::optional<TableSpec> aps, radios, ssids;
  /// Which count makes an AP's clients (and so the location totals, which sum APs): "" = the
  /// first there is of scalar (single AP), AP table, sum over radios, sum over SSID rows;
  /// "scalar", "aps", "radios" or "ssids" = only that one (a controller whose AP column and
  /// radio rows disagree says which is right).
  std::string clients_from;
  friend bool operator==(const ProfileSpec&, const ProfileSpec&) = default;
};

/// Every key the profile parser accepts (collectors/profiles/README.md documents each; a test
/// keeps the two equal).
inline constexpr std::string_view kProfileKeys[] = {
    "name", "controller", "detect", "traffic", "scalars", "aps", "radios", "ssids", "clients_from"};
inline constexpr std::string_view kDetectKeys[] = {"sys_object_id", "probe"};
inline constexpr std::string_view kTableKeys[] = {"index",     "columns",    "band_map",
                                                  "band_from", "status_map", "counter_bits"};
inline constexpr std::string_view kIndexParts[] = {"ap_mac",    "ap_index",      "radio",
                                                   "int",       "mac",           "string",
                                                   "ap_string", "ap_mac_string", "mac_string"};
inline constexpr std::string_view kTrafficSources[] = {"if-mib", "vap", "radio"};
inline constexpr std::string_view kApColumns[] = {"name",   "mac",    "model",   "firmware",
                                                  "serial", "status", "clients", "address"};
inline constexpr std::string_view kRadioColumns[] = {"clients",   "band",     "channel",
                                                     "frequency", "rx_bytes", "tx_bytes"};
inline constexpr std::string_view kSsidColumns[] = {"ssid", "clients", "radio", "rx_bytes",
                                                    "tx_bytes"};
inline constexpr std::string_view kClientsFrom[] = {"scalar", "aps", "radios", "ssids"};
inline constexpr std::string_view kScalarRoles[] = {"model",   "firmware",  "serial", "mac",
                                                    "clients", "aps_total", "aps_up", "uptime"};

/// Parses built-in profile files (one profile map per text). Throws ConfigException
/// (file:line:col: field: message) on any error.
ProfileSpec ParseProfileText(const std::string& yaml, const std::string& name);

}  // namespace surfzone::config
