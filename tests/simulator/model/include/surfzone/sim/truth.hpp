#pragma once
/// Ground truth of a simulated fleet, in the daemon's terms, and its JSON form.
///
/// Definitions (they mirror surfzoned's metrics contract):
/// - traffic bytes: see ap_model.hpp (radio bytes since sim start, never reset);
/// - an AP is "up" at t unless t lies in one of its UnansweredIntervals() (down, rebooting,
///   garbage or wrong request-id; a slow AP counts as up);
/// - a location is "up" while all its APs are up, "down" while none is, "degraded" otherwise.

#include <optional>
#include <string>
#include <vector>

#include "surfzone/sim/sim_fleet.hpp"

namespace surfzone::sim {

struct StateSeconds {
  double up = 0;
  double degraded = 0;
  double down = 0;
};

/// Seconds of [from, to) a location spends in each state, given each AP's unanswered intervals
/// (each list sorted and merged, as UnansweredIntervals() returns them).
StateSeconds LocationStateSeconds(const std::vector<std::vector<IntervalMs>>& ap_unanswered,
                                  double from, double to);

/// What one AP's SNMP front end answered: the sim times of its first and last correct answer
/// (see AgentCounters) and the truth carried in between.
struct AnsweredWindow {
  double first_at = 0;
  double last_at = 0;
  ByteTotals bytes;  // BytesAt(last_at) - BytesAt(first_at)
  /// Wraps of the AP's radio Counter32 columns (ifInOctets/ifOutOctets of ifIndex 3 and 4, reboot
  /// resets excluded) in [first_at, last_at]; -1 if not computed.
  int counter32_wraps = -1;
};

struct ApTruth {
  std::string name;
  std::string location;
  std::uint16_t port = 0;
  bool up = true;  // answering now
  ByteTotals bytes;
  ClientCounts clients;
  int reboots = 0;
  std::int64_t engine_boots = 0;
  double boot_time = 0;
  std::vector<IntervalMs> down;            // no service, no traffic
  std::vector<IntervalMs> unanswered;      // down + garbage + wrong_request_id
  std::optional<AnsweredWindow> answered;  // set by AddAnsweredWindow
};

struct LocationTruth {
  std::string name;
  std::string kind;
  std::string district;
  int aps = 0;
  int aps_up = 0;
  ByteTotals bytes;
  ClientCounts clients;                 // summed over the location's APs
  StateSeconds state;                   // over [from, at)
  ByteTotals bytes_since_first_answer;  // sum of its APs' AnsweredWindow::bytes
};

struct FleetTruth {
  double sim_start = 0;
  double from = 0;  // start of the state-seconds window
  double at = 0;    // the time of the snapshot
  std::vector<ApTruth> aps;
  std::vector<LocationTruth> locations;
};

/// Truth at `at` (calls AdvanceAll(at) first), with location state seconds over [from, at).
FleetTruth CollectTruth(SimFleet& fleet, double from, double at);

/// Sets truth.aps[ap].answered to [first_at, last_at] with the bytes carried in between
/// (ApModel::BytesAt) and adds those bytes to the AP's location.
void AddAnsweredWindow(FleetTruth& truth, const SimFleet& fleet, std::size_t ap, double first_at,
                       double last_at);

/// JSON object: {"sim_start","from","at","aps":[...],"locations":[...]}; times in unix seconds,
/// intervals as [start, end) pairs of unix seconds, bytes as integers.
std::string ToJson(const FleetTruth& truth);

}  // namespace surfzone::sim
