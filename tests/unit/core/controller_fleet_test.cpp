// Controllers in the fleet: one sample updates every managed AP (by name or MAC), unassigned
// rows, unreachable -> unknown, reload keeps the controller's state; radio counters unwrap.
#include <gtest/gtest.h>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/core/fleet.hpp"

namespace surfzone::core {
namespace {

config::Config Load(const std::string& controller_address) {
  config::LoadOptions options;
  options.known_profiles = collectors::BuiltinProfileNames();
  options.controller_profiles = collectors::BuiltinControllerProfileNames();
  return config::LoadString(R"(
auths:
  v2: {version: 2c, community: public}
defaults: {auth: v2, interval: 10s}
controllers:
  - {name: wlc, address: ")" + controller_address +
                                R"(", profile: aruba-instant}
locations:
  - name: Torget
    kind: square
    access_points:
      - {name: by-name, controller: wlc}
      - {name: by-mac, controller: wlc, mac: "00:00:00:00:00:02"}
      - {name: missing, controller: wlc}
      - {name: reported-down, controller: wlc}
)",
                            "<test>", options);
}

collectors::ManagedAp Row(const std::string& key, const std::string& name, bool up) {
  collectors::ManagedAp row;
  row.key = row.mac = key;
  row.name = name;
  row.up = up;
  return row;
}

collectors::ApSample ControllerSample(double t, std::uint64_t rx) {
  collectors::ApSample s;
  s.poll_time_seconds = t;
  auto& w = s.wifi;
  w.controller = true;
  w.aps = {Row("00:00:00:00:00:01", "by-name", true), Row("00:00:00:00:00:02", "other-name", true),
           Row("00:00:00:00:00:03", "reported-down", false),
           Row("00:00:00:00:00:04", "stray", true)};
  for (const char* key : {"00:00:00:00:00:01", "00:00:00:00:00:02", "00:00:00:00:00:04"}) {
    collectors::RadioRow r;
    r.ap = key;
    r.radio = "0";
    r.band = "5GHz";
    r.clients = 3;
    r.rx_bytes = rx;
    r.tx_bytes = 0;
    w.radios.push_back(r);
  }
  return s;
}

std::shared_ptr<ApEntry> Find(const Fleet& fleet, const std::string& name) {
  for (const auto& e : fleet.aps()) {
    if (e->cfg.name == name) return e;
  }
  return nullptr;
}

TEST(ControllerFleet, OneSampleUpdatesEveryManagedAp) {
  Fleet fleet;
  const auto added = fleet.Apply(Load("127.0.0.1:3001"));
  ASSERT_EQ(added.size(), 1u) << "only the controller is scheduled";
  EXPECT_TRUE(added.front()->is_controller);
  ASSERT_EQ(fleet.pollables().size(), 1u);
  ApEntry& wlc = *fleet.controllers().front();

  fleet.ApplyControllerSample(wlc, ControllerSample(100, 1000), 0.1, 100);
  EXPECT_EQ(Find(fleet, "by-name")->tracker.up(), true);
  EXPECT_EQ(Find(fleet, "by-mac")->tracker.up(), true);
  EXPECT_EQ(Find(fleet, "missing")->tracker.up(), false);
  EXPECT_EQ(Find(fleet, "reported-down")->tracker.up(), false);
  EXPECT_EQ(Find(fleet, "by-mac")->tracker.wifi().clients.clients, 3u);
  EXPECT_EQ(wlc.controller_view.aps_up, 3);
  EXPECT_EQ(wlc.controller_view.aps_down, 1);
  ASSERT_EQ(wlc.controller_view.unassigned.size(), 1u);
  EXPECT_EQ(wlc.controller_view.unassigned.front().row.name, "stray");
  // Clients: no controller total or SSID table, so the sum over its reported APs.
  EXPECT_EQ(wlc.controller_view.clients, 9u);

  const state::Snapshot snap = fleet.BuildSnapshot();
  std::optional<std::uint64_t> torget, unassigned;
  for (const auto& l : snap.locations) {
    if (l.name == "Torget") torget = l.clients;
    if (l.name == "unassigned") unassigned = l.clients;
  }
  EXPECT_EQ(torget, 6u);
  EXPECT_EQ(unassigned, 3u);

  // 32-bit radio counters wrap (aiRadioRxDataBytes is Counter32): the delta is unwrapped.
  fleet.ApplyControllerSample(wlc, ControllerSample(110, 4294967000ULL), 0.1, 110);
  fleet.ApplyControllerSample(wlc, ControllerSample(120, 100), 0.1, 120);
  EXPECT_EQ(Find(fleet, "by-name")->tracker.rx_bytes(),
            (4294967000ULL - 1000) + (4294967296ULL - 4294967000ULL + 100));
}

TEST(ControllerFleet, UnreachableControllerLeavesItsApsUnknown) {
  Fleet fleet;
  fleet.Apply(Load("127.0.0.1:3001"));
  ApEntry& wlc = *fleet.controllers().front();
  fleet.ApplyControllerSample(wlc, ControllerSample(100, 0), 0.1, 100);
  ASSERT_EQ(fleet.FindLocation("Torget")->known, 4);
  fleet.ApplyControllerFailure(wlc, 110, 2.0, 110);
  EXPECT_EQ(wlc.tracker.up(), false);
  EXPECT_FALSE(Find(fleet, "by-name")->tracker.up().has_value());
  EXPECT_FALSE(Find(fleet, "missing")->tracker.up().has_value());
  EXPECT_EQ(fleet.FindLocation("Torget")->known, 0);
  EXPECT_EQ(fleet.FindLocation("Torget")->up, 0);
  const state::Snapshot snap = fleet.BuildSnapshot();
  ASSERT_EQ(snap.controllers.size(), 1u);
  EXPECT_FALSE(snap.controllers.front().up);
}

TEST(ControllerFleet, ReloadKeepsAnUnchangedControllerAndRebaselinesAMovedOne) {
  Fleet fleet;
  fleet.Apply(Load("127.0.0.1:3001"));
  const std::shared_ptr<ApEntry> before = fleet.controllers().front();
  fleet.ApplyControllerSample(*before, ControllerSample(100, 1000), 0.1, 100);
  fleet.ApplyControllerSample(*before, ControllerSample(110, 3000), 0.1, 110);
  const auto managed = Find(fleet, "by-name");
  ASSERT_EQ(managed->tracker.rx_bytes(), 2000u);

  EXPECT_TRUE(fleet.Apply(Load("127.0.0.1:3001")).empty()) << "nothing new to schedule";
  EXPECT_EQ(fleet.controllers().front(), before);
  EXPECT_EQ(before->tracker.polls(), 2u);
  EXPECT_EQ(Find(fleet, "by-name"), managed);

  // Another address: same entry, totals kept, counters re-baselined (no jump from the new device).
  EXPECT_TRUE(fleet.Apply(Load("127.0.0.1:3002")).empty());
  EXPECT_EQ(fleet.controllers().front(), before);
  fleet.ApplyControllerSample(*before, ControllerSample(120, 50), 0.1, 120);
  EXPECT_EQ(managed->tracker.rx_bytes(), 2000u);
}

}  // namespace
}  // namespace surfzone::core
