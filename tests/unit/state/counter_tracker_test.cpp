#include "surfzone/state/counter_tracker.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace surfzone::state {
namespace {

constexpr std::uint64_t kTwoPow32 = std::uint64_t{1} << 32;

TEST(CounterTracker, FirstReadingIsBaselineAndAddsNothing) {
  CounterTracker t;
  EXPECT_EQ(t.last_event(), CounterEvent::kNone);
  EXPECT_FALSE(t.previous_raw().has_value());
  EXPECT_EQ(t.Update(123456, CounterWidth::k64, false), 0u);
  EXPECT_EQ(t.total(), 0u);
  EXPECT_EQ(t.last_event(), CounterEvent::kBaseline);
  EXPECT_EQ(t.previous_raw(), 123456u);
}

TEST(CounterTracker, FirstReadingIgnoresRestartFlag) {
  CounterTracker t;
  EXPECT_EQ(t.Update(5000, CounterWidth::k32, true), 0u);
  EXPECT_EQ(t.total(), 0u);
}

struct Step {
  std::uint64_t raw;
  bool restarted;
  std::uint64_t max_delta;
  std::uint64_t want_delta;
  CounterEvent want_event;
};

struct Case {
  const char* name;
  CounterWidth width;
  std::uint64_t baseline;
  std::vector<Step> steps;
};

class CounterTrackerTable : public ::testing::TestWithParam<Case> {};

TEST_P(CounterTrackerTable, AccumulatesExpectedDeltas) {
  const Case& c = GetParam();
  CounterTracker t;
  t.Update(c.baseline, c.width, false);
  std::uint64_t want_total = 0;
  for (std::size_t i = 0; i < c.steps.size(); ++i) {
    const Step& s = c.steps[i];
    SCOPED_TRACE(testing::Message() << "step " << i << " raw " << s.raw);
    const std::uint64_t before = t.total();
    EXPECT_EQ(t.Update(s.raw, c.width, s.restarted, s.max_delta), s.want_delta);
    EXPECT_EQ(t.last_delta(), s.want_delta);
    EXPECT_EQ(t.last_event(), s.want_event) << ToString(t.last_event());
    EXPECT_GE(t.total(), before);
    want_total += s.want_delta;
    EXPECT_EQ(t.total(), want_total);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, CounterTrackerTable,
    ::testing::Values(Case{"Increase64",
                           CounterWidth::k64,
                           1000,
                           {{1500, false, 0, 500, CounterEvent::kIncrease},
                            {1500, false, 0, 0, CounterEvent::kIncrease},
                            {9000, false, 0, 7500, CounterEvent::kIncrease}}},
                      Case{"Wrap32",
                           CounterWidth::k32,
                           kTwoPow32 - 100,
                           {{50, false, 0, 150, CounterEvent::kWrap},
                            {80, false, 0, 30, CounterEvent::kIncrease}}},
                      Case{"Wrap32WithinCap",
                           CounterWidth::k32,
                           kTwoPow32 - 100,
                           {{50, false, 150, 150, CounterEvent::kWrap}}},
                      Case{"Wrap32BeyondCapIsReset",
                           CounterWidth::k32,
                           3000000000,
                           {{1000, false, 1000000, 1000, CounterEvent::kReset}}},
                      Case{"ResetBeyondCapIsImplausible",
                           CounterWidth::k32,
                           3000000000,
                           {{2000000, false, 1000000, 0, CounterEvent::kImplausible},
                            {2000100, false, 1000000, 100, CounterEvent::kIncrease}}},
                      Case{"Backwards64IsReset",
                           CounterWidth::k64,
                           5000000000000,
                           {{7000, false, 0, 7000, CounterEvent::kReset},
                            {7100, false, 0, 100, CounterEvent::kIncrease}}},
                      Case{"RestartAddsRaw",
                           CounterWidth::k64,
                           5000000,
                           {{9000000, true, 0, 9000000, CounterEvent::kRestart},
                            {300, true, 0, 300, CounterEvent::kRestart}}},
                      Case{"RestartBeyondCapIsImplausible",
                           CounterWidth::k64,
                           100,
                           {{90000000000, true, 1000000, 0, CounterEvent::kImplausible}}},
                      Case{"IncreaseBeyondCapIsImplausible",
                           CounterWidth::k64,
                           100,
                           {{100 + 5000, false, 4999, 0, CounterEvent::kImplausible},
                            {100 + 5000 + 4999, false, 4999, 4999, CounterEvent::kIncrease}}},
                      Case{"Raw32IsTruncated",
                           CounterWidth::k32,
                           10,
                           {{kTwoPow32 + 20, false, 0, 10, CounterEvent::kIncrease}}}),
    [](const testing::TestParamInfo<Case>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(CounterTracker, ResetRebaselinesWithoutAddingAndKeepsTotal) {
  CounterTracker t;
  t.Update(100, CounterWidth::k32, false);
  t.Update(400, CounterWidth::k32, false);
  ASSERT_EQ(t.total(), 300u);
  t.Reset();
  EXPECT_FALSE(t.previous_raw().has_value());
  EXPECT_EQ(t.Update(9000000000, CounterWidth::k64, false), 0u);
  EXPECT_EQ(t.last_event(), CounterEvent::kBaseline);
  EXPECT_EQ(t.total(), 300u);
  EXPECT_EQ(t.Update(9000000050, CounterWidth::k64, false), 50u);
  EXPECT_EQ(t.total(), 350u);
}

TEST(CounterTracker, WidthChangeRebaselines) {
  CounterTracker t;
  t.Update(100, CounterWidth::k32, false);
  EXPECT_EQ(t.Update(9000000000, CounterWidth::k64, false), 0u);
  EXPECT_EQ(t.last_event(), CounterEvent::kBaseline);
  EXPECT_EQ(t.previous_width(), CounterWidth::k64);
}

TEST(CounterTracker, CopyCarriesStateAcrossReload) {
  CounterTracker t;
  t.Update(100, CounterWidth::k64, false);
  t.Update(250, CounterWidth::k64, false);
  CounterTracker carried = t;  // what a config reload does
  EXPECT_EQ(carried, t);
  EXPECT_EQ(carried.Update(300, CounterWidth::k64, false), 50u);
  EXPECT_EQ(carried.total(), 200u);
  EXPECT_EQ(t.total(), 150u);
}

TEST(CounterTracker, TotalSaturatesInsteadOfWrapping) {
  CounterTracker t;
  const std::uint64_t max = UINT64_MAX;
  t.Update(0, CounterWidth::k64, false);
  t.Update(max - 10, CounterWidth::k64, false);
  t.Update(0, CounterWidth::k64, true);
  t.Update(100, CounterWidth::k64, false);
  EXPECT_EQ(t.total(), max);
}

}  // namespace
}  // namespace surfzone::state
