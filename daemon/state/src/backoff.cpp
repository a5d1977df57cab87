#include "surfzone/state/backoff.hpp"

#include <algorithm>

namespace surfzone::state {

Duration BackoffBase(Duration interval, Duration timeout) {
  // The 1 ms floor keeps a misconfigured zero timeout and tiny interval from busy-looping.
  return std::max({timeout, interval / 16, Duration(1)});
}

Duration NextPollDelay(Duration interval, Duration timeout, int consecutive_failures) {
  if (consecutive_failures <= 0) return interval;
  Duration delay = BackoffBase(interval, timeout);
  // Double step by step rather than shifting, so a large count cannot overflow.
  for (int i = 1; i < consecutive_failures && delay < interval; ++i) delay *= 2;
  return std::min(delay, interval);
}

}  // namespace surfzone::state
