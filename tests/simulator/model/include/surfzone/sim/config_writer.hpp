#pragma once
/// Writes the surfzoned configuration (YAML) that polls a simulated fleet.

#include <optional>
#include <string>

#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

struct ConfigWriterOptions {
  std::string auth_name = "sim";  // the one v2c auth; community = fleet.sim.community
  std::string interval = "30s";   // defaults.interval (surfzoned duration syntax)
  std::string timeout = "2s";     // defaults.timeout
  int retries = 1;
  int max_in_flight = 1000;
  /// Profile for every directly polled AP; empty: each AP's ApSpec::profile, and where that is
  /// empty the default below.
  std::string profile_override;
  /// Default profile of a direct AP without ApSpec::profile: true = its vendor's name ("unifi",
  /// "generic"), false = "generic" (a daemon without vendor profiles). nullopt (auto) = true
  /// exactly when the fleet has controllers.
  std::optional<bool> vendor_profiles;
};

/// The YAML text: `auths` (one v2c community), `defaults` (interval, timeout, retries,
/// max_in_flight, auth), `controllers` (only if the fleet has any: name, `address:
/// <host>:<port>`, `profile: <vendor>`) and every location with kind/district/lat/lon and its APs
/// as `name` plus either `address: <host>:<port>` (ports as SimFleet assigns them) and `profile`,
/// or `controller: <name>` for controller-managed APs (matched by the name the controller
/// reports, which is the AP's name).
std::string WriteSurfzonedConfig(const FleetSpec& fleet, const ConfigWriterOptions& options = {});

}  // namespace surfzone::sim
