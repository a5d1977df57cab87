#pragma once
/// A simulated fleet as plain data: what a fleet file (YAML) says, before any model is built.
/// Loaded by LoadFleetFile (fleet_loader.hpp), made by GenerateFleet (fleet_generator.hpp),
/// turned into running models by SimFleet (sim_fleet.hpp).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surfzone/sim/day_profile.hpp"
#include "surfzone/sim/fault_schedule.hpp"
#include "surfzone/sim/mib_layout.hpp"

namespace surfzone::sim {

struct ApSpec {
  std::string name;
  Vendor vendor = Vendor::kUnifi;
  std::string profile = "generic";  // surfzoned profile written to the generated config
  int counter_bits = 64;            // 32: the agent has no 64-bit ifXTable counters
  double capacity = 40;             // clients at full occupancy
  friend bool operator==(const ApSpec&, const ApSpec&) = default;
};

struct LocationSpec {
  std::string name;
  LocationKind kind = LocationKind::kOther;
  std::string district;
  std::optional<double> lat;
  std::optional<double> lon;
  std::vector<ApSpec> aps;
  friend bool operator==(const LocationSpec&, const LocationSpec&) = default;
};

/// A scheduled fault on one AP or on every AP of a location (exactly one of `ap`/`location`).
struct FaultSpec {
  std::string ap;
  std::string location;
  FaultKind kind = FaultKind::kDown;
  double at = 0;                       // seconds after sim start
  double duration = 0;                 // seconds; for reboot the boot time (AP silent), may be 0
  std::chrono::milliseconds delay{0};  // slow only
  friend bool operator==(const FaultSpec&, const FaultSpec&) = default;
};

struct SimSettings {
  std::optional<double> start;  // unix seconds; nullopt = the moment the simulator starts
  double speed = 1;             // 1..10000 sim seconds per real second
  std::string host = "127.0.0.1";
  std::uint16_t base_port = 16100;  // ports: APs get base_port, base_port + 1, ... in file order
  /// "ports": every AP on `host`, one port each (base_port + i) — one socket per AP.
  /// "hosts": every AP on base_port, one loopback address each (127.A.B.C, see ApEndpoint) —
  /// one shared socket for the fleet, for fleets larger than the open-file limit allows.
  std::string addressing = "ports";
  std::string community = "public";
  std::vector<std::string> ssids{"Helsingborg", "eduroam"};
  std::uint64_t seed = 0;  // mixed into every AP's name seed
  friend bool operator==(const SimSettings&, const SimSettings&) = default;
};

struct FleetSpec {
  std::string source;  // file it came from, or "<generated>"
  SimSettings sim;
  std::vector<LocationSpec> locations;
  std::vector<FaultSpec> faults;
  /// Number of APs over all locations.
  std::size_t ApCount() const;
  friend bool operator==(const FleetSpec&, const FleetSpec&) = default;
};

/// Where AP `index` (file order) answers SNMP under `sim`.
struct ApEndpoint {
  std::string host;
  std::uint16_t port = 0;
};
ApEndpoint EndpointOf(const SimSettings& sim, std::size_t index);
/// APs "hosts" addressing can place: 127.1.1.1 .. 127.126.250.250.
inline constexpr std::size_t kMaxHostAddressedAps = 126 * 250 * 250;

std::optional<LocationKind> ParseLocationKind(std::string_view text);
std::optional<Vendor> ParseVendor(std::string_view text);
std::optional<FaultKind> ParseFaultKind(std::string_view text);

/// Lower-case ASCII slug for AP names: "Rådhustorget Öst" -> "radhustorget-ost".
std::string Slug(std::string_view name);

}  // namespace surfzone::sim
