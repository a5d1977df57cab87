#pragma once
/// Polling schedule for an AP that stopped answering.

#include <chrono>

namespace surfzone::state {

using Duration = std::chrono::milliseconds;

/// First retry delay: max(timeout, interval / 16), at least 1 ms.
///
/// Why this base: a down AP should be re-probed soon (so recovery shows within seconds, not a
/// whole interval), but cheaply. Never below `timeout`: a dead AP costs at most one request per
/// timeout period. Never below interval/16: the doubling reaches the interval after at most
/// 5 failures (2^4 = 16), so a mass outage (a district losing power, thousands of APs) adds a
/// bounded number of extra polls per AP before everything is back on the normal cadence.
Duration BackoffBase(Duration interval, Duration timeout);

/// Delay before the next poll, counted from the end of the last one. After n >= 1 consecutive
/// failures: min(interval, base * 2^(n-1)); with n <= 0 (last poll succeeded): interval.
/// Never exceeds `interval`.
Duration NextPollDelay(Duration interval, Duration timeout, int consecutive_failures);

/// Consecutive-failure count of one AP. A value type.
struct Backoff {
  int consecutive_failures = 0;

  void RecordSuccess() { consecutive_failures = 0; }
  void RecordFailure() {
    if (consecutive_failures < kMaxCount) ++consecutive_failures;
  }
  Duration NextDelay(Duration interval, Duration timeout) const {
    return NextPollDelay(interval, timeout, consecutive_failures);
  }

  /// The count saturates here; long past the point where the delay equals the interval.
  static constexpr int kMaxCount = 1 << 20;
};

}  // namespace surfzone::state
