#pragma once
/// Ground truth of a simulated fleet, in the daemon's terms, and its JSON form.
///
/// Definitions (they mirror surfzoned's metrics contract):
/// - traffic bytes: see ap_model.hpp (radio bytes since sim start, never reset);
/// - an AP is "up" at t unless t lies in one of its UnansweredIntervals() (down, rebooting,
///   garbage or wrong request-id; a slow AP counts as up);
/// - a controller-managed AP is "up" at t while its controller answers and reports it up: not in
///   the AP's DownIntervals() (down or booting) and not in the controller's own
///   UnansweredIntervals(); its `unanswered` list is the merge of those two (while the
///   controller is silent no poller can know the AP);
/// - a location is "up" while all its APs are up, "down" while none is, "degraded" otherwise.
/// - clients: what a poll at `at` sees, i.e. ApModel::ClientsAt(at) (constant within a simulated
///   minute, 0 while down or booting) for direct and managed APs alike; a location's clients
///   (total, per radio, per SSID) are the sums over its APs; a controller's clients are the sum
///   over the APs it manages (= over the APs it reports; down ones have 0).
///   Radio 0 is the 2.4 GHz band ("2.4GHz"), radio 1 the 5 GHz band ("5GHz").

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
  /// Likewise for the UniFi VAP byte counters (unifiVapRxBytes/unifiVapTxBytes, Counter32);
  /// -1 if not computed or the AP has no VAP table.
  int vap_counter32_wraps = -1;
};

struct ApTruth {
  std::string name;
  std::string location;
  std::string host;        // where its data is served (its controller's agent if managed)
  std::uint16_t port = 0;  // likewise
  std::string controller;  // empty: polled directly
  std::string mac;         // managed APs: the MAC the controller indexes it by ("70:f0:96:..")
  bool reported = true;    // managed APs: in the controller's AP tables now
  bool up = true;          // answering now
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

struct ControllerTruth {
  std::string name;
  std::string vendor;  // "cisco-wlc" / "aruba-instant"
  std::string host;
  std::uint16_t port = 0;
  bool up = true;                         // answering now
  std::vector<std::string> aps;           // every AP it manages (fleet order)
  std::vector<std::string> aps_reported;  // in its AP tables now
  int aps_up = 0;                         // managed APs up now
  int clients = 0;                        // sum over its APs
  std::vector<int> ssid_clients;          // per SSID (fleet order), summed over its APs
  std::vector<IntervalMs> unanswered;     // its own agent's
};

struct FleetTruth {
  std::vector<std::string> ssids;  // SSID names; "ssid" arrays follow this order
  std::vector<ControllerTruth> controllers;
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

/// JSON object: {"sim_start","from","at","ssids":[names],"aps":[...],"locations":[...],
/// "controllers":[...]}; times in unix seconds, intervals as [start, end) pairs of unix seconds,
/// bytes as integers. Clients appear as
///   "clients": {"total": 7, "radio_2g4": 2, "radio_5g": 5, "ssid": [6, 1],
///               "radios": [{"radio": 0, "band": "2.4GHz", "clients": 2},
///                          {"radio": 1, "band": "5GHz", "clients": 5}],
///               "ssids": {"Helsingborg": 6, "eduroam": 1}}
/// on every AP and location; APs also carry "controller" (null if direct), "mac" and "reported"
/// for managed APs; controllers carry name, vendor, host, port, up, aps, aps_reported, aps_up,
/// clients, ssid_clients {name: n} and unanswered.
std::string ToJson(const FleetTruth& truth);

/// The clients-only view (GET /truth/clients?format=json): {"at", "ssids", "aps": [{name,
/// location, controller, up, clients}], "locations": [{name, kind, clients}], "controllers":
/// [{name, vendor, up, aps_reported, clients, ssid_clients}]}.
std::string ToClientsJson(const FleetTruth& truth);

}  // namespace surfzone::sim
