#include "surfzone/state/location_state.hpp"

#include <algorithm>

namespace surfzone::state {

const char* ToString(LocationStatus status) {
  switch (status) {
    case LocationStatus::kUp:
      return "up";
    case LocationStatus::kDegraded:
      return "degraded";
    case LocationStatus::kDown:
      return "down";
  }
  return "unknown";
}

std::optional<LocationStatus> StatusOf(int aps_total, int aps_up) {
  if (aps_total <= 0) return std::nullopt;
  aps_up = std::clamp(aps_up, 0, aps_total);
  if (aps_up == aps_total) return LocationStatus::kUp;
  if (aps_up == 0) return LocationStatus::kDown;
  return LocationStatus::kDegraded;
}

void LocationState::Observe(double now_seconds, int aps_total, int aps_up) {
  if (last_seconds_ && current_ && now_seconds > *last_seconds_) {
    seconds_[static_cast<std::size_t>(*current_)] += now_seconds - *last_seconds_;
  }
  last_seconds_ = now_seconds;
  current_ = StatusOf(aps_total, aps_up);
}

}  // namespace surfzone::state
