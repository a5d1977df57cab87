#include "surfzone/sim/day_profile.hpp"

#include <gtest/gtest.h>

#include "surfzone/sim/local_time.hpp"

namespace surfzone::sim {
namespace {

double At(LocationKind kind, int y, int mo, int d, int h, int mi = 0) {
  return Occupancy(kind, static_cast<double>(UnixFromStockholm(y, mo, d, h, mi)));
}

TEST(LocalTime, SummerAndWinterOffsets) {
  const LocalTime summer = StockholmTime(static_cast<double>(UnixFromUtc(2025, 7, 12, 13, 0, 0)));
  EXPECT_EQ(summer.utc_offset_h, 2);
  EXPECT_DOUBLE_EQ(summer.hour, 15.0);
  EXPECT_EQ(summer.weekday, 6);  // Saturday
  EXPECT_EQ(summer.day, 12);
  const LocalTime winter = StockholmTime(static_cast<double>(UnixFromUtc(2025, 1, 14, 2, 0, 0)));
  EXPECT_EQ(winter.utc_offset_h, 1);
  EXPECT_DOUBLE_EQ(winter.hour, 3.0);
  EXPECT_EQ(winter.weekday, 2);  // Tuesday
  EXPECT_EQ(winter.day_of_year, 14);
}

TEST(LocalTime, DaylightSavingSwitchesAtOneUtcOnLastSundays) {
  // 2025: summer time from 30 March 01:00 UTC to 26 October 01:00 UTC.
  EXPECT_EQ(StockholmTime(UnixFromUtc(2025, 3, 30, 0, 59, 59)).utc_offset_h, 1);
  EXPECT_EQ(StockholmTime(UnixFromUtc(2025, 3, 30, 1, 0, 0)).utc_offset_h, 2);
  EXPECT_EQ(StockholmTime(UnixFromUtc(2025, 10, 26, 0, 59, 59)).utc_offset_h, 2);
  EXPECT_EQ(StockholmTime(UnixFromUtc(2025, 10, 26, 1, 0, 0)).utc_offset_h, 1);
  EXPECT_EQ(UnixFromStockholm(2025, 7, 1, 12), UnixFromUtc(2025, 7, 1, 10));
  EXPECT_EQ(UnixFromStockholm(2025, 12, 1, 12), UnixFromUtc(2025, 12, 1, 11));
}

TEST(DayProfile, ParkSummerSaturdayAfternoonBeatsWinterTuesdayNight) {
  const double summer = At(LocationKind::kPark, 2025, 7, 12, 15);
  const double winter = At(LocationKind::kPark, 2025, 1, 14, 3);
  EXPECT_GT(summer, 0.7);
  EXPECT_LT(winter, 0.02);
  // Weekends are busier than weekdays at the same hour.
  EXPECT_GT(summer, At(LocationKind::kPark, 2025, 7, 9, 15));
}

TEST(DayProfile, HarbourEventNightsOnFridayAndSaturday) {
  const double friday = At(LocationKind::kHarbour, 2025, 7, 11, 22);
  const double saturday = At(LocationKind::kHarbour, 2025, 7, 12, 22);
  const double tuesday = At(LocationKind::kHarbour, 2025, 7, 8, 22);
  EXPECT_GT(friday, 2 * tuesday);
  EXPECT_GT(saturday, 2 * tuesday);
}

TEST(DayProfile, StreetsPeakAtCommuteHours) {
  const double morning = At(LocationKind::kStreet, 2025, 3, 11, 8);
  const double night = At(LocationKind::kStreet, 2025, 3, 11, 3);
  const double mid_morning = At(LocationKind::kStreet, 2025, 3, 11, 10, 30);
  EXPECT_GT(morning, 5 * night);
  EXPECT_GT(morning, mid_morning);
  EXPECT_GT(At(LocationKind::kStreet, 2025, 3, 11, 17), mid_morning);
}

TEST(DayProfile, SquaresAtMiddayAndEvening) {
  const double midday = At(LocationKind::kSquare, 2025, 5, 14, 12, 30);
  const double evening = At(LocationKind::kSquare, 2025, 5, 14, 19);
  const double early = At(LocationKind::kSquare, 2025, 5, 14, 5);
  EXPECT_GT(midday, 5 * early);
  EXPECT_GT(evening, 5 * early);
}

TEST(DayProfile, BuildingsInOfficeHours) {
  const double wednesday = At(LocationKind::kBuilding, 2025, 11, 12, 10);
  const double sunday = At(LocationKind::kBuilding, 2025, 11, 16, 10);
  const double wednesday_night = At(LocationKind::kBuilding, 2025, 11, 12, 23);
  EXPECT_GT(wednesday, 4 * sunday);
  EXPECT_GT(wednesday, 4 * wednesday_night);
}

TEST(DayProfile, SeasonalFactorHighInSummerForOutdoorKinds) {
  EXPECT_GT(SeasonalFactor(LocationKind::kPark, 196), 0.99);
  EXPECT_LT(SeasonalFactor(LocationKind::kPark, 15), 0.2);
  EXPECT_GT(SeasonalFactor(LocationKind::kSquare, 196), SeasonalFactor(LocationKind::kSquare, 15));
  EXPECT_LT(SeasonalFactor(LocationKind::kBuilding, 196),
            SeasonalFactor(LocationKind::kBuilding, 15));
}

TEST(DayProfile, AlwaysWithinUnitIntervalAndDeterministic) {
  const LocationKind kinds[] = {LocationKind::kSquare,   LocationKind::kPark,
                                LocationKind::kStreet,   LocationKind::kHarbour,
                                LocationKind::kBuilding, LocationKind::kOther};
  const double start = static_cast<double>(UnixFromUtc(2025, 1, 1));
  for (LocationKind k : kinds) {
    for (double t = start; t < start + 366 * 86400.0; t += 3 * 3600 + 17 * 60) {
      const double v = Occupancy(k, t);
      ASSERT_GE(v, 0.0);
      ASSERT_LE(v, 1.0);
      ASSERT_EQ(v, Occupancy(k, t));
    }
  }
  EXPECT_DOUBLE_EQ(ExpectedClients(LocationKind::kPark, start, 50),
                   50 * Occupancy(LocationKind::kPark, start));
}

}  // namespace
}  // namespace surfzone::sim
