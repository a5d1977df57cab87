#pragma once
/// The fleet: every configured AP with its accumulated state, and every location's accounts.
/// Owned by the poll thread. Reloading merges a new config in: APs that stay (matched by name)
/// keep their counters, removed ones are retired, locations keep their monotonic totals.

#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/config.hpp"
#include "surfzone/core/ap_tracker.hpp"
#include "surfzone/core/shard.hpp"
#include "surfzone/snmp/client.hpp"
#include "surfzone/state/location_state.hpp"
#include "surfzone/state/snapshot.hpp"

namespace surfzone::core {

using Clock = std::chrono::steady_clock;

struct LocationAccount {
  config::Location meta;  // access_points left empty
  state::LocationState state;
  std::uint64_t rx_bytes = 0, tx_bytes = 0;
  int configured = 0, known = 0, up = 0;  // APs in the config / with a known state / up
  bool active = true;  // false once removed from the config (totals kept for a comeback)
  mutable std::size_t snapshot_index = 0;  // its entry in the snapshot being built (if active)
};

/// A reported AP that no location places (exported under location "unassigned").
struct UnassignedAp {
  collectors::ManagedAp row;
  WifiFacts wifi;
};

/// What the last poll of a controller said, beyond its own up/down (in its tracker).
struct ControllerView {
  int aps_up = 0, aps_down = 0;
  std::optional<std::uint64_t> clients;
  std::vector<UnassignedAp> unassigned;
};

/// An AP's text as last published, shared by every snapshot that shows it (see SharedString);
/// refreshed by Fleet::BuildSnapshot only when a value changes.
/// One polled device: a directly polled AP or a controller; or an AP reported by a controller
/// (`cfg.controller` set: never polled itself).
struct ApEntry {
  config::AccessPoint cfg;  // for a controller: its name, address, auth, profile and poll
  std::shared_ptr<const config::Auth> auth;  // one per auth of the config, shared by its APs
  std::string location;                      // "" for a controller
  bool is_controller = false;
  std::shared_ptr<const collectors::Profile> profile;  // null until `profile: auto` detected it
  std::string detect;  // `profile: auto`: how it was detected (DetectExplanation::how), else ""
  ControllerView controller_view;  // controllers only
  ControllerShardRole shard_role;  // controllers only (see shard.hpp)
  ApTracker tracker;
  std::shared_ptr<snmp::Client> session;  // shared: an in-flight poll keeps it alive
  std::optional<boost::asio::ip::udp::endpoint> endpoint;
  bool retired = false;  // removed from the config; an in-flight poll discards its result
  bool polling = false;
  std::uint64_t cycle_seen = 0;
  Clock::time_point due{};
  /// Polled by the scheduler (direct APs and controllers; not APs behind a controller).
  bool Pollable() const { return cfg.controller.empty(); }
};

class Fleet {
 public:
  /// Merges `cfg` in; returns pollable entries (APs, controllers) that are new to the scheduler.
  /// `roles`: what this shard does with each controller (FilterShard); absent: home, no
  /// foreign APs.
  std::vector<std::shared_ptr<ApEntry>> Apply(
      const config::Config& cfg, const std::map<std::string, ControllerShardRole>& roles = {});

  /// Configured access points (direct and behind controllers).
  const std::vector<std::shared_ptr<ApEntry>>& aps() const { return aps_; }
  const std::vector<std::shared_ptr<ApEntry>>& controllers() const { return controllers_; }
  /// What the scheduler polls: direct APs and controllers.
  const std::vector<std::shared_ptr<ApEntry>>& pollables() const { return pollables_; }
  LocationAccount* FindLocation(const std::string& name);
  /// A user-defined or built-in profile; null for unknown names and "auto".
  std::shared_ptr<const collectors::Profile> FindProfile(const std::string& name);
  /// User-defined then built-in specs, for `profile: auto` detection.
  std::vector<config::ProfileSpec> AllProfileSpecs() const;

  /// A successful controller poll: updates the controller, every AP it manages (matched by
  /// name or `mac:`; missing or status down: down) and its unassigned APs. Defined in
  /// controller_sync.cpp.
  void ApplyControllerSample(ApEntry& controller, const collectors::ApSample& sample,
                             double duration, double now);
  /// A failed controller poll: the controller is down, its APs' state unknown.
  void ApplyControllerFailure(ApEntry& controller, double poll_time, double duration, double now);

  /// After a poll of `ap` whose up-state was `before`: adds its traffic delta to its location
  /// and re-evaluates the location state. O(1).
  void RecordPoll(const ApEntry& ap, std::optional<bool> before, TrafficDelta delta, double now);
  /// Advances every active location's state clock to `now`.
  void ObserveLocations(double now);
  state::Snapshot BuildSnapshot() const;
  /// The same into an existing snapshot, reusing its storage (every field is overwritten).
  void BuildSnapshot(state::Snapshot& into) const;

 private:
  void RecountLocations();
  void RebuildUserProfiles(const std::vector<config::ProfileSpec>& specs);
  /// Merges `controllers:`; names of controllers that now point elsewhere go to `moved`.
  void ApplyControllers(const config::Config& cfg,
                        const std::map<std::string, ControllerShardRole>& roles,
                        std::vector<std::shared_ptr<ApEntry>>& added, std::set<std::string>& moved);
  void AddSnapshotWifi(state::Snapshot& snap) const;
  std::vector<std::shared_ptr<ApEntry>> aps_, controllers_, pollables_;
  std::vector<config::ProfileSpec> user_specs_;
  std::map<std::string, std::shared_ptr<const config::Auth>> shared_auths_;  // of the last Apply
  mutable state::SharedStringPool text_pool_;  // the snapshots' AP text (BuildSnapshot)
  std::map<std::string, LocationAccount> locations_;
  std::map<std::string, std::shared_ptr<const collectors::Profile>> profiles_;
  std::uint64_t applied_ = 0;  // Apply() calls: config-derived snapshot text can only change then
};

}  // namespace surfzone::core
