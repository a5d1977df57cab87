#pragma once
/// One simulated access point: an sim::Agent whose MIB is computed from a deterministic model
/// (seeded by the AP's name) plus scheduled and injected faults.
///
/// TRAFFIC TRUTH DEFINITION. The AP's traffic is what its radios carry: rx = bytes received from
/// clients, tx = bytes sent to them, summed over all VAPs (= both radios). In the IF-MIB, wifi0
/// (ifIndex 3, 2.4 GHz) and wifi1 (ifIndex 4, 5 GHz) carry exactly their radio's bytes, and lo
/// (1) and eth0 (2) stay at 0. So every reasonable way to count gives the same number:
///   truth rx = sum of ifInOctets/ifHCInOctets over ifIndex 2..4 (the daemon's generic profile,
///   which sums all non-loopback interfaces) = over ifIndex 3..4 (type 71 only)
///   = sum of unifiVapRxBytes; tx likewise with the out/tx columns.
/// Truth counts bytes carried since sim start and never resets. Counters show
/// pre-start offset (seeded, as if the AP had been up for a while; 0 after the first reboot)
/// + bytes since the last boot; Counter32 columns show that mod 2^32. Therefore, for a daemon
/// that baselines at poll p0 and polls at p1..pn without missing a reboot window:
///   daemon total = BytesAt(pn) - BytesAt(p0) - sum over reboots T of
///                  (BytesAt(T) - BytesAt(last poll before T)),
/// i.e. the bytes carried between the last pre-reboot poll and the reboot are invisible to any
/// poller. With no reboots it is exactly BytesAt(pn) - BytesAt(p0).
///
/// Times: sim seconds (unix, double) at the API, integer milliseconds inside (floor).
/// Not thread-safe: the caller serializes all calls on one AP (e.g. one strand).

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/sim/agent.hpp"
#include "surfzone/sim/fault_schedule.hpp"
#include "surfzone/sim/mib_layout.hpp"
#include "surfzone/sim/traffic_model.hpp"

namespace surfzone::sim {

struct ApOptions {
  std::string name;      // sysName; also the seed
  std::string location;  // sysLocation
  LocationKind kind = LocationKind::kOther;
  Vendor vendor = Vendor::kUnifi;
  int counter_bits = 64;  // 32: no ifHCInOctets/ifHCOutOctets
  double capacity = 40;   // clients at full occupancy
  std::vector<std::string> ssids{"Helsingborg", "eduroam"};
  std::vector<double> ssid_weights;  // empty: 85 % first SSID, rest shared equally
  std::string community = "public";
  std::uint64_t fleet_seed = 0;  // mixed into the name's seed
  double sim_start = 0;          // unix seconds; truth counts from here
  /// true: the AP booted 1 h..40 d before sim start and its counters start at seeded offsets;
  /// false: booted exactly at sim start with zero counters.
  bool history_before_start = true;
};

class ApModel final : public Agent {
 public:
  /// Throws std::invalid_argument on bad options (no SSIDs, counter_bits not 32/64, ...).
  explicit ApModel(ApOptions options, FaultSchedule faults = {});
  ApModel(const ApModel&) = delete;
  ApModel& operator=(const ApModel&) = delete;

  // --- sim::Agent ---
  /// Moves the model forward; earlier times are ignored (sim time never goes back).
  void AdvanceTo(double sim_seconds) override;
  std::optional<snmp::Value> Get(const snmp::Oid& oid) const override;
  std::optional<snmp::Varbind> Next(const snmp::Oid& oid) const override;
  Behaviour behaviour() const override;
  std::chrono::milliseconds slow_delay() const override;
  const std::string& community() const override { return options_.community; }

  // --- live fault injection (times before the model's current time are moved to it) ---
  void InjectReboot(double at, double boot_seconds = 0);
  void InjectDown(double from, double to);
  /// kind: kSlow, kGarbage or kWrongRequestId (others throw std::invalid_argument).
  void InjectFault(FaultKind kind, double from, double to,
                   std::chrono::milliseconds delay = std::chrono::milliseconds(0));

  // --- ground truth ---
  const ApOptions& options() const { return options_; }
  const std::string& name() const { return options_.name; }
  /// Time of the last AdvanceTo (sim seconds).
  double now() const { return static_cast<double>(state_.t_ms) / 1000.0; }
  /// Bytes carried since sim start, at now().
  ByteTotals bytes() const { return state_.Total(); }
  /// Bytes of one radio (0 = 2.4 GHz, 1 = 5 GHz) since sim start, at now().
  ByteTotals RadioBytes(int radio) const;
  /// Cumulative truth at any time (0 before sim start). Cost O(minutes since the nearer of sim
  /// start and now()); monotonic in t. Faults injected later than the call are not known yet.
  ByteTotals BytesAt(double sim_seconds) const;
  ClientCounts clients() const { return clients_; }
  ClientCounts ClientsAt(double sim_seconds) const;
  /// Reboots that have happened up to now().
  int reboots() const { return reboots_; }
  std::int64_t engine_boots() const { return engine_boots_; }
  /// Unix seconds of the last boot.
  double boot_time() const { return static_cast<double>(boot_ms_) / 1000.0; }
  /// Down time (no service, no traffic), scheduled and injected, including the future.
  const std::vector<IntervalMs>& DownIntervals() const { return faults_.down(); }
  /// Times a correct SNMP answer is impossible (down, garbage, wrong_request_id): what a poller
  /// sees as "AP down".
  std::vector<IntervalMs> UnansweredIntervals() const { return faults_.Unanswered(); }
  const FaultSchedule& faults() const { return faults_; }
  const TrafficModel& traffic() const { return traffic_; }
  const MibLayout& layout() const { return *layout_; }
  /// The counter the AP shows for VAP `vap` at now() (pre-start offset + bytes since the last
  /// boot), before any mod 2^32.
  std::uint64_t VapCounter(int vap, bool rx) const;
  /// Sum of VapCounter over the VAPs of `radio` (0 = 2.4 GHz, 1 = 5 GHz) = ifIndex 3 / 4.
  std::uint64_t RadioCounter(int radio, bool rx) const { return InterfaceCounter(3 + radio, rx); }

 private:
  std::int64_t ClampToNow(double sim_seconds) const;
  void RefreshClients();
  snmp::Value ValueOf(const MibEntry& entry) const;
  std::uint64_t InterfaceCounter(int if_index, bool rx) const;

  ApOptions options_;
  std::uint64_t seed_;
  FaultSchedule faults_;
  TrafficModel traffic_;
  std::shared_ptr<const MibLayout> layout_;
  std::int64_t start_ms_;
  TrafficModel::State state_;
  std::vector<ByteTotals> base_;    // per VAP: truth at the last boot
  std::vector<ByteTotals> offset_;  // per VAP: counter value at sim start (0 after a reboot)
  ClientCounts clients_;
  std::int64_t clients_minute_ = INT64_MIN;
  bool clients_down_ = false;
  std::int64_t boot_ms_;
  std::int64_t engine_boots_;
  int reboots_ = 0;
  std::string sys_descr_;
  std::string model_;
  std::string version_;
};

}  // namespace surfzone::sim
