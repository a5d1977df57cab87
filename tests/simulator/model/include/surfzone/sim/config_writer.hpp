#pragma once
/// Writes the surfzoned configuration (YAML) that polls a simulated fleet.

#include <string>

#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

struct ConfigWriterOptions {
  std::string auth_name = "sim";  // the one v2c auth; community = fleet.sim.community
  std::string interval = "30s";   // defaults.interval (surfzoned duration syntax)
  std::string timeout = "2s";     // defaults.timeout
  int retries = 1;
  int max_in_flight = 1000;
  /// Profile for every AP; empty: each AP's ApSpec::profile.
  std::string profile_override;
};

/// The YAML text: `auths` (one v2c community), `defaults` (interval, timeout, retries,
/// max_in_flight, auth) and every location with kind/district/lat/lon and its APs as
/// `name`, `address: <host>:<port>` (ports as SimFleet assigns them) and `profile`.
std::string WriteSurfzonedConfig(const FleetSpec& fleet, const ConfigWriterOptions& options = {});

}  // namespace surfzone::sim
