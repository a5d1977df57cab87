#pragma once
/// Local civil time in Helsingborg (Europe/Stockholm) without a tz database: CET (UTC+1) with the
/// EU summer-time rule, CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of
/// October 01:00 UTC. This is exact for every year since 1996 (the rule has not changed since).

#include <cstdint>

namespace surfzone::sim {

struct LocalTime {
  int year = 1970;
  int month = 1;         // 1..12
  int day = 1;           // 1..31
  int weekday = 4;       // ISO: 1 = Monday .. 7 = Sunday
  int day_of_year = 1;   // 1..366
  double hour = 0;       // fractional hour of day, 0 <= hour < 24
  int utc_offset_h = 1;  // 1 (CET) or 2 (CEST)
};

/// Local time in Europe/Stockholm at unix time `unix_seconds`.
LocalTime StockholmTime(double unix_seconds);

/// Unix seconds of a UTC civil date-time (proleptic Gregorian).
std::int64_t UnixFromUtc(int year, int month, int day, int hour = 0, int minute = 0,
                         int second = 0);

/// Unix seconds of a Europe/Stockholm local date-time (for tests and fleet files).
/// In the repeated autumn hour the first (CEST) instance is returned.
std::int64_t UnixFromStockholm(int year, int month, int day, int hour = 0, int minute = 0,
                               int second = 0);

}  // namespace surfzone::sim
