#include "surfzone/core/fleet.hpp"

#include <set>
#include <unordered_map>

namespace surfzone::core {

LocationAccount* Fleet::FindLocation(const std::string& name) {
  auto it = locations_.find(name);
  return it == locations_.end() ? nullptr : &it->second;
}

namespace {

/// Closes the session: the next poll opens a new one (another device or other credentials).
void Reconnect(ApEntry& entry) {
  if (entry.session) entry.session->Close();
  entry.session.reset();
  entry.endpoint.reset();
  entry.tracker.Rebaseline();
}

bool SameTarget(const ApEntry& entry, const config::AccessPoint& cfg, const config::Auth& auth) {
  return entry.cfg.address == cfg.address && entry.auth && *entry.auth == auth &&
         entry.cfg.poll.timeout == cfg.poll.timeout && entry.cfg.poll.retries == cfg.poll.retries &&
         entry.cfg.controller == cfg.controller;
}

}  // namespace

void Fleet::ApplyControllers(const config::Config& cfg,
                             const std::map<std::string, ControllerShardRole>& roles,
                             std::vector<std::shared_ptr<ApEntry>>& added,
                             std::set<std::string>& moved) {
  std::unordered_map<std::string, std::shared_ptr<ApEntry>> old;
  for (auto& c : controllers_) old.emplace(c->cfg.name, c);
  std::vector<std::shared_ptr<ApEntry>> next;
  for (const auto& c : cfg.controllers) {
    config::AccessPoint as_ap;
    as_ap.name = c.name;
    as_ap.address = c.address;
    as_ap.auth = c.auth;
    as_ap.profile = c.profile;
    as_ap.poll = c.poll;
    const std::shared_ptr<const config::Auth> auth =
        shared_auths_.at(c.auth.empty() ? cfg.default_auth : c.auth);
    std::shared_ptr<ApEntry> entry;
    if (auto it = old.find(c.name); it != old.end()) {
      entry = it->second;
      old.erase(it);
      if (!SameTarget(*entry, as_ap, *auth)) {
        Reconnect(*entry);
        moved.insert(c.name);  // its APs' radio/VAP counters come from another device now
      }
    } else {
      entry = std::make_shared<ApEntry>();
      entry->is_controller = true;
      added.push_back(entry);
    }
    entry->cfg = as_ap;
    entry->auth = auth;
    entry->profile = FindProfile(c.profile);
    const auto role = roles.find(c.name);
    entry->shard_role = role == roles.end() ? ControllerShardRole{} : role->second;
    next.push_back(std::move(entry));
  }
  for (auto& [name, gone] : old) {
    gone->retired = true;
    if (gone->session) gone->session->Close();
    gone->session.reset();
  }
  controllers_ = std::move(next);
}

std::vector<std::shared_ptr<ApEntry>> Fleet::Apply(
    const config::Config& cfg, const std::map<std::string, ControllerShardRole>& roles) {
  ++applied_;
  RebuildUserProfiles(cfg.profiles);
  // One copy of each auth for all the APs that use it.
  shared_auths_.clear();
  for (const auto& [name, auth] : cfg.auths) {
    shared_auths_.emplace(name, std::make_shared<const config::Auth>(auth));
  }
  std::unordered_map<std::string, std::shared_ptr<ApEntry>> old;
  for (auto& ap : aps_) old.emplace(ap->cfg.name, ap);
  for (auto& [name, loc] : locations_) loc.active = false;

  std::vector<std::shared_ptr<ApEntry>> next, added;
  std::set<std::string> moved_controllers;
  ApplyControllers(cfg, roles, added, moved_controllers);
  for (const auto& loc : cfg.locations) {
    LocationAccount& account = locations_[loc.name];
    // The location's own fields only: copying `loc` whole and clearing access_points would keep
    // the vector's capacity (~230 bytes per AP of the location) allocated for nothing.
    account.meta.name = loc.name;
    account.meta.kind = loc.kind;
    account.meta.district = loc.district;
    account.meta.lat = loc.lat;
    account.meta.lon = loc.lon;
    account.active = true;
    for (const auto& ap_cfg : loc.access_points) {
      const std::string& auth_name = ap_cfg.auth.empty() ? cfg.default_auth : ap_cfg.auth;
      const auto auth_it = shared_auths_.find(auth_name);  // validated by the loader (direct APs)
      const std::shared_ptr<const config::Auth> auth =
          auth_it == shared_auths_.end() ? std::make_shared<const config::Auth>() : auth_it->second;
      std::shared_ptr<ApEntry> entry;
      if (auto it = old.find(ap_cfg.name); it != old.end()) {
        entry = it->second;
        old.erase(it);
        // Another device or other credentials: new session, same totals.
        if (!SameTarget(*entry, ap_cfg, *auth)) Reconnect(*entry);
        // Was behind a controller, now polled directly: the scheduler must learn of it.
        if (!entry->Pollable() && ap_cfg.controller.empty()) added.push_back(entry);
      } else {
        entry = std::make_shared<ApEntry>();
        if (ap_cfg.controller.empty()) added.push_back(entry);
      }
      const bool keep_detected = entry->cfg.profile == "auto" && ap_cfg.profile == "auto" &&
                                 entry->cfg.address == ap_cfg.address;
      if (moved_controllers.contains(ap_cfg.controller)) entry->tracker.Rebaseline();
      entry->cfg = ap_cfg;
      entry->auth = auth;
      entry->location = loc.name;
      if (!keep_detected) {
        entry->profile = FindProfile(ap_cfg.profile);
        entry->detect.clear();
      }
      next.push_back(std::move(entry));
    }
  }
  for (auto& [name, gone] : old) {
    gone->retired = true;
    if (gone->session) gone->session->Close();
    gone->session.reset();
  }
  aps_ = std::move(next);
  pollables_.clear();
  for (const auto& ap : aps_) {
    if (ap->Pollable()) pollables_.push_back(ap);
  }
  pollables_.insert(pollables_.end(), controllers_.begin(), controllers_.end());
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

}  // namespace surfzone::core
