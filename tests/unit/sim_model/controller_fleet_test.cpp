// Fleets with wireless controllers: loading, agents and ports, ground truth, the written
// surfzoned config and the generator.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "surfzone/sim/config_writer.hpp"
#include "surfzone/sim/fleet_generator.hpp"
#include "surfzone/sim/fleet_loader.hpp"
#include "surfzone/sim/truth.hpp"

namespace surfzone::sim {
namespace {

constexpr double kStart = 1752325200.0;  // 2025-07-12 13:00 UTC

const char* const kMixedFleet = R"(
sim: {base_port: 20000}
controllers:
  - {name: wlc-centrum, vendor: cisco-wlc}
  - {name: vc-parks, vendor: aruba-instant}
locations:
  - {name: Stortorget, kind: square, aps: 3, controller: wlc-centrum}
  - name: Stadsparken
    kind: park
    aps:
      - {name: park-1, controller: vc-parks}
      - {name: park-2, controller: vc-parks}
      - {name: park-3, vendor: unifi}
  - {name: Hamnen, kind: harbour, aps: 2, vendor: generic}
faults:
  - {ap: stortorget-2, kind: down, at: 10m, duration: 20m}
  - {ap: park-2, kind: down, at: 10m, duration: 20m}
  - {controller: vc-parks, kind: down, at: 40m, duration: 5m}
)";

TEST(ControllerFleet, LoadsControllersAndManagedAps) {
  const FleetSpec spec = LoadFleetString(kMixedFleet);
  ASSERT_EQ(spec.controllers.size(), 2u);
  EXPECT_EQ(spec.controllers[0].name, "wlc-centrum");
  EXPECT_EQ(spec.controllers[0].vendor, ControllerVendor::kCiscoWlc);
  EXPECT_EQ(spec.controllers[1].vendor, ControllerVendor::kArubaInstant);
  EXPECT_EQ(spec.locations[0].aps[2].controller, "wlc-centrum");
  EXPECT_EQ(spec.locations[1].aps[1].controller, "vc-parks");
  EXPECT_EQ(spec.locations[1].aps[2].controller, "");
  EXPECT_EQ(spec.faults[2].controller, "vc-parks");
  EXPECT_EQ(spec.ApCount(), 8u);
  EXPECT_EQ(spec.AgentCount(), 5u);  // 3 direct APs + 2 controllers
}

TEST(ControllerFleet, RejectsBadControllerReferences) {
  auto errors = [](const std::string& yaml) {
    try {
      LoadFleetString(yaml, "f.yaml");
    } catch (const FleetException& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(errors(R"(
controllers: [{name: c, vendor: meraki}]
locations: [{name: A, kind: park, aps: 1, controller: c}]
)")
                .find("unknown controller vendor \"meraki\""),
            std::string::npos);
  EXPECT_NE(errors(R"(
locations: [{name: A, kind: park, aps: 1, controller: nowhere}]
)")
                .find("unknown controller \"nowhere\""),
            std::string::npos);
  EXPECT_NE(errors(R"(
controllers: [{name: c, vendor: cisco-wlc}, {name: c, vendor: aruba-instant}]
locations: [{name: A, kind: park, aps: 1}]
)")
                .find("duplicate controller name \"c\""),
            std::string::npos);
  EXPECT_NE(errors(R"(
controllers: [{name: a-1, vendor: cisco-wlc}]
locations: [{name: A, kind: park, aps: 1}]
)")
                .find("has the name of a controller"),
            std::string::npos);
  EXPECT_NE(errors(R"(
controllers: [{name: c, vendor: cisco-wlc}]
locations: [{name: A, kind: park, aps: 1}]
faults: [{controller: c, kind: reboot, at: 1m}]
)")
                .find("not reboot"),
            std::string::npos);
  EXPECT_NE(errors(R"(
controllers: [{name: c, vendor: cisco-wlc}]
locations: [{name: A, kind: park, aps: 1}]
faults: [{controller: c, ap: a-1, kind: down, at: 1m, duration: 1m}]
)")
                .find("exactly one of"),
            std::string::npos);
}

TEST(ControllerFleet, AgentsAreDirectApsThenControllers) {
  SimFleet fleet(LoadFleetString(kMixedFleet), kStart, false);
  ASSERT_EQ(fleet.agent_count(), 5u);
  ASSERT_EQ(fleet.controller_count(), 2u);
  // Direct APs keep consecutive ports in file order; controllers follow.
  EXPECT_EQ(&fleet.agent(0), &fleet.ap(static_cast<std::size_t>(fleet.Find("park-3"))));
  EXPECT_EQ(&fleet.agent(1), &fleet.ap(static_cast<std::size_t>(fleet.Find("hamnen-1"))));
  EXPECT_EQ(&fleet.agent(3), &fleet.controller(0));
  EXPECT_EQ(&fleet.agent(4), &fleet.controller(1));
  EXPECT_EQ(fleet.agent_port(0), 20000);
  EXPECT_EQ(fleet.agent_port(3), 20003);
  const auto managed = static_cast<std::size_t>(fleet.Find("stortorget-2"));
  EXPECT_FALSE(fleet.direct(managed));
  EXPECT_EQ(fleet.port(managed), 20003);  // served by wlc-centrum
  EXPECT_EQ(fleet.controller(0).ap_count(), 3u);
  EXPECT_EQ(&fleet.controller(0).ap(fleet.slot_in_controller(managed)), &fleet.ap(managed));
}

TEST(ControllerFleet, TruthOfControllersIsTheSumOfTheirAps) {
  SimFleet fleet(LoadFleetString(kMixedFleet), kStart, false);
  for (const double minutes : {5.0, 15.0, 42.0}) {
    SCOPED_TRACE(minutes);
    const double at = kStart + minutes * 60;
    const FleetTruth truth = CollectTruth(fleet, kStart, at);
    ASSERT_EQ(truth.controllers.size(), 2u);
    for (const ControllerTruth& c : truth.controllers) {
      int sum = 0;
      std::vector<int> ssid(truth.ssids.size(), 0);
      int reported = 0;
      for (const ApTruth& ap : truth.aps) {
        if (ap.controller != c.name) continue;
        // The AP's clients are what its model gives for this minute.
        const auto i = static_cast<std::size_t>(fleet.Find(ap.name));
        EXPECT_EQ(ap.clients, fleet.ap(i).ClientsAt(at));
        sum += ap.clients.total;
        for (std::size_t s = 0; s < ssid.size(); ++s) ssid[s] += ap.clients.ssid[s];
        reported += ap.reported ? 1 : 0;
        EXPECT_EQ(ap.mac.size(), 17u);
      }
      EXPECT_EQ(c.clients, sum);
      EXPECT_EQ(c.ssid_clients, ssid);
      EXPECT_EQ(static_cast<int>(c.aps_reported.size()), reported);
    }
    // Locations (direct and managed APs alike) sum their APs, per SSID too.
    for (std::size_t l = 0; l < truth.locations.size(); ++l) {
      ClientCounts sum;
      sum.ssid.assign(truth.ssids.size(), 0);
      for (std::size_t i : fleet.aps_of(l)) {
        sum.total += truth.aps[i].clients.total;
        for (std::size_t s = 0; s < sum.ssid.size(); ++s)
          sum.ssid[s] += truth.aps[i].clients.ssid[s];
      }
      EXPECT_EQ(truth.locations[l].clients.total, sum.total);
      EXPECT_EQ(truth.locations[l].clients.ssid, sum.ssid);
    }
  }
  // At 15 min stortorget-2 is down: cisco does not report it, aruba still reports park-2.
  // (Models only move forward: a fresh fleet for an earlier time.)
  SimFleet again(LoadFleetString(kMixedFleet), kStart, false);
  const FleetTruth mid = CollectTruth(again, kStart, kStart + 15 * 60);
  EXPECT_EQ(mid.controllers[0].aps_reported,
            (std::vector<std::string>{"stortorget-1", "stortorget-3"}));
  EXPECT_EQ(mid.controllers[1].aps_reported, (std::vector<std::string>{"park-1", "park-2"}));
  EXPECT_EQ(mid.controllers[1].aps_up, 1);
  // At 42 min vc-parks itself is down: its APs are unknown (not up), its clients still served.
  const FleetTruth dark = CollectTruth(fleet, kStart, kStart + 42 * 60);
  EXPECT_FALSE(dark.controllers[1].up);
  const ApTruth& park1 = dark.aps[static_cast<std::size_t>(fleet.Find("park-1"))];
  EXPECT_FALSE(park1.up);
  EXPECT_GT(park1.clients.total, 0);
  // Stadsparken was degraded while park-2 was down and down while vc-parks was silent except
  // for the direct park-3: degraded both times.
  const auto& park = dark.locations[1];
  EXPECT_DOUBLE_EQ(park.state.degraded, 20 * 60 + 2 * 60);
  const std::string json = ToJson(dark);
  EXPECT_NE(json.find("\"controllers\":[{\"name\":\"wlc-centrum\",\"vendor\":\"cisco-wlc\""),
            std::string::npos);
  EXPECT_NE(json.find("\"band\":\"2.4GHz\""), std::string::npos);
  EXPECT_NE(ToClientsJson(dark).find("\"controller\":\"vc-parks\""), std::string::npos);
}

TEST(ControllerFleet, WritesControllersAndManagedApsIntoTheConfig) {
  const FleetSpec spec = LoadFleetString(kMixedFleet);
  const YAML::Node cfg = YAML::Load(WriteSurfzonedConfig(spec));
  ASSERT_EQ(cfg["controllers"].size(), 2u);
  EXPECT_EQ(cfg["controllers"][0]["name"].as<std::string>(), "wlc-centrum");
  EXPECT_EQ(cfg["controllers"][0]["address"].as<std::string>(), "127.0.0.1:20003");
  EXPECT_EQ(cfg["controllers"][0]["profile"].as<std::string>(), "cisco-wlc");
  EXPECT_EQ(cfg["controllers"][1]["address"].as<std::string>(), "127.0.0.1:20004");
  EXPECT_EQ(cfg["controllers"][1]["profile"].as<std::string>(), "aruba-instant");
  const YAML::Node managed = cfg["locations"][0]["access_points"][1];
  EXPECT_EQ(managed["name"].as<std::string>(), "stortorget-2");
  EXPECT_EQ(managed["controller"].as<std::string>(), "wlc-centrum");
  EXPECT_FALSE(managed["address"]);
  EXPECT_FALSE(managed["profile"]);
  const YAML::Node unifi = cfg["locations"][1]["access_points"][2];
  EXPECT_EQ(unifi["address"].as<std::string>(), "127.0.0.1:20000");
  EXPECT_EQ(unifi["profile"].as<std::string>(), "unifi");  // vendor profiles with controllers
  const YAML::Node generic = cfg["locations"][2]["access_points"][0];
  EXPECT_EQ(generic["address"].as<std::string>(), "127.0.0.1:20001");
  EXPECT_EQ(generic["profile"].as<std::string>(), "generic");
  // Without controllers nothing changes: no controllers key, profile generic by default.
  const FleetSpec plain = LoadFleetString("locations: [{name: A, kind: park, aps: 1}]");
  const YAML::Node plain_cfg = YAML::Load(WriteSurfzonedConfig(plain));
  EXPECT_FALSE(plain_cfg["controllers"]);
  EXPECT_EQ(plain_cfg["locations"][0]["access_points"][0]["profile"].as<std::string>(), "generic");
  ConfigWriterOptions vendor;
  vendor.vendor_profiles = true;
  EXPECT_EQ(
      YAML::Load(WriteSurfzonedConfig(plain, vendor))["locations"][0]["access_points"][0]["profile"]
          .as<std::string>(),
      "unifi");
}

TEST(ControllerFleet, GeneratorManagesAboutHalfTheLocationsAndKeepsTheRest) {
  const FleetSpec plain = GenerateFleet(2000, 7);
  const FleetSpec managed = GenerateFleet(2000, 7, 4);
  ASSERT_EQ(managed.controllers.size(), 4u);
  EXPECT_EQ(managed.controllers[0].vendor, ControllerVendor::kCiscoWlc);
  EXPECT_EQ(managed.controllers[1].vendor, ControllerVendor::kArubaInstant);
  ASSERT_EQ(managed.locations.size(), plain.locations.size());
  EXPECT_EQ(managed.faults, plain.faults);
  std::size_t managed_aps = 0;
  std::set<std::string> used;
  for (std::size_t l = 0; l < plain.locations.size(); ++l) {
    EXPECT_EQ(managed.locations[l].name, plain.locations[l].name);
    ASSERT_EQ(managed.locations[l].aps.size(), plain.locations[l].aps.size());
    for (std::size_t a = 0; a < plain.locations[l].aps.size(); ++a) {
      ApSpec ap = managed.locations[l].aps[a];
      // Whole locations are managed or not.
      EXPECT_EQ(ap.controller, managed.locations[l].aps[0].controller);
      if (!ap.controller.empty()) {
        ++managed_aps;
        used.insert(ap.controller);
      }
      ap.controller.clear();
      EXPECT_EQ(ap, plain.locations[l].aps[a]);
    }
  }
  EXPECT_GT(managed_aps, 2000u * 3 / 10);
  EXPECT_LT(managed_aps, 2000u * 7 / 10);
  EXPECT_EQ(used.size(), 4u);
  EXPECT_EQ(managed.AgentCount(), 2000u - managed_aps + 4);
  // And it runs: every controller's agent serves its APs.
  SimFleet fleet(managed, kStart, false);
  EXPECT_EQ(fleet.agent_count(), managed.AgentCount());
}

}  // namespace
}  // namespace surfzone::sim
