#include "surfzone/core/fleet.hpp"

#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"

namespace surfzone::core {
namespace {

config::Config Load(const std::string& aps_yaml) {
  return config::LoadString(R"(
auths:
  v2: {version: 2c, community: public}
defaults: {auth: v2, interval: 10s}
locations:
  - name: Stortorget
    kind: square
    access_points:
)" + aps_yaml + R"(
  - name: Stadsparken
    kind: park
    access_points:
      - {name: park-1, address: "127.0.0.1:2001"}
)");
}

collectors::ApSample Sample(double t, std::uint64_t in) {
  collectors::ApSample s;
  s.poll_time_seconds = t;
  s.system.sys_uptime_ticks = static_cast<std::uint32_t>(t * 100);
  collectors::InterfaceSample i;
  i.index = 1;
  i.in_octets = in;
  i.out_octets = 0;
  s.interfaces.push_back(i);
  return s;
}

void Poll(Fleet& fleet, const std::string& ap, double t, std::optional<std::uint64_t> in) {
  for (const auto& e : fleet.aps()) {
    if (e->cfg.name != ap) continue;
    auto before = e->tracker.up();
    TrafficDelta d;
    if (in) {
      d = e->tracker.ApplySample(Sample(t, *in), "if-mib-32", 0.01);
    } else {
      e->tracker.ApplyFailure(t, 1.0);
    }
    fleet.RecordPoll(*e, before, d, t);
  }
}

const state::LocationSnapshot& Loc(const state::Snapshot& s, const std::string& name) {
  for (const auto& l : s.locations) {
    if (l.name == name) return l;
  }
  throw std::runtime_error("no location " + name);
}

TEST(Fleet, LocationTotalsAndStateSeconds) {
  Fleet fleet;
  auto added = fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"}
      - {name: st-2, address: "127.0.0.1:1002"})"));
  EXPECT_EQ(added.size(), 3u);
  Poll(fleet, "st-1", 100, 1000);
  Poll(fleet, "st-2", 100, 5000);
  Poll(fleet, "st-1", 110, 1500);          // +500
  Poll(fleet, "st-2", 110, std::nullopt);  // st-2 down from t=110: degraded
  Poll(fleet, "st-1", 130, 1600);          // +100
  fleet.ObserveLocations(140);
  const auto snap = fleet.BuildSnapshot();
  const auto& st = Loc(snap, "Stortorget");
  EXPECT_EQ(st.aps, 2);
  EXPECT_EQ(st.aps_up, 1);
  EXPECT_EQ(st.rx_bytes, 600u);
  EXPECT_DOUBLE_EQ(st.seconds_up, 10.0);        // 100..110
  EXPECT_DOUBLE_EQ(st.seconds_degraded, 30.0);  // 110..140
  EXPECT_DOUBLE_EQ(st.seconds_down, 0.0);
}

TEST(Fleet, ReloadKeepsCountersOfApsThatStayAndDropsRemovedOnes) {
  Fleet fleet;
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"}
      - {name: st-2, address: "127.0.0.1:1002"})"));
  Poll(fleet, "st-1", 100, 1000);
  Poll(fleet, "st-2", 100, 1000);
  Poll(fleet, "st-1", 110, 3000);
  Poll(fleet, "st-2", 110, 2000);
  // st-2 removed, st-3 added, st-1 unchanged.
  auto added = fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"}
      - {name: st-3, address: "127.0.0.1:1003"})"));
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0]->cfg.name, "st-3");
  Poll(fleet, "st-1", 120, 3500);
  const auto snap = fleet.BuildSnapshot();
  std::vector<std::string> names;
  for (const auto& ap : snap.aps) names.push_back(ap.name);
  EXPECT_EQ(names, (std::vector<std::string>{"st-1", "st-3", "park-1"}));
  EXPECT_EQ(snap.aps[0].rx_bytes, 2500u);  // 2000 + 500, nothing lost
  // The location total is monotonic: st-2's 1000 bytes stay counted.
  EXPECT_EQ(Loc(snap, "Stortorget").rx_bytes, 3500u);
}

TEST(Fleet, ChangedAddressKeepsTotalsButRebaselines) {
  Fleet fleet;
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"})"));
  Poll(fleet, "st-1", 100, 1000);
  Poll(fleet, "st-1", 110, 1400);
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1009"})"));
  Poll(fleet, "st-1", 120, 999999);  // another device's counter: baseline, not a spike
  Poll(fleet, "st-1", 130, 1000099);
  EXPECT_EQ(fleet.BuildSnapshot().aps[0].rx_bytes, 500u);
}

TEST(Fleet, LocationWithoutApsHasNoState) {
  Fleet fleet;
  fleet.Apply(config::LoadString(R"(
auths: {v2: {version: 2c}}
defaults: {auth: v2}
locations:
  - {name: Empty, kind: park, access_points: []}
)"));
  fleet.ObserveLocations(100);
  fleet.ObserveLocations(200);
  const auto snap = fleet.BuildSnapshot();
  const auto& l = Loc(snap, "Empty");
  EXPECT_EQ(l.aps, 0);
  EXPECT_EQ(l.seconds_up + l.seconds_degraded + l.seconds_down, 0.0);
}

TEST(Fleet, SnapshotRebuiltInPlaceCopiesChangedApsAndKeepsTheOthers) {
  // Only APs whose tracker changed since the last build are copied again; every kind of change
  // (a poll, a failure, a controller that cannot be asked) must show, and the location sums are
  // over all APs, copied or kept.
  Fleet fleet;
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"}
      - {name: st-2, address: "127.0.0.1:1002"})"));
  Poll(fleet, "st-1", 100, 1000);
  Poll(fleet, "st-2", 100, 5000);
  Poll(fleet, "park-1", 100, 7000);
  state::Snapshot snap;
  fleet.BuildSnapshot(snap);
  ASSERT_EQ(snap.aps.size(), 3u);
  ASSERT_EQ(snap.aps[1].name, "st-2");
  EXPECT_EQ(snap.aps[1].polls_total, 1u);

  Poll(fleet, "st-1", 110, 1500);  // +500
  fleet.BuildSnapshot(snap);
  EXPECT_EQ(snap.aps[0].rx_bytes, 500u);
  EXPECT_EQ(snap.aps[0].polls_total, 2u);
  EXPECT_EQ(snap.aps[1].polls_total, 1u);  // kept
  EXPECT_TRUE(snap.aps[1].up);
  EXPECT_EQ(Loc(snap, "Stortorget").aps_up, 2);

  Poll(fleet, "st-2", 110, std::nullopt);  // a failure
  fleet.BuildSnapshot(snap);
  EXPECT_FALSE(snap.aps[1].up);
  EXPECT_EQ(snap.aps[1].poll_failures_total, 1u);
  EXPECT_EQ(snap.aps[0].polls_total, 2u);
  EXPECT_EQ(Loc(snap, "Stortorget").aps_up, 1);

  // New text from a poll (a firmware upgrade), then the same text again: shown, and kept.
  collectors::ApSample upgraded = Sample(120, 2000);
  upgraded.system.sys_descr = "AP firmware 2.0";
  WifiFacts pro;
  pro.model = "UAP-AC-Pro";
  TrafficDelta d = fleet.aps()[0]->tracker.ApplySample(upgraded, "if-mib-32", 0.01, pro);
  fleet.RecordPoll(*fleet.aps()[0], true, d, 120);
  fleet.BuildSnapshot(snap);
  EXPECT_EQ(snap.aps[0].sys_descr, "AP firmware 2.0");
  EXPECT_EQ(snap.aps[0].model, "UAP-AC-Pro");
  upgraded.poll_time_seconds = 130;
  d = fleet.aps()[0]->tracker.ApplySample(upgraded, "if-mib-32", 0.01, pro);
  fleet.RecordPoll(*fleet.aps()[0], true, d, 130);
  fleet.BuildSnapshot(snap);
  EXPECT_EQ(snap.aps[0].sys_descr, "AP firmware 2.0");
  EXPECT_EQ(snap.aps[0].model, "UAP-AC-Pro");
  EXPECT_EQ(snap.aps[0].polls_total, 4u);
  d = fleet.aps()[0]->tracker.ApplySample(Sample(140, 2000), "if-mib-64", 0.01);
  fleet.RecordPoll(*fleet.aps()[0], true, d, 140);
  fleet.BuildSnapshot(snap);
  EXPECT_EQ(snap.aps[0].sys_descr, "");
  EXPECT_EQ(snap.aps[0].model, "");
  EXPECT_EQ(snap.aps[0].traffic_source, "if-mib-64");

  fleet.aps()[2]->tracker.MarkUnknown();
  fleet.BuildSnapshot(snap);
  EXPECT_FALSE(snap.aps[2].known);
  EXPECT_TRUE(snap.aps[0].known && snap.aps[0].up);

  // The same again from scratch: equal to the one kept up to date in place.
  const state::Snapshot fresh = fleet.BuildSnapshot();
  ASSERT_EQ(fresh.aps.size(), snap.aps.size());
  for (std::size_t i = 0; i < fresh.aps.size(); ++i) {
    EXPECT_EQ(fresh.aps[i].name, snap.aps[i].name);
    EXPECT_EQ(fresh.aps[i].known, snap.aps[i].known) << i;
    EXPECT_EQ(fresh.aps[i].up, snap.aps[i].up) << i;
    EXPECT_EQ(fresh.aps[i].rx_bytes, snap.aps[i].rx_bytes) << i;
    EXPECT_EQ(fresh.aps[i].polls_total, snap.aps[i].polls_total) << i;
    EXPECT_EQ(fresh.aps[i].poll_failures_total, snap.aps[i].poll_failures_total) << i;
    EXPECT_EQ(fresh.aps[i].last_poll_timestamp_seconds, snap.aps[i].last_poll_timestamp_seconds);
    EXPECT_EQ(fresh.aps[i].sys_descr, snap.aps[i].sys_descr) << i;
    EXPECT_EQ(fresh.aps[i].traffic_source, snap.aps[i].traffic_source) << i;
    EXPECT_EQ(fresh.aps[i].model, snap.aps[i].model) << i;
  }
  EXPECT_EQ(fresh.ap_labels, snap.ap_labels);
}

}  // namespace
}  // namespace surfzone::core

namespace surfzone::core {
namespace {

// Snapshots point at one copy of each AP's text; a change makes a new copy for later snapshots
// and leaves the ones already published as they were.
TEST(Fleet, SnapshotsShareTheApTextAndSeeChanges) {
  Fleet fleet;
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1001"})"));
  collectors::ApSample sample = Sample(100, 1000);
  sample.system.sys_descr = "Vendor AP firmware 1.0 with a long description";
  fleet.aps()[0]->tracker.ApplySample(sample, "if-mib-32", 0.01);
  const state::Snapshot first = fleet.BuildSnapshot();
  state::Snapshot second;
  fleet.BuildSnapshot(second);
  ASSERT_EQ(first.aps[0].name, "st-1");
  EXPECT_EQ(first.aps[0].sys_descr, "Vendor AP firmware 1.0 with a long description");
  EXPECT_TRUE(first.aps[0].name.SharesWith(second.aps[0].name));
  EXPECT_TRUE(first.aps[0].location.SharesWith(second.aps[0].location));
  EXPECT_TRUE(first.aps[0].address.SharesWith(second.aps[0].address));
  EXPECT_TRUE(first.aps[0].sys_descr.SharesWith(second.aps[0].sys_descr));

  sample = Sample(110, 2000);
  sample.system.sys_descr = "Vendor AP firmware 2.0";
  fleet.aps()[0]->tracker.ApplySample(sample, "if-mib-32", 0.01);
  fleet.Apply(Load(R"(      - {name: st-1, address: "127.0.0.1:1009"})"));
  fleet.BuildSnapshot(second);  // recycled: its fields are overwritten
  EXPECT_EQ(second.aps[0].sys_descr, "Vendor AP firmware 2.0");
  EXPECT_EQ(second.aps[0].address, "127.0.0.1:1009");
  EXPECT_EQ(first.aps[0].sys_descr, "Vendor AP firmware 1.0 with a long description");
  EXPECT_EQ(first.aps[0].address, "127.0.0.1:1001");
  EXPECT_TRUE(first.aps[0].name.SharesWith(second.aps[0].name));  // unchanged: still shared

  // Rebuilt in place with no config applied since: polled text still follows the AP.
  sample = Sample(120, 3000);
  sample.system.sys_descr = "Vendor AP firmware 3.0";
  fleet.aps()[0]->tracker.ApplySample(sample, "if-mib-32", 0.01);
  fleet.BuildSnapshot(second);
  EXPECT_EQ(second.aps[0].sys_descr, "Vendor AP firmware 3.0");
  EXPECT_EQ(second.aps[0].address, "127.0.0.1:1009");
  EXPECT_EQ(second.aps[0].name, "st-1");
}

}  // namespace
}  // namespace surfzone::core
