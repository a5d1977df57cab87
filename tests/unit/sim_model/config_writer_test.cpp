#include "surfzone/sim/config_writer.hpp"

#include <gtest/gtest.h>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/sim/fleet_generator.hpp"
#include "surfzone/sim/fleet_loader.hpp"

namespace surfzone::sim {
namespace {

void ExpectMatches(const FleetSpec& fleet, const config::Config& cfg) {
  ASSERT_EQ(cfg.locations.size(), fleet.locations.size());
  unsigned port = fleet.sim.base_port;
  for (std::size_t l = 0; l < fleet.locations.size(); ++l) {
    const auto& want = fleet.locations[l];
    const auto& got = cfg.locations[l];
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.kind, want.kind);
    EXPECT_EQ(got.district, want.district);
    if (want.lat) {
      EXPECT_NEAR(*got.lat, *want.lat, 1e-6);
    }
    ASSERT_EQ(got.access_points.size(), want.aps.size());
    for (std::size_t a = 0; a < want.aps.size(); ++a) {
      EXPECT_EQ(got.access_points[a].name, want.aps[a].name);
      // Controller-managed APs have no address of their own (and take no port).
      if (!want.aps[a].controller.empty()) continue;
      EXPECT_EQ(got.access_points[a].address.host, fleet.sim.host);
      EXPECT_EQ(got.access_points[a].address.port, port++);
    }
  }
}

TEST(ConfigWriter, DemoFleetConfigLoadsInSurfzoned) {
  const FleetSpec fleet = LoadFleetFile(SURFZONE_DEMO_FLEET);
  ConfigWriterOptions options;
  options.interval = "15s";
  options.timeout = "1500ms";
  const std::string yaml = WriteSurfzonedConfig(fleet, options);
  const config::Config cfg = config::LoadString(yaml, "generated.yaml", collectors::ConfigLoadOptions());
  ExpectMatches(fleet, cfg);
  EXPECT_EQ(cfg.defaults.interval, std::chrono::seconds(15));
  EXPECT_EQ(cfg.defaults.timeout, std::chrono::milliseconds(1500));
  ASSERT_EQ(cfg.auths.size(), 1u);
  const config::Auth& auth = cfg.auths.at("sim");
  EXPECT_EQ(auth.version, config::SnmpVersion::kV2c);
  EXPECT_EQ(auth.community.Reveal(), fleet.sim.community);
  EXPECT_EQ(cfg.default_auth, "sim");
  // The demo fleet has controllers, so direct APs get their vendor's profile (stortorget-1 is a
  // UniFi AP).
  EXPECT_EQ(cfg.locations[0].access_points[0].profile, "unifi");
}

TEST(ConfigWriter, GeneratedCityConfigLoads) {
  const FleetSpec fleet = GenerateFleet(2000, 5);
  const config::Config cfg = config::LoadString(WriteSurfzonedConfig(fleet), "city.yaml", collectors::ConfigLoadOptions());
  ExpectMatches(fleet, cfg);
  EXPECT_EQ(cfg.max_in_flight, 1000);
}

TEST(ConfigWriter, QuotesAwkwardNamesAndHonoursProfiles) {
  FleetSpec fleet = LoadFleetString(R"(
sim: {community: "s3cret: #1"}
locations:
  - {name: "Kärnan: 'tower' #1", kind: building, aps: [{name: "ap: one", profile: unifi}]}
)");
  config::LoadOptions known;
  known.known_profiles = {"generic", "unifi"};
  const auto cfg = config::LoadString(WriteSurfzonedConfig(fleet), "q.yaml", known);
  EXPECT_EQ(cfg.locations[0].name, "Kärnan: 'tower' #1");
  EXPECT_EQ(cfg.locations[0].access_points[0].name, "ap: one");
  EXPECT_EQ(cfg.locations[0].access_points[0].profile, "unifi");
  EXPECT_EQ(cfg.auths.at("sim").community.Reveal(), "s3cret: #1");
  ConfigWriterOptions override_profile;
  override_profile.profile_override = "generic";
  EXPECT_EQ(config::LoadString(WriteSurfzonedConfig(fleet, override_profile))
                .locations[0]
                .access_points[0]
                .profile,
            "generic");
}

}  // namespace
}  // namespace surfzone::sim
