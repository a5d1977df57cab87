#pragma once
/// The faults of one simulated AP, in integer sim milliseconds (unix ms).
///
/// Kinds and their effects:
/// - reboot at T (boot time d >= 0): counters and uptime reset at T, engineBoots + 1; the AP is
///   down (silent, no clients, no traffic) during [T, T + d);
/// - down [a, b): silent, no clients, no traffic; counters keep their values;
/// - slow [a, b): answers correctly after a delay;
/// - garbage [a, b) / wrong_request_id [a, b): the SNMP agent misbehaves; the radios still carry
///   clients and traffic.
/// Overlaps resolve by severity: silent > garbage > wrong_request_id > slow > normal.

#include <chrono>
#include <cstdint>
#include <vector>

#include "surfzone/sim/agent.hpp"

namespace surfzone::sim {

/// Half-open interval [start_ms, end_ms) of unix milliseconds.
struct IntervalMs {
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;
  friend bool operator==(const IntervalMs&, const IntervalMs&) = default;
};

enum class FaultKind { kReboot, kDown, kSlow, kGarbage, kWrongRequestId };

/// "reboot", "down", "slow", "garbage", "wrong_request_id".
const char* ToString(FaultKind kind);

struct Fault {
  FaultKind kind = FaultKind::kDown;
  std::int64_t start_ms = 0;
  std::int64_t end_ms = 0;             // reboot: end of the boot (== start for an instant reboot)
  std::chrono::milliseconds delay{0};  // slow only
};

class FaultSchedule {
 public:
  /// Adds a fault; intervals with end < start are clamped to empty.
  void Add(const Fault& fault);

  /// How requests are treated at `t_ms`.
  Behaviour BehaviourAt(std::int64_t t_ms) const;
  /// Delay of the slow fault active at `t_ms` (the longest if several), else 0.
  std::chrono::milliseconds SlowDelayAt(std::int64_t t_ms) const;
  /// True inside a down interval or a reboot's boot time: no service, no clients, no traffic.
  bool IsDown(std::int64_t t_ms) const;
  /// Milliseconds of [a, b) that are not down.
  std::int64_t ActiveMs(std::int64_t a, std::int64_t b) const;

  /// Sorted reboot instants.
  const std::vector<std::int64_t>& reboots() const { return reboots_; }
  /// Down time (down faults and boot times), sorted and merged.
  const std::vector<IntervalMs>& down() const { return down_; }
  /// Times the AP gives no valid SNMP answer (down, garbage, wrong_request_id), sorted, merged.
  std::vector<IntervalMs> Unanswered() const;
  const std::vector<Fault>& faults() const { return faults_; }

 private:
  std::vector<Fault> faults_;
  std::vector<std::int64_t> reboots_;
  std::vector<IntervalMs> down_;
};

/// Sorts and merges overlapping or touching intervals; drops empty ones.
std::vector<IntervalMs> MergeIntervals(std::vector<IntervalMs> intervals);

}  // namespace surfzone::sim
