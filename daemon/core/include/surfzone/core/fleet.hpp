#pragma once
/// The fleet: every configured AP with its accumulated state, and every location's accounts.
/// Owned by the poll thread. Reloading merges a new config in: APs that stay (matched by name)
/// keep their counters, removed ones are retired, locations keep their monotonic totals.

#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/config.hpp"
#include "surfzone/core/ap_tracker.hpp"
#include "surfzone/snmp/session.hpp"
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
};

struct ApEntry {
  config::AccessPoint cfg;
  config::Auth auth;
  std::string location;
  const collectors::Profile* profile = nullptr;
  ApTracker tracker;
  std::shared_ptr<snmp::Session> session;  // shared: an in-flight poll keeps it alive
  std::optional<boost::asio::ip::udp::endpoint> endpoint;
  bool retired = false;  // removed from the config; an in-flight poll discards its result
  bool polling = false;
  std::uint64_t cycle_seen = 0;
  Clock::time_point due{};
};

class Fleet {
 public:
  /// Merges `cfg` in; returns APs that are new (to be scheduled).
  std::vector<std::shared_ptr<ApEntry>> Apply(const config::Config& cfg);

  const std::vector<std::shared_ptr<ApEntry>>& aps() const { return aps_; }
  LocationAccount* FindLocation(const std::string& name);
  const collectors::Profile* FindProfile(const std::string& name);

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
  std::vector<std::shared_ptr<ApEntry>> aps_;
  std::map<std::string, LocationAccount> locations_;
  std::map<std::string, std::unique_ptr<collectors::Profile>> profiles_;
};

}  // namespace surfzone::core
