// surfzoned's traffic of UniFi APs (profile unifi, `traffic: vap`: the sum of the VAP table's
// 32-bit unifiVapRxBytes/unifiVapTxBytes, unwrapped) against the simulator's truth, through
// Counter32 wraps and a reboot.
//
// Speed. A VAP carries at most round(1.2 x capacity) clients (occupancy <= 1, noise < 1.2;
// traffic_model.hpp) at most 60 kB/s each (tx on 5 GHz; rx at most 12 kB/s): with capacity 40
// that is 48 x 60,000 = 2.88 MB per simulated second, so 2^32 bytes take at least 1,491 sim s.
// At kSpeed = 600 and 1 s polls a VAP counter moves at most 600 x 2.88e6 = 1.73e9 bytes between
// two polls, less than half of 2^32: even a poll late by a whole interval (1,200 sim s, 3.46e9)
// sees at most one wrap, which the daemon's unwrapping recovers. Over the 12,000 sim s span the
// busiest VAPs carry more than 2^32 bytes, so their counters do wrap (checked below).
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "sim_process.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e_sim {
namespace {

using e2e::Surfzoned;
using e2e::ValueOr;
using testing::MetricsText;

constexpr double kSpeed = 600;      // sim seconds per real second
constexpr double kInterval = 1.0;   // real seconds (daemon config)
constexpr double kTimeout = 0.3;    // real seconds (daemon config)
constexpr double kSpanEnd = 12000;  // sim seconds after start: end of the observed span
constexpr double kTwoPow32 = 4294967296.0;

// Saturday 13:00 in July: busy. Capacity 40 everywhere (see the speed bound above).
constexpr const char* kFleet = R"(
sim: {start: 2025-07-12T13:00:00, speed: 600}
locations:
  - {name: Stortorget, kind: square, capacity: 40, aps: 3}
  - {name: Hamnen, kind: harbour, capacity: 40, aps: 2}
faults:
  - {ap: stortorget-2, kind: reboot, at: 4000}
)";

const std::vector<std::string> kAps = {"stortorget-1", "stortorget-2", "stortorget-3", "hamnen-1",
                                       "hamnen-2"};
const std::vector<std::string> kLocations = {"Stortorget", "Hamnen"};

bool AllUp(const MetricsText& m, double want) {
  for (const auto& ap : kAps) {
    if (ValueOr(m, "surfzone_ap_up", {{"ap", ap}}) != want) return false;
  }
  return true;
}

TEST(SimUnifiTraffic, VapCountersMatchTheModelThroughWrapsAndAReboot) {
  testing::TempDir dir;
  const SurfzoneSim sim(dir.path(), kFleet, {.ap_count = kAps.size(), .profiles = "vendor"});
  const double start = Num(sim.Truth().at("sim_start"));
  ASSERT_DOUBLE_EQ(sim.speed(), kSpeed);
  Surfzoned daemon(dir.path(), sim.config_path());
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor([](const MetricsText& s) { return AllUp(s, 1); }, 10s, &m))
      << "not every AP answered; log:\n"
      << daemon.Log();
  ASSERT_LT(sim.SimNow(), start + 4000 - 3 * kInterval * kSpeed)
      << "start-up took too long for the schedule";
  for (const auto& ap : kAps) {
    // The traffic really comes from the 32-bit VAP counters.
    EXPECT_TRUE(
        m.Has("surfzone_ap_info", {{"ap", ap}, {"profile", "unifi"}, {"traffic_source", "vap-32"}}))
        << ap;
  }

  // Freeze the truth at the end of the span: no AP answers any more, so the simulator's last
  // answer is the daemon's last successful poll once the daemon has marked every AP down.
  ASSERT_TRUE(sim.WaitUntilSim(start + kSpanEnd, 30s));
  for (const auto& loc : kLocations) sim.Inject("location=" + loc + "&kind=down&duration=1e6");
  ASSERT_TRUE(daemon.WaitFor([](const MetricsText& s) { return AllUp(s, 0); }, 5s, &m));
  const MetricsText final_metrics = daemon.Scrape();
  const auto truth = sim.Truth("wraps=1");

  int vap_wraps = 0;
  std::map<std::string, double> location_tolerance;  // sums of the AP tolerances
  for (const auto& name : kAps) {
    SCOPED_TRACE(name);
    const auto& t = ByName(truth.at("aps"), name);
    ASSERT_TRUE(t.contains("first_answered_at"));
    ASSERT_TRUE(t.contains("vap_counter32_wraps"));
    const double first = Num(t.at("first_answered_at"));
    const double last = Num(t.at("last_answered_at"));
    const int reboots = static_cast<int>(Num(t.at("reboots")));
    EXPECT_EQ(reboots, name == "stortorget-2" ? 1 : 0);
    EXPECT_EQ(ValueOr(final_metrics, "surfzone_ap_reboots_total", {{"ap", name}}), reboots);
    vap_wraps += static_cast<int>(Num(t.at("vap_counter32_wraps")));
    // Precondition: each AP sends more than 2^32 bytes over the span (its busiest VAP carries
    // most of that).
    EXPECT_GT(Num(t.at("tx_bytes_since_first_answer")), kTwoPow32);
    for (const char* direction : {"rx", "tx"}) {
      const double want = Num(t.at(std::string(direction) + "_bytes_since_first_answer"));
      const double got = ValueOr(final_metrics, "surfzone_ap_traffic_bytes_total",
                                 {{"ap", name}, {"direction", direction}});
      const double rate = want / (last - first);
      // Without a reboot only the skew inside the first and the last poll remains (the first
      // answer is the poll's first request, the VAP table comes a few requests later): far below
      // one timeout of sim time. A reboot hides the bytes between the last poll before it and
      // the reboot (ap_model.hpp): at most one interval (plus a late poll, and the rate then may
      // exceed the average: two intervals allowed, as in ground_truth_test.cpp). The polls' phase
      // is set by the start-up delay, which barely varies, so that loss is about the same in every
      // run (about a whole interval, 5.3 %, when this was written; rx and tx lose the same
      // fraction because both are proportional to the clients).
      const double tolerance =
          reboots == 0 ? rate * kTimeout * kSpeed : rate * kInterval * kSpeed * (1 + reboots);
      location_tolerance[std::string(t.at("location").as_string()) + direction] += tolerance;
      EXPECT_NEAR(got, want, tolerance) << direction << ": daemon " << got << ", truth " << want;
      std::printf("%-14s %s truth %14.0f daemon %14.0f diff %+12.0f (%.4f%%) tol %12.0f\n",
                  name.c_str(), direction, want, got, got - want, 100 * (got - want) / want,
                  tolerance);
    }
    std::printf("%-14s VAP counter32 wraps %d\n", name.c_str(),
                static_cast<int>(Num(t.at("vap_counter32_wraps"))));
  }
  // The VAP counters really wrapped (4 wraps over the five APs when this was written). A wrap
  // taken for a reset loses the bytes since the poll before it (checked: treating the VAP
  // counters as 64-bit fails 3 of these 4 APs), a wrap not seen at all loses 2^32 bytes.
  EXPECT_GE(vap_wraps, 1);

  for (const auto& loc : kLocations) {
    const auto& t = ByName(truth.at("locations"), loc);
    for (const char* direction : {"rx", "tx"}) {
      const double want = Num(t.at(std::string(direction) + "_bytes_since_first_answer"));
      const double got = ValueOr(final_metrics, "surfzone_location_traffic_bytes_total",
                                 {{"location", loc}, {"direction", direction}});
      EXPECT_NEAR(got, want, location_tolerance[loc + direction]) << loc << " " << direction;
    }
  }
}

}  // namespace
}  // namespace surfzone::e2e_sim
