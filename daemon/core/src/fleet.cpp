#include "surfzone/core/fleet.hpp"

#include <algorithm>
#include <unordered_map>

namespace surfzone::core {

const collectors::Profile* Fleet::FindProfile(const std::string& name) {
  auto it = profiles_.find(name);
  if (it == profiles_.end()) {
    auto p = collectors::MakeBuiltinProfile(name);
    if (!p) return nullptr;
    it = profiles_.emplace(name, std::move(p)).first;
  }
  return it->second.get();
}

LocationAccount* Fleet::FindLocation(const std::string& name) {
  auto it = locations_.find(name);
  return it == locations_.end() ? nullptr : &it->second;
}

std::vector<std::shared_ptr<ApEntry>> Fleet::Apply(const config::Config& cfg) {
  std::unordered_map<std::string, std::shared_ptr<ApEntry>> old;
  for (auto& ap : aps_) old.emplace(ap->cfg.name, ap);
  for (auto& [name, loc] : locations_) loc.active = false;

  std::vector<std::shared_ptr<ApEntry>> next, added;
  for (const auto& loc : cfg.locations) {
    LocationAccount& account = locations_[loc.name];
    account.meta = loc;
    account.meta.access_points.clear();
    account.active = true;
    for (const auto& ap_cfg : loc.access_points) {
      const std::string& auth_name = ap_cfg.auth.empty() ? cfg.default_auth : ap_cfg.auth;
      const config::Auth auth = cfg.auths.at(auth_name);  // validated by the loader
      std::shared_ptr<ApEntry> entry;
      if (auto it = old.find(ap_cfg.name); it != old.end()) {
        entry = it->second;
        old.erase(it);
        const bool same_target = entry->cfg.address == ap_cfg.address && entry->auth == auth &&
                                 entry->cfg.poll.timeout == ap_cfg.poll.timeout &&
                                 entry->cfg.poll.retries == ap_cfg.poll.retries;
        if (!same_target) {
          // Another device or other credentials: new session, same totals.
          if (entry->session) entry->session->Close();
          entry->session.reset();
          entry->endpoint.reset();
          entry->tracker.Rebaseline();
        }
      } else {
        entry = std::make_shared<ApEntry>();
        added.push_back(entry);
      }
      entry->cfg = ap_cfg;
      entry->auth = auth;
      entry->location = loc.name;
      entry->profile = FindProfile(ap_cfg.profile);
      next.push_back(std::move(entry));
    }
  }
  for (auto& [name, gone] : old) {
    gone->retired = true;
    if (gone->session) gone->session->Close();
    gone->session.reset();
  }
  aps_ = std::move(next);
  RecountLocations();
  return added;
}

void Fleet::RecountLocations() {
  for (auto& [name, loc] : locations_) loc.configured = loc.known = loc.up = 0;
  for (const auto& ap : aps_) {
    LocationAccount& loc = locations_.at(ap->location);
    ++loc.configured;
    if (auto up = ap->tracker.up()) {
      ++loc.known;
      if (*up) ++loc.up;
    }
  }
}

void Fleet::RecordPoll(const ApEntry& ap, std::optional<bool> before, TrafficDelta delta,
                       double now) {
  LocationAccount* loc = FindLocation(ap.location);
  if (!loc) return;
  loc->rx_bytes += delta.rx;
  loc->tx_bytes += delta.tx;
  // Close the interval that ended now under the old state, then switch.
  loc->state.Observe(now, loc->known, loc->up);
  const std::optional<bool> after = ap.tracker.up();
  if (before) {
    --loc->known;
    if (*before) --loc->up;
  }
  if (after) {
    ++loc->known;
    if (*after) ++loc->up;
  }
  loc->state.Observe(now, loc->known, loc->up);
}

void Fleet::ObserveLocations(double now) {
  for (auto& [name, loc] : locations_) {
    if (loc.active) loc.state.Observe(now, loc.known, loc.up);
  }
}

state::Snapshot Fleet::BuildSnapshot() const {
  state::Snapshot snap;
  BuildSnapshot(snap);
  return snap;
}

// Every field is assigned: a snapshot recycled from an earlier publish keeps its strings'
// capacity, so re-publishing a 20,000-AP fleet every second allocates (almost) nothing.
void Fleet::BuildSnapshot(state::Snapshot& snap) const {
  snap.aps.resize(aps_.size());
  std::size_t i = 0;
  for (const auto& ap : aps_) {
    const LocationAccount& loc = locations_.at(ap->location);
    const ApTracker& t = ap->tracker;
    state::ApSnapshot& s = snap.aps[i++];
    s.name = ap->cfg.name;
    s.location = ap->location;
    s.kind = config::ToString(loc.meta.kind);
    s.district = loc.meta.district;
    s.address = ap->cfg.address.ToString();
    s.profile = ap->cfg.profile;
    s.sys_name = t.system().sys_name;
    s.sys_descr = t.system().sys_descr;
    s.sys_object_id = t.system().sys_object_id;
    s.traffic_source = t.traffic_source();
    s.up = t.up().value_or(false);
    s.boot_time_seconds = t.boot_time_seconds();
    s.reboots = t.reboots();
    s.rx_bytes = t.rx_bytes();
    s.tx_bytes = t.tx_bytes();
    s.last_poll_timestamp_seconds = t.last_poll();
    s.last_success_timestamp_seconds = t.last_success();
    s.poll_duration_seconds = t.poll_duration();
    s.polls_total = t.polls();
    s.poll_failures_total = t.failures();
  }
  snap.locations.resize(static_cast<std::size_t>(
      std::count_if(locations_.begin(), locations_.end(),
                    [](const auto& entry) { return entry.second.active; })));
  i = 0;
  for (const auto& [name, loc] : locations_) {
    if (!loc.active) continue;
    state::LocationSnapshot& l = snap.locations[i++];
    l.name = name;
    l.kind = config::ToString(loc.meta.kind);
    l.district = loc.meta.district;
    l.lat = loc.meta.lat;
    l.lon = loc.meta.lon;
    l.aps = loc.configured;
    l.aps_up = loc.up;
    l.rx_bytes = loc.rx_bytes;
    l.tx_bytes = loc.tx_bytes;
    l.seconds_up = loc.state.seconds(state::LocationStatus::kUp);
    l.seconds_degraded = loc.state.seconds(state::LocationStatus::kDegraded);
    l.seconds_down = loc.state.seconds(state::LocationStatus::kDown);
  }
}

}  // namespace surfzone::core
