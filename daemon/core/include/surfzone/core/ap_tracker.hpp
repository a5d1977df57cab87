#pragma once
/// Everything the daemon accumulates about one access point across polls: reboot detection,
/// per-interface counter trackers, monotonic traffic totals, up/down and poll bookkeeping.
/// Pure (no I/O): fed one ApSample or one failure at a time. Survives config reloads.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "surfzone/collectors/ap_sample.hpp"
#include "surfzone/collectors/wifi_summary.hpp"
#include "surfzone/state/backoff.hpp"
#include "surfzone/state/counter_tracker.hpp"
#include "surfzone/state/reboot_detector.hpp"

namespace surfzone::core {

struct TrafficDelta {
  std::uint64_t rx = 0, tx = 0;
};

/// What the Wi-Fi profile said about this AP in its last good poll.
struct WifiFacts {
  collectors::ApClients clients;
  std::string model, firmware, serial, mac;
};

class ApTracker {
 public:
  /// A successful poll. Returns the bytes it added to the AP's totals (for its location).
  /// Traffic comes from the interfaces that carry Wi-Fi traffic plus sample.wifi_traffic.
  TrafficDelta ApplySample(const collectors::ApSample& sample, const std::string& traffic_source,
                           double poll_duration_seconds, WifiFacts wifi = {});
  /// A failed poll (timeout, error): the AP is down until the next success.
  void ApplyFailure(double poll_time_seconds, double poll_duration_seconds);
  /// Its controller could not be asked: the AP's state is unknown (neither up nor down).
  void MarkUnknown();
  /// The AP's address or credentials changed: keep totals, re-baseline the raw counters.
  void Rebaseline();

  std::optional<bool> up() const { return up_; }
  std::uint64_t rx_bytes() const { return rx_total_; }
  std::uint64_t tx_bytes() const { return tx_total_; }
  std::uint64_t reboots() const { return reboot_.reboots(); }
  std::optional<double> boot_time_seconds() const { return reboot_.boot_time_seconds(); }
  std::optional<double> last_poll() const { return last_poll_; }
  std::optional<double> last_success() const { return last_success_; }
  std::optional<double> poll_duration() const { return poll_duration_; }
  std::uint64_t polls() const { return polls_; }
  std::uint64_t failures() const { return failures_; }
  const collectors::SystemInfo& system() const { return system_; }
  const std::string& traffic_source() const { return traffic_source_; }
  const state::Backoff& backoff() const { return backoff_; }
  const WifiFacts& wifi() const { return wifi_; }
  /// Changes whenever anything above does (ApplySample, ApplyFailure, MarkUnknown, Rebaseline):
  /// unique across all trackers, so equal marks mean "nothing changed since" (the snapshot
  /// builder copies only the APs whose mark moved).
  std::uint64_t change_mark() const { return change_mark_; }
  /// Like change_mark(), for the AP's text alone (system group strings, traffic source, Wi-Fi
  /// identity), which polls seldom change: moves only when one of them does.
  std::uint64_t facts_mark() const { return facts_mark_; }

 private:
  struct InterfaceCounters {
    state::CounterTracker in, out;
  };
  state::RebootDetector reboot_;
  // A handful of rows per AP: flat vectors searched linearly (a std::map node per row cost
  // ~9 MB at 20,000 UniFi APs).
  template <typename Key>
  using CounterRows = std::vector<std::pair<Key, InterfaceCounters>>;
  /// The row for `key`, appended if new; `inserted` tells which.
  template <typename Key, typename K>
  static InterfaceCounters& Row(CounterRows<Key>& rows, const K& key, std::size_t expected,
                                bool& inserted);
  CounterRows<std::uint32_t> interfaces_;
  CounterRows<std::string> wifi_counters_;  // radio/VAP counters by row key
  WifiFacts wifi_;
  std::uint64_t rx_total_ = 0, tx_total_ = 0;
  std::optional<bool> up_;
  std::optional<double> last_poll_, last_success_, poll_duration_;
  std::uint64_t polls_ = 0, failures_ = 0;
  collectors::SystemInfo system_;
  std::string traffic_source_ = "none";
  state::Backoff backoff_;
  std::uint64_t change_mark_ = NextChangeMark();
  std::uint64_t facts_mark_ = NextChangeMark();

  static std::uint64_t NextChangeMark();
};

}  // namespace surfzone::core
