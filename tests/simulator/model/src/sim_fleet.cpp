#include "surfzone/sim/sim_fleet.hpp"

#include <cmath>
#include <stdexcept>

namespace surfzone::sim {

Fault ToFault(const FaultSpec& spec, double sim_start) {
  const auto ms = [](double s) { return static_cast<std::int64_t>(std::floor(s * 1000.0)); };
  Fault f;
  f.kind = spec.kind;
  f.start_ms = ms(sim_start + spec.at);
  f.end_ms = ms(sim_start + spec.at + spec.duration);
  f.delay = spec.delay;
  return f;
}

SimFleet::SimFleet(FleetSpec spec, double sim_start, bool history_before_start)
    : spec_(std::move(spec)), sim_start_(sim_start) {
  std::unordered_map<std::string, std::size_t> controller_index;
  for (std::size_t c = 0; c < spec_.controllers.size(); ++c) {
    controller_index.emplace(spec_.controllers[c].name, c);
  }
  std::vector<std::vector<ApModel*>> managed(spec_.controllers.size());
  aps_of_.resize(spec_.locations.size());
  for (std::size_t l = 0; l < spec_.locations.size(); ++l) {
    const LocationSpec& loc = spec_.locations[l];
    for (const ApSpec& ap : loc.aps) {
      FaultSchedule faults;
      for (const FaultSpec& f : spec_.faults) {
        if (f.ap == ap.name || (!f.location.empty() && f.location == loc.name)) {
          faults.Add(ToFault(f, sim_start));
        }
      }
      ApOptions o;
      o.name = ap.name;
      o.location = loc.name;
      o.kind = loc.kind;
      o.vendor = ap.vendor;
      o.counter_bits = ap.counter_bits;
      o.capacity = ap.capacity;
      o.ssids = spec_.sim.ssids;
      o.community = spec_.sim.community;
      o.fleet_seed = spec_.sim.seed;
      o.sim_start = sim_start;
      o.history_before_start = history_before_start;
      const std::size_t index = aps_.size();
      aps_.push_back(std::make_unique<ApModel>(std::move(o), std::move(faults)));
      location_of_.push_back(l);
      aps_of_[l].push_back(index);
      by_name_.emplace(ap.name, index);
      std::ptrdiff_t controller = -1;
      std::size_t slot = 0;
      if (!ap.controller.empty()) {
        auto it = controller_index.find(ap.controller);
        if (it == controller_index.end()) {
          throw std::invalid_argument("access point " + ap.name + ": unknown controller " +
                                      ap.controller);
        }
        controller = static_cast<std::ptrdiff_t>(it->second);
        slot = managed[it->second].size();
        managed[it->second].push_back(aps_.back().get());
      }
      controller_of_.push_back(controller);
      slot_in_controller_.push_back(slot);
    }
  }
  for (std::size_t i = 0; i < aps_.size(); ++i) {
    if (controller_of_[i] < 0) agents_.push_back(aps_[i].get());
  }
  direct_count_ = agents_.size();
  for (std::size_t c = 0; c < spec_.controllers.size(); ++c) {
    FaultSchedule faults;
    for (const FaultSpec& f : spec_.faults) {
      if (f.controller == spec_.controllers[c].name) faults.Add(ToFault(f, sim_start));
    }
    ControllerOptions o;
    o.name = spec_.controllers[c].name;
    o.vendor = spec_.controllers[c].vendor;
    o.community = spec_.sim.community;
    o.ssids = spec_.sim.ssids;
    o.fleet_seed = spec_.sim.seed;
    o.sim_start = sim_start;
    controllers_.push_back(
        std::make_unique<ControllerModel>(std::move(o), std::move(managed[c]), std::move(faults)));
    agents_.push_back(controllers_.back().get());
  }
  std::size_t next_direct = 0;
  for (std::size_t i = 0; i < aps_.size(); ++i) {
    ap_agent_.push_back(controller_of_[i] < 0
                            ? next_direct++
                            : controller_agent(static_cast<std::size_t>(controller_of_[i])));
  }
}

std::ptrdiff_t SimFleet::Find(std::string_view name) const {
  auto it = by_name_.find(std::string(name));
  return it == by_name_.end() ? -1 : static_cast<std::ptrdiff_t>(it->second);
}

std::ptrdiff_t SimFleet::FindLocation(std::string_view name) const {
  for (std::size_t l = 0; l < spec_.locations.size(); ++l) {
    if (spec_.locations[l].name == name) return static_cast<std::ptrdiff_t>(l);
  }
  return -1;
}

std::ptrdiff_t SimFleet::FindController(std::string_view name) const {
  for (std::size_t c = 0; c < controllers_.size(); ++c) {
    if (controllers_[c]->name() == name) return static_cast<std::ptrdiff_t>(c);
  }
  return -1;
}

void SimFleet::AdvanceAll(double sim_seconds) {
  for (auto& ap : aps_) ap->AdvanceTo(sim_seconds);
  for (auto& c : controllers_) c->AdvanceTo(sim_seconds);
}

}  // namespace surfzone::sim
