#include "surfzone/sim/day_profile.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "surfzone/sim/local_time.hpp"

namespace surfzone::sim {
namespace {

// A smooth daily peak; hours wrap around midnight so late events spill into the next day.
double Bump(double hour, double center, double width) {
  double d = std::fabs(hour - center);
  d = std::min(d, 24.0 - d);
  return std::exp(-0.5 * (d / width) * (d / width));
}

// Smooth 0 -> 1 -> 0 plateau between `from` and `to` hours.
double Plateau(double hour, double from, double to) {
  const double rise = 1.0 / (1.0 + std::exp(-(hour - from) * 3.0));
  const double fall = 1.0 / (1.0 + std::exp((hour - to) * 3.0));
  return rise * fall;
}

double DailyShape(LocationKind kind, const LocalTime& t) {
  const double h = t.hour;
  const bool weekend = t.weekday >= 6;
  // Friday and Saturday evenings, including the hours after midnight of the next day.
  const bool event_night = (t.weekday == 5 || t.weekday == 6) && h >= 12;
  const bool event_after_midnight = (t.weekday == 6 || t.weekday == 7) && h < 4;
  switch (kind) {
    case LocationKind::kPark:
      if (weekend) return 0.03 + 0.95 * Bump(h, 15.0, 3.0);
      return 0.02 + 0.35 * Bump(h, 12.5, 1.5) + 0.6 * Bump(h, 17.0, 2.5);
    case LocationKind::kSquare:
      return (weekend ? 1.1 : 1.0) * (0.03 + 0.7 * Bump(h, 12.5, 1.6) + 0.6 * Bump(h, 19.0, 2.0));
    case LocationKind::kStreet:
      if (weekend) return 0.02 + 0.45 * Bump(h, 14.0, 3.0);
      return 0.02 + 0.85 * Bump(h, 8.0, 1.0) + 0.8 * Bump(h, 17.0, 1.2) + 0.3 * Bump(h, 12.5, 1.5);
    case LocationKind::kHarbour: {
      double v = 0.03 + 0.4 * Bump(h, 14.0, 3.0);
      if (event_night || event_after_midnight) v += 0.9 * Bump(h, 22.0, 2.0);
      return v;
    }
    case LocationKind::kBuilding:
      if (weekend) return 0.02 + 0.1 * Bump(h, 13.0, 3.0);
      return 0.02 + 0.85 * Plateau(h, 8.0, 17.0);
    case LocationKind::kOther:
      break;
  }
  return 0.05 + 0.4 * Bump(h, 14.0, 4.0);
}

}  // namespace

double SeasonalFactor(LocationKind kind, int day_of_year) {
  // 1 in mid-July (day 196), 0 in mid-January.
  const double summer = 0.5 + 0.5 * std::cos(2.0 * std::numbers::pi * (day_of_year - 196) / 365.25);
  switch (kind) {
    case LocationKind::kPark:
    case LocationKind::kHarbour:
      return 0.15 + 0.85 * summer;
    case LocationKind::kSquare:
    case LocationKind::kStreet:
      return 0.6 + 0.4 * summer;
    case LocationKind::kBuilding:
      return 1.0 - 0.3 * summer;  // summer holidays empty the offices
    case LocationKind::kOther:
      break;
  }
  return 0.7 + 0.3 * summer;
}

double Occupancy(LocationKind kind, double unix_seconds) {
  const LocalTime t = StockholmTime(unix_seconds);
  const double v = DailyShape(kind, t) * SeasonalFactor(kind, t.day_of_year);
  return std::clamp(v, 0.0, 1.0);
}

double ExpectedClients(LocationKind kind, double unix_seconds, double capacity) {
  return Occupancy(kind, unix_seconds) * capacity;
}

}  // namespace surfzone::sim
