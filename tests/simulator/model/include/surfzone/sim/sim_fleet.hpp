#pragma once
/// The running models of a fleet: one ApModel per AP of a FleetSpec, with its UDP port and
/// location, and the fleet's scheduled faults applied.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "surfzone/sim/ap_model.hpp"
#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

class SimFleet {
 public:
  /// Builds every AP. `sim_start` is the unix time the simulation starts at (spec.sim.start if
  /// set, else the caller's "now"); fault times are relative to it. AP i (in file order) gets
  /// port spec.sim.base_port + i. `history_before_start` as in ApOptions.
  SimFleet(FleetSpec spec, double sim_start, bool history_before_start = true);

  const FleetSpec& spec() const { return spec_; }
  double sim_start() const { return sim_start_; }
  std::size_t size() const { return aps_.size(); }
  ApModel& ap(std::size_t i) { return *aps_[i]; }
  const ApModel& ap(std::size_t i) const { return *aps_[i]; }
  /// Where AP i answers (see SimSettings::addressing).
  std::uint16_t port(std::size_t i) const { return EndpointOf(spec_.sim, i).port; }
  std::string host(std::size_t i) const { return EndpointOf(spec_.sim, i).host; }
  bool shared_socket() const { return spec_.sim.addressing == "hosts"; }
  /// Index into spec().locations of AP i.
  std::size_t location_of(std::size_t i) const { return location_of_[i]; }
  /// AP indices of location `location` (index into spec().locations).
  const std::vector<std::size_t>& aps_of(std::size_t location) const { return aps_of_[location]; }
  /// AP index by name, or -1.
  std::ptrdiff_t Find(std::string_view name) const;
  /// Location index by name, or -1.
  std::ptrdiff_t FindLocation(std::string_view name) const;
  /// AdvanceTo on every AP.
  void AdvanceAll(double sim_seconds);

 private:
  FleetSpec spec_;
  double sim_start_;
  std::vector<std::unique_ptr<ApModel>> aps_;
  std::vector<std::size_t> location_of_;
  std::vector<std::vector<std::size_t>> aps_of_;
  std::unordered_map<std::string, std::size_t> by_name_;
};

/// Converts a fleet fault to the model's fault (absolute ms) for an AP starting at `sim_start`.
Fault ToFault(const FaultSpec& spec, double sim_start);

}  // namespace surfzone::sim
