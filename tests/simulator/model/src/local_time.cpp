#include "surfzone/sim/local_time.hpp"

#include <cmath>

namespace surfzone::sim {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void CivilFromDays(std::int64_t z, int& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = static_cast<int>(yoe) + static_cast<int>(era) * 400 + (m <= 2);
}

// ISO weekday of a day number (1970-01-01 was a Thursday).
int Weekday(std::int64_t days) {
  const std::int64_t w = ((days % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::int64_t LastSundayDays(int year, int month) {
  const std::int64_t last = DaysFromCivil(year, month, 31);  // March and October have 31 days
  return last - (Weekday(last) % 7);
}

bool IsSummerTime(std::int64_t unix_seconds, int year) {
  const std::int64_t begin = LastSundayDays(year, 3) * 86400 + 3600;
  const std::int64_t end = LastSundayDays(year, 10) * 86400 + 3600;
  return unix_seconds >= begin && unix_seconds < end;
}

}  // namespace

std::int64_t UnixFromUtc(int year, int month, int day, int hour, int minute, int second) {
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

std::int64_t UnixFromStockholm(int year, int month, int day, int hour, int minute, int second) {
  const std::int64_t as_utc = UnixFromUtc(year, month, day, hour, minute, second);
  const std::int64_t summer = as_utc - 2 * 3600;
  if (IsSummerTime(summer, year)) return summer;
  return as_utc - 3600;
}

LocalTime StockholmTime(double unix_seconds) {
  const auto whole = static_cast<std::int64_t>(std::floor(unix_seconds));
  const double frac = unix_seconds - static_cast<double>(whole);
  int y = 0, m = 0, d = 0;
  const std::int64_t utc_days = whole >= 0 ? whole / 86400 : (whole - 86399) / 86400;
  CivilFromDays(utc_days, y, m, d);
  LocalTime out;
  out.utc_offset_h = IsSummerTime(whole, y) ? 2 : 1;
  const std::int64_t local = whole + out.utc_offset_h * 3600;
  const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  CivilFromDays(days, out.year, out.month, out.day);
  out.weekday = Weekday(days);
  out.day_of_year = static_cast<int>(days - DaysFromCivil(out.year, 1, 1)) + 1;
  out.hour = (static_cast<double>(local - days * 86400) + frac) / 3600.0;
  return out;
}

}  // namespace surfzone::sim
