#include "surfzone/state/reboot_detector.hpp"

#include <algorithm>
#include <cmath>

namespace surfzone::state {
namespace {

constexpr double kTwoPow32 = 4294967296.0;
constexpr double kTicksPerSecond = 100.0;

}  // namespace

RebootReason RebootDetector::Classify(const UptimeObservation& now, bool* wrapped) const {
  *wrapped = false;
  const UptimeObservation& prev = *previous_;
  const bool sys_backwards = now.sys_uptime_ticks < prev.sys_uptime_ticks;
  const double elapsed = std::max(0.0, now.poll_time_seconds - prev.poll_time_seconds);
  const double tolerance_ticks =
      std::max(elapsed * kWrapToleranceFraction, kMinWrapToleranceSeconds) * kTicksPerSecond;
  // Distance on the 2^32 circle between where uptime should be and where it is.
  const double expected = std::fmod(prev.sys_uptime_ticks + elapsed * kTicksPerSecond, kTwoPow32);
  double distance = std::fabs(expected - now.sys_uptime_ticks);
  distance = std::min(distance, kTwoPow32 - distance);
  const bool wrap_explains = sys_backwards && distance <= tolerance_ticks;
  *wrapped = wrap_explains;

  if (prev.engine_boots && now.engine_boots && *now.engine_boots > *prev.engine_boots) {
    return RebootReason::kEngineBoots;
  }
  if (prev.engine_time_seconds && now.engine_time_seconds) {
    return *now.engine_time_seconds < *prev.engine_time_seconds ? RebootReason::kEngineTime
                                                                : RebootReason::kNone;
  }
  if (sys_backwards && !wrap_explains) return RebootReason::kSysUpTime;
  return RebootReason::kNone;
}

bool RebootDetector::Observe(const UptimeObservation& observation) {
  RebootReason reason = RebootReason::kNone;
  if (previous_) {
    bool wrapped = false;
    reason = Classify(observation, &wrapped);
    if (reason != RebootReason::kNone) {
      ++reboots_;
      uptime_wraps_ = 0;
    } else if (wrapped) {
      ++uptime_wraps_;
    } else if (observation.sys_uptime_ticks < previous_->sys_uptime_ticks) {
      // The engine clock vouched for continuity but sysUpTime restarted (e.g. the agent's own
      // uptime); the wrap count no longer applies to it.
      uptime_wraps_ = 0;
    }
  }
  last_reason_ = reason;

  const double uptime_seconds =
      observation.engine_time_seconds
          ? static_cast<double>(*observation.engine_time_seconds)
          : (uptime_wraps_ * kTwoPow32 + observation.sys_uptime_ticks) / kTicksPerSecond;
  const double estimate = observation.poll_time_seconds - uptime_seconds;
  if (!boot_time_seconds_ || reason != RebootReason::kNone ||
      std::fabs(estimate - *boot_time_seconds_) > kBootTimeJitterSeconds) {
    boot_time_seconds_ = estimate;
  }
  previous_ = observation;
  return reason != RebootReason::kNone;
}

const char* ToString(RebootReason reason) {
  switch (reason) {
    case RebootReason::kNone:
      return "none";
    case RebootReason::kEngineBoots:
      return "engine_boots";
    case RebootReason::kEngineTime:
      return "engine_time";
    case RebootReason::kSysUpTime:
      return "sys_uptime";
  }
  return "unknown";
}

}  // namespace surfzone::state
