// The published picture of the fleet: APs, locations, controllers, and the client sums per
// location (over its APs) that the Wi-Fi families show.
#include <algorithm>
#include <utility>

#include "surfzone/core/fleet.hpp"

namespace surfzone::core {
namespace {

// Client counts of the Wi-Fi profile (the identity strings are set by the callers).
void SetWifiClients(const WifiFacts& wifi, state::ApSnapshot& s) {
  s.clients = wifi.clients.clients;
  s.radios.clear();
  for (const auto& r : wifi.clients.radios) s.radios.push_back({r.radio, r.band, r.clients});
  s.ssid_clients.assign(wifi.clients.ssids.begin(), wifi.clients.ssids.end());
}

constexpr const char* kUnassigned = "unassigned";

// Adds an AP's client counts to its location's sums (SSIDs unsorted until SortSsids).
void AddClients(const state::ApSnapshot& ap, state::LocationSnapshot& l) {
  if (ap.clients) l.clients = l.clients.value_or(0) + *ap.clients;
  for (const auto& [ssid, n] : ap.ssid_clients) {
    auto it = std::find_if(l.ssid_clients.begin(), l.ssid_clients.end(),
                           [&](const auto& e) { return e.first == ssid; });
    if (it == l.ssid_clients.end()) {
      l.ssid_clients.emplace_back(ssid, n);
    } else {
      it->second += n;
    }
  }
}

void SortSsids(state::LocationSnapshot& l) {
  std::sort(l.ssid_clients.begin(), l.ssid_clients.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace

state::Snapshot Fleet::BuildSnapshot() const {
  state::Snapshot snap;
  BuildSnapshot(snap);
  return snap;
}

// Every field is assigned: a snapshot rebuilt in place keeps its strings' and vectors' capacity,
// so re-publishing a 20,000-AP fleet allocates (almost) nothing.
void Fleet::BuildSnapshot(state::Snapshot& snap) const {
  std::size_t active = 0;
  for (const auto& [name, loc] : locations_) active += loc.active ? 1 : 0;
  snap.locations.resize(active);  // drops a previous "unassigned" entry too
  std::size_t i = 0;
  for (const auto& [name, loc] : locations_) {
    if (!loc.active) continue;
    loc.snapshot_index = i;
    state::LocationSnapshot& l = snap.locations[i++];
    l.name = name;
    l.kind = config::ToString(loc.meta.kind);
    l.district = loc.meta.district;
    l.lat = loc.meta.lat;
    l.lon = loc.meta.lon;
    l.aps = loc.configured;
    l.aps_up = loc.up;
    l.aps_unknown = loc.configured - loc.known;
    l.rx_bytes = loc.rx_bytes;
    l.tx_bytes = loc.tx_bytes;
    l.seconds_up = loc.state.seconds(state::LocationStatus::kUp);
    l.seconds_degraded = loc.state.seconds(state::LocationStatus::kDegraded);
    l.seconds_down = loc.state.seconds(state::LocationStatus::kDown);
    l.clients.reset();  // summed over its APs below
    l.ssid_clients.clear();
  }

  // Slot i held aps_[i] last time unless a config was applied since (a new one: built_from 0).
  const bool same_aps = snap.built_from == applied_;
  snap.built_from = applied_;
  snap.aps.resize(aps_.size());  // drops the unassigned APs AddSnapshotWifi appended last time
  // Shared text: compared with what this snapshot held (the same AP's text, when it is rebuilt
  // in place and no config was applied since), looked up in the pool only when it changed (one
  // copy per distinct text across the fleet). Text that only the config sets is not compared
  // at all then.
  auto set = [this](state::SharedString& field, std::string_view value) {
    state::Intern(text_pool_, field, value);
  };
  i = 0;
  const LocationAccount* loc = nullptr;  // APs of a location are adjacent: look it up once
  const std::string* loc_name = nullptr;
  for (const auto& ap : aps_) {
    if (!loc_name || *loc_name != ap->location) {
      loc = &locations_.at(ap->location);
      loc_name = &ap->location;
    }
    const ApTracker& t = ap->tracker;
    state::ApSnapshot& s = snap.aps[i++];
    if (!same_aps) {
      set(s.name, ap->cfg.name);
      set(s.location, ap->location);
      set(s.kind, config::ToString(loc->meta.kind));
      set(s.district, loc->meta.district);
      set(s.address, ap->cfg.address.ToString());
      set(s.controller, ap->cfg.controller);
    }
    // auto: the detected one
    set(s.profile, ap->profile ? ap->profile->name() : ap->cfg.profile);
    set(s.detect, ap->detect);
    // Polled (or otherwise changed) since this slot was last copied? At a 15 s scrape and a
    // 30 s poll interval, half the fleet was not.
    if (same_aps && s.built_from == t.change_mark()) {
      if (loc->active) AddClients(s, snap.locations[loc->snapshot_index]);
      continue;
    }
    s.built_from = t.change_mark();
    // Its text changed too? Seldom: then the strings are not even compared.
    const bool facts_changed = !same_aps || s.facts_from != t.facts_mark();
    s.facts_from = t.facts_mark();
    if (facts_changed) {
      set(s.sys_name, t.system().sys_name);
      set(s.sys_descr, t.system().sys_descr);
      set(s.sys_object_id, t.system().sys_object_id);
      set(s.traffic_source, t.traffic_source());
      set(s.uptime_source, t.last_success() ? collectors::UptimeSource(t.system()) : "");
      set(s.model, t.wifi().model);
      set(s.firmware, t.wifi().firmware);
      set(s.serial, t.wifi().serial);
      set(s.mac, t.wifi().mac);
    }
    s.known = t.up().has_value();
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
    SetWifiClients(t.wifi(), s);
    if (loc->active) AddClients(s, snap.locations[loc->snapshot_index]);
  }
  // Names and locations are set only when a config was applied: their label text too.
  if (!same_aps) state::IndexApLabels(snap, aps_.size());
  snap.controllers.clear();
  AddSnapshotWifi(snap);
  for (auto& l : snap.locations) SortSsids(l);
}

void Fleet::AddSnapshotWifi(state::Snapshot& snap) const {
  // APs a controller reports that no location places.
  int unassigned = 0, unassigned_up = 0;
  for (const auto& c : controllers_) {
    // Polled for this shard's APs only: its own series come from its home shard.
    if (!c->shard_role.home) continue;
    state::ControllerSnapshot cs;
    cs.name = c->cfg.name;
    cs.address = c->cfg.address.ToString();
    cs.profile = c->cfg.profile;
    cs.up = c->tracker.up().value_or(false);
    cs.aps_up = c->controller_view.aps_up;
    cs.aps_down = c->controller_view.aps_down;
    cs.clients = c->controller_view.clients;
    snap.controllers.push_back(std::move(cs));
    for (const auto& u : c->controller_view.unassigned) {
      state::ApSnapshot s;
      s.name = u.row.name.empty() ? u.row.key : u.row.name;
      s.location = kUnassigned;
      s.kind = config::ToString(config::LocationKind::kOther);
      s.address = u.row.address;
      s.profile = c->cfg.profile;
      s.controller = c->cfg.name;
      s.traffic_source = "none";
      s.known = true;
      s.up = u.row.up != false;
      s.model = u.wifi.model;
      s.firmware = u.wifi.firmware;
      s.serial = u.wifi.serial;
      s.mac = u.wifi.mac;
      SetWifiClients(u.wifi, s);
      ++unassigned;
      if (s.up) ++unassigned_up;
      snap.aps.push_back(std::move(s));
    }
  }
  // Their client counts go to a configured location "unassigned" if there is one, else to one
  // made up for them.
  state::LocationSnapshot* target = nullptr;
  if (const auto it = locations_.find(kUnassigned); it != locations_.end()) {
    if (it->second.active) target = &snap.locations[it->second.snapshot_index];
  } else if (unassigned > 0) {
    state::LocationSnapshot l;
    l.name = kUnassigned;
    l.kind = config::ToString(config::LocationKind::kOther);
    l.aps = unassigned;
    l.aps_up = unassigned_up;
    snap.locations.push_back(std::move(l));
    target = &snap.locations.back();
  }
  if (target) {
    for (std::size_t i = aps_.size(); i < snap.aps.size(); ++i) AddClients(snap.aps[i], *target);
  }
}

}  // namespace surfzone::core
