#pragma once
/// The running models of a fleet: one ApModel per AP of a FleetSpec with its location, one
/// ControllerModel per controller (reporting the APs it manages), the fleet's scheduled faults
/// applied, and the SNMP agents to serve: APs without a controller (file order), then the
/// controllers (file order). Controller-managed APs have no agent of their own.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "surfzone/sim/ap_model.hpp"
#include "surfzone/sim/controller_model.hpp"
#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

class SimFleet {
 public:
  /// Builds every AP and controller. `sim_start` is the unix time the simulation starts at
  /// (spec.sim.start if set, else the caller's "now"); fault times are relative to it. Agent k
  /// answers at EndpointOf(spec.sim, k). `history_before_start` as in ApOptions.
  SimFleet(FleetSpec spec, double sim_start, bool history_before_start = true);

  const FleetSpec& spec() const { return spec_; }
  double sim_start() const { return sim_start_; }
  std::size_t size() const { return aps_.size(); }
  ApModel& ap(std::size_t i) { return *aps_[i]; }
  const ApModel& ap(std::size_t i) const { return *aps_[i]; }
  /// Where AP i's data is served: its own agent, or its controller's.
  std::uint16_t port(std::size_t i) const { return EndpointOf(spec_.sim, ap_agent(i)).port; }
  std::string host(std::size_t i) const { return EndpointOf(spec_.sim, ap_agent(i)).host; }
  bool shared_socket() const { return spec_.sim.addressing == "hosts"; }
  /// Index into spec().locations of AP i.
  std::size_t location_of(std::size_t i) const { return location_of_[i]; }
  /// AP indices of location `location` (index into spec().locations).
  const std::vector<std::size_t>& aps_of(std::size_t location) const { return aps_of_[location]; }
  /// AP index by name, or -1.
  std::ptrdiff_t Find(std::string_view name) const;
  /// Location index by name, or -1.
  std::ptrdiff_t FindLocation(std::string_view name) const;
  /// AdvanceTo on every AP and controller.
  void AdvanceAll(double sim_seconds);

  // --- controllers ---
  std::size_t controller_count() const { return controllers_.size(); }
  ControllerModel& controller(std::size_t c) { return *controllers_[c]; }
  const ControllerModel& controller(std::size_t c) const { return *controllers_[c]; }
  /// Controller index by name, or -1.
  std::ptrdiff_t FindController(std::string_view name) const;
  /// Controller of AP i, or -1 if the AP is polled directly.
  std::ptrdiff_t controller_of(std::size_t i) const { return controller_of_[i]; }
  /// Position of AP i among its controller's APs (ControllerModel::ap(j)); meaningless if direct.
  std::size_t slot_in_controller(std::size_t i) const { return slot_in_controller_[i]; }

  // --- SNMP agents ---
  std::size_t agent_count() const { return agents_.size(); }
  Agent& agent(std::size_t k) { return *agents_[k]; }
  std::uint16_t agent_port(std::size_t k) const { return EndpointOf(spec_.sim, k).port; }
  std::string agent_host(std::size_t k) const { return EndpointOf(spec_.sim, k).host; }
  /// Agent of AP i (its controller's for a managed AP).
  std::size_t ap_agent(std::size_t i) const { return ap_agent_[i]; }
  /// True if AP i has an agent of its own.
  bool direct(std::size_t i) const { return controller_of_[i] < 0; }
  /// Agent of controller c.
  std::size_t controller_agent(std::size_t c) const { return direct_count_ + c; }

 private:
  FleetSpec spec_;
  double sim_start_;
  std::vector<std::unique_ptr<ApModel>> aps_;
  std::vector<std::unique_ptr<ControllerModel>> controllers_;
  std::vector<Agent*> agents_;
  std::size_t direct_count_ = 0;
  std::vector<std::size_t> location_of_;
  std::vector<std::vector<std::size_t>> aps_of_;
  std::vector<std::ptrdiff_t> controller_of_;
  std::vector<std::size_t> slot_in_controller_;
  std::vector<std::size_t> ap_agent_;
  std::unordered_map<std::string, std::size_t> by_name_;
};

/// Converts a fleet fault to the model's fault (absolute ms) for an AP starting at `sim_start`.
Fault ToFault(const FaultSpec& spec, double sim_start);

}  // namespace surfzone::sim
