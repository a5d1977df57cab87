#pragma once
/// Accumulates how long a location spent up, degraded and down.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace surfzone::state {

/// Availability of a location: all APs up, some up, none up.
enum class LocationStatus : std::uint8_t { kUp = 0, kDegraded = 1, kDown = 2 };

inline constexpr std::array<LocationStatus, 3> kAllLocationStatuses = {
    LocationStatus::kUp, LocationStatus::kDegraded, LocationStatus::kDown};

/// "up", "degraded", "down": the `state` label values.
const char* ToString(LocationStatus status);

/// Status for `aps_up` of `aps_total` APs; empty when the location has no APs. `aps_up` is
/// clamped to [0, aps_total].
std::optional<LocationStatus> StatusOf(int aps_total, int aps_up);

/// State-seconds accumulator for one location. A value type: copy it to carry it across reloads.
///
/// Each Observe() adds the time since the previous observation to the status that held during it
/// (the previous status), then records the new status, so the three totals always add up to the
/// observed time during which the location had APs. A location with zero APs has no status and
/// accumulates nothing. A clock that went backwards adds nothing and re-anchors at the new time.
class LocationState {
 public:
  void Observe(double now_seconds, int aps_total, int aps_up);

  /// Seconds accumulated in `status`.
  double seconds(LocationStatus status) const { return seconds_[static_cast<std::size_t>(status)]; }
  /// Status since the last observation; empty before the first or when the location has no APs.
  std::optional<LocationStatus> current() const { return current_; }
  /// Time of the last observation, if any.
  std::optional<double> last_observed_seconds() const { return last_seconds_; }

 private:
  std::array<double, 3> seconds_{};
  std::optional<LocationStatus> current_;
  std::optional<double> last_seconds_;
};

}  // namespace surfzone::state
