#pragma once
/// Turns raw SNMP counter readings (Counter32/Counter64) into a monotonic total built from deltas.

#include <cstdint>
#include <optional>

namespace surfzone::state {

/// Width of the SNMP counter a reading came from.
enum class CounterWidth : std::uint8_t { k32 = 32, k64 = 64 };

/// How the last reading was accounted, for diagnostics and tests.
enum class CounterEvent : std::uint8_t {
  kNone,         ///< No reading yet.
  kBaseline,     ///< First reading (or first after Reset() / a width change): added 0.
  kIncrease,     ///< raw >= previous: added the difference.
  kWrap,         ///< 32-bit counter wrapped: added raw + 2^32 - previous.
  kReset,        ///< Counter went backwards and is not a plausible wrap: added raw.
  kRestart,      ///< The device restarted: the counter started again from 0, added raw.
  kImplausible,  ///< The delta would exceed max_delta even as a reset: re-baselined, added 0.
};

/// Monotonic accumulator for one SNMP counter. A value type: copy it to carry state across
/// config reloads.
///
/// Contract of Update():
///  - first reading: baseline, adds 0;
///  - `device_restarted`: the counter restarted from 0, adds raw;
///  - raw >= previous: adds raw - previous;
///  - raw < previous, 32-bit: wrap, adds raw + 2^32 - previous, unless that exceeds max_delta,
///    in which case it is a reset and adds raw;
///  - raw < previous, 64-bit: reset, adds raw.
/// With `max_delta` > 0 (e.g. link speed x elapsed time), no single reading ever adds more than
/// max_delta: a delta that is still too large after the rules above re-baselines and adds 0
/// (kImplausible), so a glitch, a swapped device or an agent-only restart never produces a spike.
/// A raw value wider than the counter width is truncated to it. A reading whose width differs from
/// the previous one re-baselines (see Reset()). total() never decreases (it saturates at 2^64-1).
class CounterTracker {
 public:
  /// Accounts one reading and returns the delta added to total().
  std::uint64_t Update(std::uint64_t raw, CounterWidth width, bool device_restarted,
                       std::uint64_t max_delta = 0);

  /// Forgets the previous raw value (not the total): the next Update() is a baseline that adds 0.
  /// Use when the counter source changes, e.g. switching from ifInOctets to ifHCInOctets.
  void Reset();

  /// Sum of all deltas so far.
  std::uint64_t total() const { return total_; }
  /// Delta added by the last Update() (0 before the first).
  std::uint64_t last_delta() const { return last_delta_; }
  /// How the last Update() was accounted.
  CounterEvent last_event() const { return last_event_; }
  /// The raw value the next reading is compared with; empty before a baseline or after Reset().
  std::optional<std::uint64_t> previous_raw() const {
    return has_previous_ ? std::optional<std::uint64_t>(previous_raw_) : std::nullopt;
  }
  /// Width of the previous reading (meaningful only when previous_raw() has a value).
  CounterWidth previous_width() const { return previous_width_; }

  friend bool operator==(const CounterTracker&, const CounterTracker&) = default;

 private:
  std::uint64_t total_ = 0;
  std::uint64_t last_delta_ = 0;
  std::uint64_t previous_raw_ = 0;
  bool has_previous_ = false;
  CounterWidth previous_width_ = CounterWidth::k64;
  CounterEvent last_event_ = CounterEvent::kNone;
};

/// Lower-case name of an event ("baseline", "wrap", ...), for logs.
const char* ToString(CounterEvent event);

}  // namespace surfzone::state
