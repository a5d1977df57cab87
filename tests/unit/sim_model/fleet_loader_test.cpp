#include "surfzone/sim/fleet_loader.hpp"

#include <gtest/gtest.h>

#include <set>

#include "surfzone/sim/local_time.hpp"

namespace surfzone::sim {
namespace {

const char* kFleet = R"(
sim:
  start: 2025-07-12T13:00:00Z
  speed: 600
  base_port: 20000
  community: city
  ssids: [Helsingborg]
  seed: 9
locations:
  - name: Rådhustorget
    kind: square
    district: Centrum
    lat: 56.044
    lon: 12.6925
    vendor: generic
    counters: 32
    aps: 3
  - name: Stadsparken
    kind: park
    aps:
      - name: park-a
        capacity: 80
      - name: park-b
        vendor: unifi
        profile: unifi
faults:
  - {ap: park-a, kind: reboot, at: 90}
  - {location: Stadsparken, kind: down, at: 1h30m, duration: 10m}
  - {ap: radhustorget-2, kind: slow, at: 2h, duration: 1m, delay: 3s}
)";

// All messages of a failing load, or "" if it loads.
std::vector<FleetError> Errors(const std::string& yaml) {
  try {
    LoadFleetString(yaml, "fleet.yaml");
  } catch (const FleetException& e) {
    return e.errors();
  }
  return {};
}

bool HasError(const std::vector<FleetError>& errors, int line, const std::string& part) {
  for (const auto& e : errors) {
    if (e.line == line && e.message.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(FleetLoad, ReadsSettingsLocationsShorthandAndFaults) {
  const FleetSpec f = LoadFleetString(kFleet, "fleet.yaml");
  EXPECT_EQ(f.sim.start, static_cast<double>(UnixFromUtc(2025, 7, 12, 13)));
  EXPECT_EQ(f.sim.speed, 600);
  EXPECT_EQ(f.sim.base_port, 20000);
  EXPECT_EQ(f.sim.community, "city");
  EXPECT_EQ(f.sim.ssids, std::vector<std::string>{"Helsingborg"});
  EXPECT_EQ(f.sim.seed, 9u);
  ASSERT_EQ(f.locations.size(), 2u);
  const LocationSpec& square = f.locations[0];
  EXPECT_EQ(square.kind, LocationKind::kSquare);
  EXPECT_EQ(square.district, "Centrum");
  EXPECT_EQ(square.lat, 56.044);
  ASSERT_EQ(square.aps.size(), 3u);
  EXPECT_EQ(square.aps[1].name, "radhustorget-2");
  EXPECT_EQ(square.aps[1].vendor, Vendor::kGeneric);
  EXPECT_EQ(square.aps[1].counter_bits, 32);
  const LocationSpec& park = f.locations[1];
  EXPECT_FALSE(park.lat.has_value());
  EXPECT_EQ(park.aps[0].capacity, 80);
  EXPECT_EQ(park.aps[0].vendor, Vendor::kUnifi);
  EXPECT_EQ(park.aps[1].profile, "unifi");
  EXPECT_EQ(f.ApCount(), 5u);
  ASSERT_EQ(f.faults.size(), 3u);
  EXPECT_EQ(f.faults[0].kind, FaultKind::kReboot);
  EXPECT_EQ(f.faults[0].at, 90);
  EXPECT_EQ(f.faults[0].duration, 0);
  EXPECT_EQ(f.faults[1].location, "Stadsparken");
  EXPECT_EQ(f.faults[1].at, 5400);
  EXPECT_EQ(f.faults[1].duration, 600);
  EXPECT_EQ(f.faults[2].delay, std::chrono::milliseconds(3000));
}

TEST(FleetLoad, DefaultsAndLocalStartTime) {
  const FleetSpec f = LoadFleetString(R"(
sim: {start: "2025-01-14T03:00:00"}
locations: [{name: X, kind: other, aps: 1}]
)");
  EXPECT_EQ(f.sim.start, static_cast<double>(UnixFromUtc(2025, 1, 14, 2)));
  EXPECT_EQ(f.sim.base_port, 16100);
  EXPECT_EQ(f.sim.speed, 1);
  EXPECT_EQ(f.locations[0].aps[0].name, "x-1");
  EXPECT_FALSE(LoadFleetString("sim: {start: now}\nlocations: [{name: X, kind: other, aps: 1}]")
                   .sim.start.has_value());
}

TEST(FleetLoad, HostsAddressingGivesEveryApItsOwnLoopbackAddress) {
  const FleetSpec f = LoadFleetString(R"(
sim: {addressing: hosts, base_port: 1161}
locations: [{name: X, kind: other, aps: 3}]
)");
  EXPECT_EQ(f.sim.addressing, "hosts");
  EXPECT_EQ(EndpointOf(f.sim, 2).host, "127.1.1.3");
  EXPECT_EQ(EndpointOf(f.sim, 2).port, 1161);
  const auto errors =
      Errors("sim: {addressing: sockets}\nlocations: [{name: X, kind: other, aps: 1}]\n");
  EXPECT_TRUE(HasError(errors, 1, "expected ports or hosts"))
      << (errors.empty() ? "" : errors[0].ToString());
}

TEST(FleetLoad, ReportsUnknownKeysWithLineAndColumn) {
  const auto errors = Errors(R"(locations:
  - name: X
    kind: park
    apps: 3
)");
  ASSERT_FALSE(errors.empty());
  EXPECT_TRUE(HasError(errors, 4, "unknown key \"apps\"")) << errors[0].ToString();
  EXPECT_EQ(errors[0].file, "fleet.yaml");
  EXPECT_EQ(errors[0].column, 5);
  EXPECT_TRUE(HasError(errors, 2, "missing \"aps\""));
}

TEST(FleetLoad, CollectsEveryError) {
  const auto errors = Errors(R"(sim:
  speed: 0
locations:
  - {name: A, kind: forest, aps: 2}
  - {name: A, kind: park, aps: [{name: a-1}], counters: 48}
faults:
  - {ap: nobody, kind: down, at: 10}
  - {location: A, kind: explode, at: 1h, duration: 1m}
  - {ap: a-1, location: A, kind: slow, at: -5, duration: 1m}
  - {ap: a-1, kind: reboot, at: 0}
)");
  EXPECT_TRUE(HasError(errors, 2, "sim.speed: must be between"));
  EXPECT_TRUE(HasError(errors, 4, "unknown kind \"forest\""));
  EXPECT_TRUE(HasError(errors, 5, "counters: must be 32 or 64"));
  EXPECT_TRUE(HasError(errors, 5, "duplicate location name \"A\""));
  EXPECT_TRUE(HasError(errors, 5, "duplicate access point name \"a-1\""));
  EXPECT_TRUE(HasError(errors, 7, "missing \"duration\""));
  EXPECT_TRUE(HasError(errors, 7, "unknown access point \"nobody\""));
  EXPECT_TRUE(HasError(errors, 8, "unknown fault \"explode\""));
  EXPECT_TRUE(HasError(errors, 9, "exactly one of"));
  EXPECT_TRUE(HasError(errors, 9, "must not be negative"));
  EXPECT_TRUE(HasError(errors, 10, "a reboot must come after sim start"));
  // The exception text lists them all, one per line, as file:line:column: message.
  try {
    LoadFleetString("locations: [{name: A, kind: forest, aps: 0}]", "f.yaml");
    FAIL();
  } catch (const FleetException& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("f.yaml:1:"), std::string::npos) << what;
    EXPECT_NE(what.find('\n'), std::string::npos) << what;
  }
}

TEST(FleetLoad, SyntaxErrorsMissingFilesAndEmptyFleets) {
  auto errors = Errors("locations: [{name: A");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_GT(errors[0].line, 0);
  EXPECT_TRUE(HasError(Errors("sim: {speed: 5}\n"), 1, "locations: expected a non-empty list"));
  EXPECT_FALSE(Errors("locations: []").empty());
  try {
    LoadFleetFile("/nonexistent/fleet.yaml");
    FAIL();
  } catch (const FleetException& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].file, "/nonexistent/fleet.yaml");
    EXPECT_EQ(e.errors()[0].message, "cannot open file");
  }
}

TEST(FleetLoad, PortsMustFit) {
  EXPECT_TRUE(
      HasError(Errors("sim: {base_port: 65534}\nlocations: [{name: A, kind: park, aps: 3}]"), 1,
               "too many access points"));
  EXPECT_TRUE(
      Errors("sim: {base_port: 65533}\nlocations: [{name: A, kind: park, aps: 3}]").empty());
}

TEST(FleetLoad, SlugFoldsSwedishLetters) {
  EXPECT_EQ(Slug("Rådhustorget"), "radhustorget");
  EXPECT_EQ(Slug("Gustav Adolfs torg"), "gustav-adolfs-torg");
  EXPECT_EQ(Slug("Pålsjö ängar"), "palsjo-angar");
  EXPECT_EQ(Slug("ÖDÅKRA  (Väla)"), "odakra-vala");
}

TEST(FleetLoad, DemoFleetLoads) {
  const FleetSpec f = LoadFleetFile(SURFZONE_DEMO_FLEET);
  EXPECT_GE(f.ApCount(), 200u);
  EXPECT_GE(f.locations.size(), 40u);
  std::set<LocationKind> kinds;
  std::set<std::string> districts;
  for (const auto& l : f.locations) {
    kinds.insert(l.kind);
    districts.insert(l.district);
    ASSERT_TRUE(l.lat && l.lon) << l.name;
    EXPECT_NEAR(*l.lat, 56.04, 0.1) << l.name;
    EXPECT_NEAR(*l.lon, 12.69, 0.1) << l.name;
  }
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_GE(districts.size(), 10u);
  bool has_down = false, has_reboot = false;
  for (const auto& fault : f.faults) {
    has_down = has_down || fault.kind == FaultKind::kDown;
    has_reboot = has_reboot || fault.kind == FaultKind::kReboot;
  }
  EXPECT_TRUE(has_down);
  EXPECT_TRUE(has_reboot);
}

}  // namespace
}  // namespace surfzone::sim
