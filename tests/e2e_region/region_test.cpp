// A region end to end, everything on 127.0.0.1 and started here:
//
//   surfzone-sim (10 locations, 40 APs, 8 of them behind a Cisco WLC in two locations)
//     <-SNMP-  surfzoned --shard=1/2 (replicas a and b), surfzoned --shard=2/2 (replica a),
//              surfzoned unsharded (the reference)
//     <-scrape-  one Prometheus agent per sharded surfzoned (deploy/prometheus/region/agent.yml)
//     -remote_write->  VictoriaMetrics with the shipped relabel config and -dedup.minScrapeInterval
//
// Checked: the shards' locations are disjoint and together the simulator's; per-location AP
// counts and city-wide APs up and clients in the store equal the simulator's truth and the
// unsharded instance; the two replicas of shard 1 expose the same series; in the store they are
// deduplicated into as many fleet series as one replica exposes, with one sample per dedup
// interval; and killing replica a of shard 1 leaves no gap in shard 1's stored series.
//
// Location names were chosen so that the split is 6/4 and the controller's two locations fall
// in different shards (FNV-1a 64 of the name, see daemon/core/include/surfzone/core/shard.hpp);
// the shards are computed here with core::ShardOf and compared with what the daemons export.
#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "region_servers.hpp"
#include "sim_process.hpp"
#include "surfzone/core/shard.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::region_test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using deploy_test::ReadText;
using e2e::Surfzoned;
using e2e_sim::SurfzoneSim;
using testing::MetricsText;

const std::string kSource = SURFZONE_SOURCE_DIR;
constexpr int kAps = 40;

// Speed 1: clients change once a simulated (= real) minute, so truth and store can be compared.
constexpr const char* kFleet = R"(
sim: {start: 2025-07-12T13:00:00, speed: 1}
controllers:
  - {name: wlc-1, vendor: cisco-wlc}
locations:
  - {name: Stortorget, kind: square, aps: 4}
  - {name: Hamnen, kind: harbour, aps: 4}
  - {name: Slottshagen, kind: park, aps: 4}
  - {name: Fredriksdal, kind: park, aps: 4, controller: wlc-1}
  - {name: Stadsbiblioteket, kind: building, aps: 4}
  - {name: Kungstorget, kind: square, aps: 4}
  - {name: Sofiero slottspark, kind: park, aps: 4, controller: wlc-1}
  - {name: Norra hamnen, kind: harbour, aps: 4}
  - {name: Tropikariet, kind: building, aps: 4}
  - {name: Råå vallar, kind: park, aps: 4}
)";
constexpr std::size_t kAgents = 33;  // 32 direct APs + the controller

double WallNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// label value -> sample value of an instant vector.
std::map<std::string, double> ByLabel(const PromResult& r, const std::string& label) {
  std::map<std::string, double> out;
  if (!r.ok) return out;
  for (const auto& item : r.data.as_object().at("result").as_array()) {
    const auto& metric = item.at("metric").as_object();
    const std::string key = metric.contains(label) ? std::string(metric.at(label).as_string()) : "";
    out[key] = std::stod(std::string(item.at("value").as_array().at(1).as_string()));
  }
  return out;
}

// The single value of a one-sample instant vector; -1 if there is not exactly one.
double Scalar(const PromResult& r) {
  const auto values = ByLabel(r, "__none__");
  return values.size() == 1 && r.Count() == 1 ? values.begin()->second : -1;
}

template <class Pred>
bool WaitUntil(Pred pred, std::chrono::milliseconds limit) {
  const auto deadline = Clock::now() + limit;
  while (Clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(250ms);
  }
  return pred();
}

// Every sample's name and labels: the series a scrape would create.
std::set<std::string> SeriesKeys(const MetricsText& m, const std::string& prefix) {
  std::set<std::string> out;
  for (const auto& s : m.samples()) {
    if (s.name.rfind(prefix, 0) == 0) out.insert(testing::Describe(s.name, s.labels));
  }
  return out;
}

// The fleet families (surfzone_(ap|location|controller|ssid)_*, surfzone_shard_info): the ones
// the replicas of a shard share; the shipped relabel config drops `replica` from exactly these.
bool IsFleetSeries(const std::string& name) {
  for (const char* p : {"surfzone_ap_", "surfzone_location_", "surfzone_controller_",
                        "surfzone_ssid_", "surfzone_shard_info"}) {
    if (name.rfind(p, 0) == 0) return true;
  }
  return false;
}

std::size_t FleetSeriesCount(const MetricsText& m) {
  std::size_t n = 0;
  for (const auto& s : m.samples()) n += IsFleetSeries(s.name) ? 1 : 0;
  return n;
}

constexpr const char* kFleetSelector =
    R"({__name__=~"surfzone_(ap|location|controller|ssid)_.+|surfzone_shard_info"})";

struct Region {
  testing::TempDir dir;
  std::unique_ptr<SurfzoneSim> sim;
  std::unique_ptr<Surfzoned> shard1a, shard1b, shard2a, whole;
  std::unique_ptr<VictoriaMetrics> store;
  std::unique_ptr<PrometheusAgent> agent1a, agent1b, agent2a;
  std::string truth_json;

  Region() {
    sim = std::make_unique<SurfzoneSim>(dir.path(), kFleet,
                                        e2e_sim::SimRunOptions{.ap_count = kAgents});
    const std::string cfg = sim->config_path();
    // Each with its own log directory; all handed the same inventory.
    auto daemon = [&](const std::string& name, std::vector<std::string> args) {
      const std::string log_dir = dir.path() + "/" + name;
      std::filesystem::create_directories(log_dir);
      return std::make_unique<Surfzoned>(log_dir, cfg, std::move(args));
    };
    shard1a = daemon("shard-1a", {"--shard=1/2"});
    shard1b = daemon("shard-1b", {"--shard=1/2"});
    shard2a = daemon("shard-2a", {"--shard=2/2"});
    whole = daemon("unsharded", {});
    store = std::make_unique<VictoriaMetrics>(
        dir.path(), kSource + "/deploy/prometheus/region/victoria-metrics-relabel.yml", "1s");
    const std::string shipped = ReadText(kSource + "/deploy/prometheus/region/agent.yml");
    auto agent = [&](const char* name, int shard, const char* replica, const Surfzoned& d) {
      return std::make_unique<PrometheusAgent>(
          dir.path(), name,
          AgentConfigForTest(shipped, {.shard = shard,
                                       .replica = replica,
                                       .surfzoned_port = d.port(),
                                       .store_port = store->port()}));
    };
    agent1a = agent("agent-1a", 1, "a", *shard1a);
    agent1b = agent("agent-1b", 1, "b", *shard1b);
    agent2a = agent("agent-2a", 2, "a", *shard2a);
  }

  std::string Logs() const {
    return "--- victoria-metrics:\n" + store->Log().substr(0, 10000) + "\n--- agent-1a:\n" +
           (agent1a ? agent1a->Log().substr(0, 10000) : "") + "\n--- shard 1a:\n" +
           shard1a->Log().substr(0, 10000);
  }
};

// Every AP the daemon polls is known (up or down) and a cycle is complete.
bool Settled(const MetricsText& m) {
  return m.Sum("surfzone_location_aps") > 0 && m.Sum("surfzone_location_aps_unknown") == 0 &&
         m.Sum("surfzone_poll_cycles_total") >= 1;
}

TEST(RegionE2e, ShardsReplicasAndStoreAddUpToTheSimulatorsTruth) {
  const auto test_start = Clock::now();
  Region region;
  for (Surfzoned* d :
       {region.shard1a.get(), region.shard1b.get(), region.shard2a.get(), region.whole.get()}) {
    MetricsText last;
    ASSERT_TRUE(d->WaitFor(Settled, 30s, &last)) << d->Log().substr(0, 20000);
  }

  // --- The truth: locations, their AP counts, every AP up (no faults).
  const boost::json::value truth = region.sim->Truth();
  std::map<std::string, double> truth_aps;
  double truth_up = 0;
  for (const auto& l : truth.at("locations").as_array()) {
    truth_aps[std::string(l.at("name").as_string())] = e2e_sim::Num(l.at("aps"));
    truth_up += e2e_sim::Num(l.at("aps_up"));
  }
  ASSERT_EQ(truth_aps.size(), 10u);
  ASSERT_EQ(truth_up, kAps);

  // --- The daemons themselves: shard info, disjoint locations, identical replicas.
  const MetricsText m1a = region.shard1a->Scrape();
  const MetricsText m1b = region.shard1b->Scrape();
  const MetricsText m2a = region.shard2a->Scrape();
  const MetricsText mw = region.whole->Scrape();
  EXPECT_EQ(m1a.Get("surfzone_shard_info", {{"shard", "1"}, {"shards", "2"}}), 1);
  EXPECT_EQ(m2a.Get("surfzone_shard_info", {{"shard", "2"}, {"shards", "2"}}), 1);
  EXPECT_EQ(mw.Get("surfzone_shard_info", {{"shard", "1"}, {"shards", "1"}}), 1);
  std::map<std::string, int> shard_of;  // location -> shard exporting it
  for (const auto& [m, shard] : {std::pair{&m1a, 1}, std::pair{&m2a, 2}}) {
    for (const auto* s : m->Find("surfzone_location_aps")) {
      const std::string& loc = s->labels.at("location");
      EXPECT_FALSE(shard_of.contains(loc)) << loc << " is in both shards";
      shard_of[loc] = shard;
      EXPECT_EQ(shard, core::ShardOf(loc, 2)) << loc;
      EXPECT_EQ(s->value, truth_aps[loc]) << loc;
    }
  }
  EXPECT_EQ(shard_of.size(), truth_aps.size());
  std::size_t in_shard_1 = 0;
  for (const auto& [loc, aps] : truth_aps) in_shard_1 += core::ShardOf(loc, 2) == 1 ? 1 : 0;
  EXPECT_EQ(in_shard_1, 6u) << "the fleet above is meant to split 6/4";
  EXPECT_EQ(m1a.Find("surfzone_location_aps").size(), in_shard_1);
  EXPECT_EQ(m2a.Find("surfzone_location_aps").size(), truth_aps.size() - in_shard_1);
  EXPECT_EQ(m1a.Sum("surfzone_location_aps_up") + m2a.Sum("surfzone_location_aps_up"), kAps);
  // wlc-1 (home shard 2) is exported once, by shard 2; no AP of it shows up as unassigned.
  EXPECT_EQ(core::ShardOf("wlc-1", 2), 2);
  EXPECT_FALSE(m1a.Has("surfzone_controller_up"));
  EXPECT_EQ(m2a.Get("surfzone_controller_up", {{"controller", "wlc-1"}}), 1);
  EXPECT_FALSE(m1a.Has("surfzone_ap_up", {{"location", "unassigned"}}));
  EXPECT_FALSE(m2a.Has("surfzone_ap_up", {{"location", "unassigned"}}));
  // HA: the replicas of shard 1 expose exactly the same series (values may differ by a poll).
  EXPECT_EQ(SeriesKeys(m1a, "surfzone_"), SeriesKeys(m1b, "surfzone_"));

  // --- The store: data from all three agents, `replica` gone from the fleet series only.
  VictoriaMetrics& vm = *region.store;
  ASSERT_TRUE(WaitUntil(
      [&] {
        return Scalar(vm.Query("sum(surfzone_location_aps_up)")) == kAps &&
               vm.Query("count by (replica) (surfzone_poll_cycles_total)").Count() == 2;
      },
      40s))
      << vm.Query("sum(surfzone_location_aps_up)").error << region.Logs();
  EXPECT_EQ(vm.Query(R"(count({__name__=~"surfzone_(ap|location)_.+", replica!=""}))").Count(), 0u);
  EXPECT_EQ(
      ByLabel(vm.Query(R"(count by (replica) (surfzone_poll_cycles_total{shard="1"}))"), "replica"),
      (std::map<std::string, double>{{"a", 1}, {"b", 1}}))
      << "each replica's own health stays visible";

  // No location in two shards; the union is the simulator's; per-location APs exact.
  const auto shards_per_location =
      ByLabel(vm.Query("count by (location) (count by (location, shard) (surfzone_location_aps))"),
              "location");
  EXPECT_EQ(shards_per_location.size(), truth_aps.size());
  for (const auto& [loc, shards] : shards_per_location) {
    EXPECT_TRUE(truth_aps.contains(loc)) << loc;
    EXPECT_EQ(shards, 1) << loc;
  }
  EXPECT_EQ(ByLabel(vm.Query("sum by (location) (surfzone_location_aps)"), "location"), truth_aps);
  // City-wide APs up: store = truth = the unsharded instance.
  EXPECT_EQ(Scalar(vm.Query("sum(surfzone_location_aps_up)")), truth_up);
  EXPECT_EQ(mw.Sum("surfzone_location_aps_up"), truth_up);

  // City-wide clients: the store against the truth and the unsharded instance, read within one
  // simulated minute (truth read before and after show the same total).
  auto truth_clients = [&] {
    double sum = 0;
    const boost::json::value clients = region.sim->ClientsTruth();  // outlives the loop
    for (const auto& l : clients.at("locations").as_array()) {
      sum += e2e_sim::Num(l.at("clients").at("total"));
    }
    return sum;
  };
  double stored = -1, before = -2, after = -3, unsharded = -4;
  EXPECT_TRUE(WaitUntil(
      [&] {
        before = truth_clients();
        stored = Scalar(vm.Query("sum(surfzone_location_clients)"));
        unsharded = region.whole->Scrape().Sum("surfzone_location_clients");
        after = truth_clients();
        return before == after && stored == before && unsharded == before;
      },
      70s))
      << "truth " << before << "/" << after << ", store " << stored << ", unsharded " << unsharded;
  EXPECT_GT(stored, 0);

  // Deduplicated: as many fleet series of shard 1 in the store as one replica exposes, and one
  // sample per -dedup.minScrapeInterval (1 s), not two, although two agents write them.
  double stored_series = 0, replica_series = 0;
  const std::string count_shard_1 =
      "count(" + std::string(kFleetSelector).insert(1, "shard=\"1\",") + ")";
  EXPECT_TRUE(WaitUntil(
      [&] {
        replica_series = static_cast<double>(FleetSeriesCount(region.shard1a->Scrape()));
        stored_series = Scalar(vm.Query(count_shard_1));
        return stored_series == replica_series;
      },
      20s))
      << "store " << stored_series << ", one replica " << replica_series << "; " << count_shard_1
      << ": " << vm.Query(count_shard_1).error;
  // Once shard 2 (one agent, 1 s scrapes) has a full 10 s window: shard 1 has no more samples
  // in it, although two agents write it.
  double samples_1 = -1, samples_2 = -1;
  EXPECT_TRUE(WaitUntil(
      [&] {
        const double at = WallNow() - 1;
        samples_2 = Scalar(vm.Query(R"(count_over_time(surfzone_shard_info{shard="2"}[10s]))", at));
        samples_1 = Scalar(vm.Query(R"(count_over_time(surfzone_shard_info{shard="1"}[10s]))", at));
        return samples_2 >= 9;
      },
      20s))
      << "shard 2 has " << samples_2 << " samples in 10 s";
  EXPECT_GE(samples_1, samples_2 - 2) << "replica samples in the window";
  EXPECT_LE(samples_1, samples_2 + 2) << "two replicas, deduplicated to one sample per second";

  // --- One replica killed mid-run: shard 1's series go on without a gap (replica b).
  int shard1_aps = 0;
  for (const auto& [loc, aps] : truth_aps) {
    if (core::ShardOf(loc, 2) == 1) shard1_aps += static_cast<int>(aps);
  }
  const double killed_at = WallNow();
  region.shard1a->process().Stop();
  region.agent1a->Stop();
  // Ten seconds of replica b alone (the window the range query below inspects).
  WaitUntil([&] { return WallNow() > killed_at + 10; }, 15s);
  const PromResult range =
      vm.QueryRange(R"(sum(surfzone_location_aps{shard="1"}))", killed_at - 5, WallNow() - 1, 1);
  ASSERT_TRUE(range.ok) << range.error;
  const auto& result = range.data.as_object().at("result").as_array();
  ASSERT_EQ(result.size(), 1u);
  const auto& points = result.at(0).at("values").as_array();
  EXPECT_GE(points.size(), 13u) << "a point every second across the kill";
  double prev = 0;
  for (const auto& p : points) {
    const double t = e2e_sim::Num(p.as_array().at(0));
    EXPECT_EQ(p.as_array().at(1).as_string(), std::to_string(shard1_aps))
        << "at " << t - killed_at << " s";
    if (prev > 0) {
      EXPECT_LE(t - prev, 1.001) << "gap at " << t - killed_at << " s";
    }
    prev = t;
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - test_start).count();
  std::printf("region e2e: %.0f fleet series per replica of shard 1, %.0f s\n", replica_series,
              elapsed);
}

}  // namespace
}  // namespace surfzone::region_test
