#include "surfzone/sim/truth.hpp"

#include <gtest/gtest.h>

#include "surfzone/sim/fleet_loader.hpp"

namespace surfzone::sim {
namespace {

constexpr double kStart = 1752325200.0;  // 2025-07-12 13:00 UTC

std::int64_t Ms(double s) { return static_cast<std::int64_t>(s * 1000); }

TEST(Truth, LocationStateSecondsSweepsApOutages) {
  // Three APs over [0, 100): A down [10, 30), B down [20, 40) and [90, 200), C down [25, 35).
  const std::vector<std::vector<IntervalMs>> aps = {
      {{Ms(10), Ms(30)}}, {{Ms(20), Ms(40)}, {Ms(90), Ms(200)}}, {{Ms(25), Ms(35)}}};
  const StateSeconds s = LocationStateSeconds(aps, 0, 100);
  EXPECT_DOUBLE_EQ(s.down, 5);            // [25, 30)
  EXPECT_DOUBLE_EQ(s.degraded, 25 + 10);  // [10, 25) + [30, 40) + [90, 100)
  EXPECT_DOUBLE_EQ(s.up, 100 - 5 - 35);
  const StateSeconds clipped = LocationStateSeconds(aps, 26, 28);
  EXPECT_DOUBLE_EQ(clipped.down, 2);
  EXPECT_DOUBLE_EQ(LocationStateSeconds(aps, 50, 50).up, 0);
}

TEST(Truth, CollectsPerApAndPerLocationTotals) {
  FleetSpec spec = LoadFleetString(R"(
locations:
  - {name: Stortorget, kind: square, district: Centrum, aps: 3}
  - {name: Slottshagen, kind: park, aps: 2}
faults:
  - {location: Slottshagen, kind: down, at: 10m, duration: 20m}
  - {ap: stortorget-1, kind: garbage, at: 15m, duration: 5m}
  - {ap: stortorget-2, kind: reboot, at: 5m}
)");
  SimFleet fleet(spec, kStart, false);
  const FleetTruth truth = CollectTruth(fleet, kStart, kStart + 3600);
  ASSERT_EQ(truth.aps.size(), 5u);
  ASSERT_EQ(truth.locations.size(), 2u);
  const LocationTruth& square = truth.locations[0];
  ByteTotals sum;
  int clients = 0;
  for (int i = 0; i < 3; ++i) {
    sum += truth.aps[i].bytes;
    clients += truth.aps[i].clients.total;
    EXPECT_EQ(truth.aps[i].bytes, fleet.ap(i).BytesAt(kStart + 3600));
  }
  EXPECT_EQ(square.bytes, sum);
  EXPECT_EQ(square.clients.total, clients);
  EXPECT_EQ(square.aps, 3);
  EXPECT_EQ(truth.aps[1].reboots, 1);
  EXPECT_EQ(truth.aps[0].unanswered.size(), 1u);
  EXPECT_DOUBLE_EQ(square.state.degraded, 300);
  EXPECT_DOUBLE_EQ(square.state.up, 3300);
  const LocationTruth& park = truth.locations[1];
  EXPECT_DOUBLE_EQ(park.state.down, 1200);
  EXPECT_DOUBLE_EQ(park.state.up, 2400);
  EXPECT_EQ(park.aps_up, 2);
  EXPECT_EQ(truth.aps[3].port, spec.sim.base_port + 3);
}

TEST(Truth, JsonHasEveryApAndLocation) {
  FleetSpec spec = LoadFleetString(R"(
locations:
  - {name: "Kärnan \"tower\"", kind: building, aps: 1}
faults:
  - {ap: karnan-tower-1, kind: down, at: 60, duration: 60}
)");
  SimFleet fleet(spec, kStart, false);
  const std::string json = ToJson(CollectTruth(fleet, kStart, kStart + 600));
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '}');
  EXPECT_NE(json.find("\"name\":\"karnan-tower-1\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"name\":\"Kärnan \\\"tower\\\"\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"down\":[[1752325260.000,1752325320.000]]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"state_seconds\":{\"up\":540.000,\"degraded\":0.000,\"down\":60.000}"),
            std::string::npos)
      << json;
  const auto rx = std::to_string(fleet.ap(0).bytes().rx);
  EXPECT_NE(json.find("\"rx_bytes\":" + rx), std::string::npos) << json;
  int depth = 0;
  for (char c : json) {
    depth += (c == '{' || c == '[') - (c == '}' || c == ']');
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
}

TEST(Truth, JsonHasTheAnsweredWindowsCounterWraps) {
  FleetSpec spec = LoadFleetString(R"(
locations:
  - {name: Stortorget, kind: square, aps: 2}
)");
  SimFleet fleet(spec, kStart, false);
  FleetTruth truth = CollectTruth(fleet, kStart, kStart + 600);
  AddAnsweredWindow(truth, fleet, 0, kStart + 60, kStart + 600);
  AddAnsweredWindow(truth, fleet, 1, kStart + 60, kStart + 600);
  truth.aps[0].answered->counter32_wraps = 2;
  truth.aps[0].answered->vap_counter32_wraps = 3;
  const std::string json = ToJson(truth);
  EXPECT_NE(json.find("\"counter32_wraps\":2,\"vap_counter32_wraps\":3}"), std::string::npos)
      << json;
  // Not computed (-1): left out.
  EXPECT_EQ(json.find("\"counter32_wraps\":-1"), std::string::npos) << json;
  EXPECT_EQ(json.find("\"vap_counter32_wraps\":-1"), std::string::npos) << json;
  EXPECT_EQ(json.find("vap_counter32_wraps"), json.rfind("vap_counter32_wraps")) << json;
}

}  // namespace
}  // namespace surfzone::sim
