#include "surfzone/sim/fleet_generator.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "surfzone/sim/sim_fleet.hpp"

namespace surfzone::sim {
namespace {

TEST(FleetGenerator, MakesExactlyTheRequestedNumberOfAps) {
  for (std::size_t n : {1u, 7u, 200u, 20000u}) {
    EXPECT_EQ(GenerateFleet(n, 42).ApCount(), n);
  }
  EXPECT_THROW(GenerateFleet(0, 1), std::invalid_argument);
  EXPECT_THROW(GenerateFleet(60001, 1), std::invalid_argument);
}

TEST(FleetGenerator, TwentyThousandApsHaveUniqueNamesPortsAndARealisticMix) {
  const FleetSpec f = GenerateFleet(20000, 7);
  std::set<std::string> ap_names, location_names;
  std::map<LocationKind, int> kinds;
  int thirty_two = 0, unifi = 0;
  for (const auto& l : f.locations) {
    EXPECT_TRUE(location_names.insert(l.name).second) << l.name;
    ++kinds[l.kind];
    ASSERT_TRUE(l.lat && l.lon);
    EXPECT_NEAR(*l.lat, 56.04, 0.07);
    EXPECT_NEAR(*l.lon, 12.69, 0.09);
    for (const auto& ap : l.aps) {
      EXPECT_TRUE(ap_names.insert(ap.name).second) << ap.name;
      thirty_two += ap.counter_bits == 32;
      unifi += ap.vendor == Vendor::kUnifi;
    }
  }
  EXPECT_EQ(kinds.size(), 6u);
  const double locations = static_cast<double>(f.locations.size());
  EXPECT_NEAR(kinds[LocationKind::kStreet] / locations, 0.30, 0.05);
  EXPECT_NEAR(kinds[LocationKind::kPark] / locations, 0.20, 0.05);
  EXPECT_NEAR(thirty_two / 20000.0, 0.10, 0.03);
  EXPECT_NEAR(unifi / 20000.0, 0.85, 0.03);
  // Too many for one socket each: every AP gets its own loopback address on one port.
  EXPECT_EQ(f.sim.addressing, "hosts");
  std::set<std::string> endpoints;
  for (std::size_t i = 0; i < 20000; ++i) {
    const ApEndpoint at = EndpointOf(f.sim, i);
    EXPECT_EQ(at.port, f.sim.base_port);
    EXPECT_TRUE(at.host.starts_with("127.")) << at.host;
    EXPECT_EQ(at.host.find(".0", 3), std::string::npos) << at.host;  // no .0 host parts
    endpoints.insert(at.host);
  }
  EXPECT_EQ(endpoints.size(), 20000u);
  EXPECT_EQ(EndpointOf(f.sim, 0).host, "127.1.1.1");
  EXPECT_EQ(EndpointOf(f.sim, 250).host, "127.1.2.1");
  EXPECT_FALSE(f.faults.empty());
}

TEST(FleetGenerator, SmallFleetsUseOnePortPerAp) {
  const FleetSpec f = GenerateFleet(300, 7);
  EXPECT_EQ(f.sim.addressing, "ports");
  EXPECT_EQ(EndpointOf(f.sim, 5).port, f.sim.base_port + 5);
  EXPECT_EQ(EndpointOf(f.sim, 5).host, "127.0.0.1");
}

TEST(FleetGenerator, DeterministicPerSeed) {
  EXPECT_EQ(GenerateFleet(500, 3), GenerateFleet(500, 3));
  EXPECT_NE(GenerateFleet(500, 3), GenerateFleet(500, 4));
}

TEST(FleetGenerator, BuildsRunningModelsWithFaults) {
  SimFleet fleet(GenerateFleet(300, 11), 1752325200.0);
  ASSERT_EQ(fleet.size(), 300u);
  EXPECT_EQ(fleet.port(0), fleet.spec().sim.base_port);
  EXPECT_EQ(fleet.port(299), fleet.spec().sim.base_port + 299);
  const auto& down = fleet.spec().faults.back();
  ASSERT_FALSE(down.location.empty());
  const auto loc = fleet.FindLocation(down.location);
  ASSERT_GE(loc, 0);
  const std::size_t first = fleet.aps_of(static_cast<std::size_t>(loc)).front();
  fleet.AdvanceAll(1752325200.0 + down.at + 60);
  EXPECT_EQ(fleet.ap(first).behaviour(), Behaviour::kSilent);
  EXPECT_EQ(fleet.Find(fleet.ap(first).name()), static_cast<std::ptrdiff_t>(first));
  EXPECT_EQ(fleet.Find("no-such-ap"), -1);
}

}  // namespace
}  // namespace surfzone::sim
