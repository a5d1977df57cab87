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

#include "surfzone/sim/controller_model.hpp"
#include "surfzone/sim/day_profile.hpp"
#include "surfzone/sim/fault_schedule.hpp"
#include "surfzone/sim/mib_layout.hpp"

namespace surfzone::sim {

struct ApSpec {
  std::string name;
  Vendor vendor = Vendor::kUnifi;
  /// surfzoned profile written to the generated config; empty: chosen by the config writer
  /// ("generic", or the vendor's name with vendor profiles, see config_writer.hpp).
  std::string profile;
  /// Non-empty: managed by this controller (no own SNMP agent; vendor, profile and counters
  /// are then irrelevant).
  std::string controller;
  int counter_bits = 64;  // 32: the agent has no 64-bit ifXTable counters
  double capacity = 40;   // clients at full occupancy
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

/// A wireless controller: one SNMP agent reporting the APs whose `controller` names it.
struct ControllerSpec {
  std::string name;
  ControllerVendor vendor = ControllerVendor::kCiscoWlc;
  friend bool operator==(const ControllerSpec&, const ControllerSpec&) = default;
};

/// A scheduled fault on one AP, on every AP of a location, or on a controller's own agent
/// (exactly one of `ap`/`location`/`controller`; controllers take down, slow, garbage and
/// wrong_request_id).
struct FaultSpec {
  std::string ap;
  std::string location;
  std::string controller;
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
  /// ports: agents get base_port, base_port + 1, ...: first the directly polled APs in file
  /// order, then the controllers in file order (controller-managed APs have no agent).
  std::uint16_t base_port = 16100;
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
  std::vector<ControllerSpec> controllers;
  std::vector<LocationSpec> locations;
  std::vector<FaultSpec> faults;
  /// Number of APs over all locations.
  std::size_t ApCount() const;
  /// Number of SNMP agents: APs without a controller, plus the controllers.
  std::size_t AgentCount() const;
  friend bool operator==(const FleetSpec&, const FleetSpec&) = default;
};

/// Where agent `index` answers SNMP under `sim` (agent order: see SimSettings::base_port; without
/// controllers agent i is AP i in file order).
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
