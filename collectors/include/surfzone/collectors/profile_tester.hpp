#pragma once
/// The offline profile tester behind `surfzoned profile test`: applies a profile to a recorded
/// walk of a device (snmp::LoadWalkFile) with no network. The walk is served by an in-memory
/// agent (snmp::MibClient) and polled with the daemon's own ExecutePlan and Profile::Decode, so
/// the report shows what surfzoned would export for that device: clients per AP / radio / SSID,
/// a controller's APs and their states, the traffic source, and the OIDs the walk lacks.

#include <iosfwd>
#include <string>
#include <vector>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/snmp/mib.hpp"

namespace surfzone::collectors {

/// An OID of the poll plan that the walk does not answer (a scalar without a value, or a table
/// column without rows).
struct MissingOid {
  std::string oid;
  std::string what;  ///< "scalars.model", "radios.columns.clients", "system group", "IF-MIB"
  bool profile_own = false;  ///< one of the profile's Wi-Fi OIDs (not system group / IF-MIB)
};

struct ProfileTestReport {
  std::string profile;
  bool controller = false;
  std::size_t walk_oids = 0;
  ApSample sample;             ///< what one poll decoded
  std::string traffic_source;  ///< Profile::TrafficSource (surfzone_ap_info{traffic_source})
  std::vector<MissingOid> missing;
  /// The OIDs that decide whether the profile matches: its Wi-Fi scalars and columns, or every
  /// planned OID for a profile without Wi-Fi tables (generic).
  int profile_oids = 0, profile_oids_answered = 0;
  std::string poll_error;  ///< non-empty if ExecutePlan stopped with an error
  /// False when the walk has data for none of the profile's OIDs (wrong vendor or empty walk).
  bool matched() const { return poll_error.empty() && profile_oids_answered > 0; }
};

/// Polls `mib` once with `profile` and reports what it decoded.
ProfileTestReport TestProfile(const Profile& profile, const snmp::Mib& mib);

/// The report as text, one fact per line (see collectors/profiles/README.md for an example).
void PrintReport(const ProfileTestReport& report, std::ostream& out);

/// `--profile` of `surfzoned profile test`: a built-in profile name, else a YAML file holding one
/// profile (the schema of collectors/profiles/*.yaml). Throws std::runtime_error naming the
/// file:line of a bad profile, or listing the built-in names when neither exists.
config::ProfileSpec LoadProfileArgument(const std::string& name_or_file);

/// `surfzoned profile list`: one built-in profile per line, "name<TAB>controller|ap<TAB>summary"
/// (the summary is the first comment line of its YAML).
void PrintProfileList(std::ostream& out);

/// `surfzoned profile show NAME`: the built-in YAML text; false if there is no such profile.
bool PrintBuiltinProfile(const std::string& name, std::ostream& out);

/// The YAML text of a built-in profile ("" if unknown).
std::string BuiltinProfileText(const std::string& name);

}  // namespace surfzone::collectors
