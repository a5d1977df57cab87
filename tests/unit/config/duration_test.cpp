#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"

namespace surfzone::config {
namespace {

using std::chrono::milliseconds;

TEST(ParseDuration, AcceptsEachUnit) {
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
  EXPECT_EQ(ParseDuration("2s"), milliseconds(2'000));
  EXPECT_EQ(ParseDuration("3m"), milliseconds(180'000));
  EXPECT_EQ(ParseDuration("2h"), milliseconds(7'200'000));
  EXPECT_EQ(ParseDuration("1d"), milliseconds(86'400'000));
}

TEST(ParseDuration, AddsCompoundParts) {
  EXPECT_EQ(ParseDuration("1m30s"), milliseconds(90'000));
  EXPECT_EQ(ParseDuration("1d2h3m4s5ms"), milliseconds(93'784'005));
  EXPECT_EQ(ParseDuration("1s500ms"), milliseconds(1'500));
}

TEST(ParseDuration, RejectsMalformed) {
  for (const char* text : {"", "30", "30x", "s", "1.5s", " 30s", "30s ", "30 s", "30S", "m30"}) {
    EXPECT_EQ(ParseDuration(text), std::nullopt) << text;
  }
}

TEST(ParseDuration, RejectsZeroAndNegative) {
  EXPECT_EQ(ParseDuration("0s"), std::nullopt);
  EXPECT_EQ(ParseDuration("0m0s"), std::nullopt);
  EXPECT_EQ(ParseDuration("-5s"), std::nullopt);
  EXPECT_EQ(ParseDuration("+5s"), std::nullopt);
}

TEST(ParseDuration, RejectsUnitsOutOfOrderOrRepeated) {
  EXPECT_EQ(ParseDuration("30s1m"), std::nullopt);
  EXPECT_EQ(ParseDuration("1s1s"), std::nullopt);
  EXPECT_EQ(ParseDuration("500ms1s"), std::nullopt);
}

TEST(ParseDuration, RejectsOverflow) {
  EXPECT_EQ(ParseDuration("99999999999999999999ms"), std::nullopt);
  EXPECT_EQ(ParseDuration("9999999999999999d"), std::nullopt);
}

}  // namespace
}  // namespace surfzone::config
