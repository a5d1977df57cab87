#pragma once
/// Decides whether an SNMP agent rebooted between two successful polls, and when it booted.

#include <cstdint>
#include <optional>

namespace surfzone::state {

/// What one successful poll read from the agent's clocks.
struct UptimeObservation {
  double poll_time_seconds = 0;                      ///< Wall clock of the poll, unix seconds.
  std::uint32_t sys_uptime_ticks = 0;                ///< sysUpTime.0, hundredths of a second.
  std::optional<std::uint32_t> engine_boots;         ///< snmpEngineBoots.0, if read.
  std::optional<std::uint32_t> engine_time_seconds;  ///< snmpEngineTime.0, if read.
};

/// Which evidence decided the last observation.
enum class RebootReason : std::uint8_t {
  kNone,         ///< No reboot.
  kEngineBoots,  ///< snmpEngineBoots increased.
  kEngineTime,   ///< snmpEngineTime went backwards with the same snmpEngineBoots.
  kSysUpTime,    ///< sysUpTime went backwards and the 2^32 wrap does not explain it.
};

/// Reboot detector for one agent. A value type: copy it to carry state across config reloads.
///
/// Rules, comparing each observation with the previous one:
///  1. snmpEngineBoots present in both and increased -> reboot.
///  2. snmpEngineTime present in both: went backwards -> reboot; otherwise no reboot. The engine
///     clock is authoritative when present (sysUpTime is not consulted), because it does not wrap
///     and some agents get TimeTicks wrong.
///  3. Otherwise sysUpTime: not going backwards -> no reboot; going backwards -> no reboot when
///     the 2^32 wrap explains it, i.e. (previous + elapsed wall time) mod 2^32 is within
///     max(elapsed * 0.1, 5 s) of the new value; otherwise reboot.
/// The first observation is never a reboot. A wall clock that went backwards counts as 0 elapsed.
///
/// Boot time = poll time - uptime, where uptime is snmpEngineTime when present, else sysUpTime
/// unwrapped with the number of wraps seen since the last reboot (wraps before the first
/// observation cannot be known and are assumed 0). The estimate moves by the poll's latency and
/// the one-second resolution of snmpEngineTime, so the published value only changes after a reboot
/// or when the estimate drifts by more than kBootTimeJitterSeconds; the gauge then does not flap.
class RebootDetector {
 public:
  static constexpr double kMinWrapToleranceSeconds = 5.0;
  static constexpr double kWrapToleranceFraction = 0.1;
  static constexpr double kBootTimeJitterSeconds = 2.0;

  /// Accounts one successful poll. Returns true when the agent rebooted since the previous one.
  bool Observe(const UptimeObservation& observation);

  /// Device boot time in unix seconds; empty before the first observation.
  std::optional<double> boot_time_seconds() const { return boot_time_seconds_; }
  /// Reboots detected so far (the first observation does not count).
  std::uint64_t reboots() const { return reboots_; }
  /// What decided the last observation.
  RebootReason last_reason() const { return last_reason_; }
  /// sysUpTime wraps seen since the last reboot (or the first observation).
  std::uint32_t uptime_wraps() const { return uptime_wraps_; }
  /// The previous observation, if any.
  const std::optional<UptimeObservation>& previous() const { return previous_; }

 private:
  RebootReason Classify(const UptimeObservation& now, bool* wrapped) const;

  std::optional<UptimeObservation> previous_;
  std::optional<double> boot_time_seconds_;
  std::uint64_t reboots_ = 0;
  std::uint32_t uptime_wraps_ = 0;
  RebootReason last_reason_ = RebootReason::kNone;
};

/// Lower-case name of a reason ("none", "engine_boots", ...), for logs.
const char* ToString(RebootReason reason);

}  // namespace surfzone::state
