// Sharding by location (shard.hpp): the hash is FNV-1a 64 and stable, every location lands in
// exactly one shard with all its APs, the split is balanced, and a controller whose APs are in
// several shards is polled by each of them but its own series and unassigned APs come from one.
#include "surfzone/core/shard.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/core/fleet.hpp"

namespace surfzone::core {
namespace {

TEST(Shard, HashIsFnv1a64) {
  // Published FNV-1a 64 test vectors (isthe.com/chongo/tech/comp/fnv).
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a64("foobar"), 0x85944171f73967e8ULL);
}

TEST(Shard, GoldenShardsOfLocationNames) {
  // Computed once with an independent FNV-1a implementation (Python); a change here moves
  // locations between the instances of every deployed region.
  EXPECT_EQ(Fnv1a64("Stortorget"), 0x37ffdd902ab68b64ULL);
  EXPECT_EQ(Fnv1a64("K\xc3\xa4rnan"), 0x5fc8faa538bcdde2ULL);  // "Kärnan", UTF-8 bytes
  const std::map<std::string, std::array<int, 3>> golden = {
      {"Stortorget", {1, 2, 5}},
      {"Sofiero slottspark", {2, 2, 8}},
      {"Norra hamnen", {1, 2, 1}},
      {"K\xc3\xa4rnan", {1, 1, 3}},
  };
  for (const auto& [name, shards] : golden) {
    EXPECT_EQ(ShardOf(name, 2), shards[0]) << name;
    EXPECT_EQ(ShardOf(name, 3), shards[1]) << name;
    EXPECT_EQ(ShardOf(name, 8), shards[2]) << name;
    EXPECT_EQ(ShardOf(name, 1), 1) << name;
  }
}

std::vector<std::string> GeneratedNames(int n) {
  static const char* kinds[] = {"torget", "parken", "hamnen", "gatan", "skolan"};
  std::vector<std::string> names;
  for (int i = 0; i < n; ++i) {
    names.push_back("Plats " + std::to_string(i) + " " + kinds[i % 5]);
  }
  return names;
}

// Shard sizes over generated names, for 2..8 shards. A hash spreads names like independent fair
// dice, so a shard's size is binomial: at 2,000 names its standard deviation is 1.7 % to 2.8 % of
// n; within 10 % of the fair share is guaranteed only with more names. So: every shard within
// 4 standard deviations at 2,000 names, and within 10 % at 20,000.
void ExpectBalanced(int names_count, double tolerance_of_fair, double max_sds) {
  const auto names = GeneratedNames(names_count);
  for (int count = 2; count <= 8; ++count) {
    std::vector<int> per_shard(static_cast<std::size_t>(count) + 1, 0);
    for (const auto& name : names) {
      const int shard = ShardOf(name, count);
      ASSERT_GE(shard, 1);
      ASSERT_LE(shard, count);
      ++per_shard[static_cast<std::size_t>(shard)];
    }
    const double fair = static_cast<double>(names_count) / count;
    const double sd = std::sqrt(names_count * (1.0 / count) * (1 - 1.0 / count));
    for (int i = 1; i <= count; ++i) {
      const double size = per_shard[static_cast<std::size_t>(i)];
      EXPECT_NEAR(size, fair, tolerance_of_fair * fair) << "shard " << i << "/" << count;
      EXPECT_NEAR(size, fair, max_sds * sd) << "shard " << i << "/" << count;
    }
  }
}

TEST(Shard, SplitOfTwoThousandNamesIsWithinFourStandardDeviations) { ExpectBalanced(2000, 1.0, 4); }

TEST(Shard, SplitOfTwentyThousandNamesIsWithinTenPercent) { ExpectBalanced(20000, 0.1, 5); }

config::Config LoadConfig(const std::string& yaml) {
  config::LoadOptions options;
  options.known_profiles = collectors::BuiltinProfileNames();
  options.controller_profiles = collectors::BuiltinControllerProfileNames();
  return config::LoadString(yaml, "<test>", options);
}

// 30 locations of 3 direct APs each; a controller with an AP in every third location.
config::Config Region() {
  std::string yaml = R"(
auths:
  v2: {version: 2c, community: public}
defaults: {auth: v2}
controllers:
  - {name: wlc, address: "127.0.0.1:2000", profile: aruba-instant}
locations:
)";
  int port = 3000;
  for (int l = 0; l < 30; ++l) {
    yaml +=
        "  - name: \"Location " + std::to_string(l) + "\"\n    kind: square\n    access_points:\n";
    for (int a = 0; a < 3; ++a) {
      yaml += "      - {name: \"ap-" + std::to_string(l) + "-" + std::to_string(a) +
              "\", address: \"127.0.0.1:" + std::to_string(port++) + "\"}\n";
    }
    if (l % 3 == 0) {
      yaml += "      - {name: \"managed-" + std::to_string(l) + "\", controller: wlc}\n";
    }
  }
  return LoadConfig(yaml);
}

TEST(Shard, EveryLocationLandsInExactlyOneShardWithAllItsAps) {
  const config::Config region = Region();
  for (int count = 1; count <= 5; ++count) {
    std::map<std::string, int> seen;  // location -> shards holding it
    int home_shards = 0, polling_shards = 0;
    for (int index = 1; index <= count; ++index) {
      const ShardedConfig mine = FilterShard(region, {index, count});
      for (const auto& loc : mine.config.locations) {
        ++seen[loc.name];
        EXPECT_EQ(ShardOf(loc.name, count), index);
        const auto original = std::find_if(region.locations.begin(), region.locations.end(),
                                           [&](const auto& l) { return l.name == loc.name; });
        ASSERT_NE(original, region.locations.end());
        EXPECT_EQ(loc, *original) << "a location is kept whole, APs and all";
      }
      EXPECT_EQ(mine.config.auths, region.auths);
      EXPECT_EQ(mine.config.defaults, region.defaults);
      if (!mine.config.controllers.empty()) {
        ++polling_shards;
        ASSERT_EQ(mine.controllers.size(), 1u);
        if (mine.controllers.at("wlc").home) ++home_shards;
      }
    }
    EXPECT_EQ(seen.size(), region.locations.size()) << count << " shards";
    for (const auto& [name, shards] : seen) EXPECT_EQ(shards, 1) << name;
    EXPECT_EQ(home_shards, 1) << "one shard exports the controller's own series";
    EXPECT_GE(polling_shards, 1);
  }
}

TEST(Shard, ControllerIsPolledByEveryShardWithOneOfItsLocations) {
  const config::Config region = Region();
  const int count = 4;
  std::set<std::string> managed_everywhere;
  for (int index = 1; index <= count; ++index) {
    const ShardedConfig mine = FilterShard(region, {index, count});
    std::set<std::string> managed_here;
    for (const auto& loc : mine.config.locations) {
      for (const auto& ap : loc.access_points) {
        if (!ap.controller.empty()) managed_here.insert(ap.name);
      }
    }
    const bool home = ShardOf("wlc", count) == index;
    if (managed_here.empty() && !home) {
      EXPECT_TRUE(mine.config.controllers.empty()) << "shard " << index;
      continue;
    }
    ASSERT_EQ(mine.config.controllers.size(), 1u) << "shard " << index;
    const ControllerShardRole& role = mine.controllers.at("wlc");
    EXPECT_EQ(role.home, home);
    // Foreign: exactly the controller's APs configured in other shards.
    for (int l = 0; l < 30; l += 3) {
      const std::string ap = "managed-" + std::to_string(l);
      EXPECT_EQ(role.foreign_names.contains(ap), !managed_here.contains(ap)) << ap;
    }
    managed_everywhere.insert(managed_here.begin(), managed_here.end());
  }
  EXPECT_EQ(managed_everywhere.size(), 10u);
}

TEST(Shard, ParseShardText) {
  EXPECT_EQ(config::ParseShard("1/2"), (config::Shard{1, 2}));
  EXPECT_EQ(config::ParseShard("8/8"), (config::Shard{8, 8}));
  EXPECT_EQ(config::ParseShard("1/1"), (config::Shard{1, 1}));
  for (const char* bad :
       {"", "1", "0/2", "3/2", "1/0", "-1/2", "1/ 2", "1/2x", "a/b", "1//2", "1/2000"}) {
    EXPECT_FALSE(config::ParseShard(bad).has_value()) << bad;
  }
}

// The fleet side: a shard that is not the controller's home ignores the rows of APs configured
// elsewhere, exports no controller series and no unassigned APs; the home shard does.
config::Config TwoLocationsOneController() {
  return LoadConfig(R"(
auths:
  v2: {version: 2c, community: public}
defaults: {auth: v2}
controllers:
  - {name: wlc, address: "127.0.0.1:2000", profile: aruba-instant}
locations:
  - name: Stortorget
    kind: square
    access_points:
      - {name: here, controller: wlc}
  - name: Sofiero slottspark
    kind: park
    access_points:
      - {name: there, controller: wlc, mac: "00:00:00:00:00:02"}
)");
}

collectors::ApSample RowsOfThreeAps() {
  collectors::ApSample s;
  s.poll_time_seconds = 100;
  s.wifi.controller = true;
  const std::pair<const char*, const char*> rows[] = {{"00:00:00:00:00:01", "here"},
                                                      {"00:00:00:00:00:02", "renamed"},
                                                      {"00:00:00:00:00:03", "stray"}};
  for (const auto& [mac, name] : rows) {
    collectors::ManagedAp row;
    row.key = row.mac = mac;
    row.name = name;
    row.up = true;
    s.wifi.aps.push_back(row);
    collectors::RadioRow r;
    r.ap = mac;
    r.radio = "0";
    r.band = "5GHz";
    r.clients = 2;
    r.rx_bytes = 0;
    r.tx_bytes = 0;
    s.wifi.radios.push_back(r);
  }
  return s;
}

TEST(Shard, FleetExportsOnlyItsShardsApsOfASharedController) {
  const config::Config region = TwoLocationsOneController();
  // Golden: Stortorget is in 1/2, Sofiero slottspark in 2/2.
  ASSERT_EQ(ShardOf("Stortorget", 2), 1);
  ASSERT_EQ(ShardOf("Sofiero slottspark", 2), 2);
  const int home = ShardOf("wlc", 2);
  std::map<std::string, int> ap_exported;  // AP name -> shards exporting it
  int controller_exported = 0;
  std::uint64_t clients_total = 0;
  for (int index = 1; index <= 2; ++index) {
    const ShardedConfig mine = FilterShard(region, {index, 2});
    Fleet fleet;
    fleet.Apply(mine.config, mine.controllers);
    ASSERT_EQ(fleet.controllers().size(), 1u) << "both shards have one of its locations";
    ApEntry& wlc = *fleet.controllers().front();
    fleet.ApplyControllerSample(wlc, RowsOfThreeAps(), 0.1, 100);
    const state::Snapshot snap = fleet.BuildSnapshot();
    for (const auto& ap : snap.aps) ++ap_exported[ap.name.str()];
    controller_exported += static_cast<int>(snap.controllers.size());
    for (const auto& c : snap.controllers) {
      // Its own total covers every AP it reports, whichever shard places it.
      EXPECT_EQ(c.clients, 6u);
      EXPECT_EQ(c.aps_up, 3);
    }
    for (const auto& l : snap.locations) clients_total += l.clients.value_or(0);
    EXPECT_EQ(wlc.shard_role.home, index == home);
    EXPECT_EQ(wlc.controller_view.unassigned.size(), index == home ? 1u : 0u);
  }
  EXPECT_EQ(ap_exported, (std::map<std::string, int>{{"here", 1}, {"there", 1}, {"stray", 1}}));
  EXPECT_EQ(controller_exported, 1);
  EXPECT_EQ(clients_total, 6u) << "summed over shards, every client counted once";
}

}  // namespace
}  // namespace surfzone::core
