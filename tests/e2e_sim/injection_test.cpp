// Live fault injection through the simulator's API reaches the daemon: garbage and answers with
// a wrong request-id are dropped and counted, the daemon stays up, the other APs keep being polled.
#include <gtest/gtest.h>

#include "sim_process.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e_sim {
namespace {

using e2e::Surfzoned;
using e2e::ValueOr;
using testing::MetricsText;

double Dropped(const MetricsText& m, const char* reason) {
  return ValueOr(m, "surfzone_snmp_dropped_packets_total", {{"reason", reason}}, 0);
}

double Polls(const MetricsText& m, const std::string& ap) {
  return ValueOr(m, "surfzone_ap_polls_total", {{"ap", ap}}, 0);
}

bool Up(const MetricsText& m, const std::string& ap) {
  return ValueOr(m, "surfzone_ap_up", {{"ap", ap}}) == 1;
}

TEST(SimInjection, GarbageAndWrongRequestIdAreDroppedWhileOthersArePolled) {
  testing::TempDir dir;
  // speed 60: 3 real seconds of fault = 180 sim seconds.
  const SurfzoneSim sim(dir.path(), R"(
sim: {start: 2025-07-12T14:00:00, speed: 60}
locations:
  - {name: Stortorget, kind: square, aps: 3}
)",
                        {.ap_count = 3});
  Surfzoned daemon(dir.path(), sim.config_path());
  const std::vector<std::string> aps = {"stortorget-1", "stortorget-2", "stortorget-3"};
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) { return Up(s, aps[0]) && Up(s, aps[1]) && Up(s, aps[2]); }, 10s,
      &m));
  const double malformed0 = Dropped(m, "malformed");
  const double wrong_id0 = Dropped(m, "unknown_request_id");
  const double polls1 = Polls(m, aps[1]), polls2 = Polls(m, aps[2]);

  for (const auto& [kind, reason] :
       {std::pair{"garbage", "malformed"}, std::pair{"wrong_request_id", "unknown_request_id"}}) {
    SCOPED_TRACE(kind);
    const double before = Dropped(m, reason);
    sim.Inject(std::string("ap=stortorget-1&kind=") + kind + "&duration=180");
    // A poll that only gets unusable answers times out: the AP is down, the packets counted.
    ASSERT_TRUE(daemon.WaitFor(
        [&](const MetricsText& s) { return Dropped(s, reason) > before && !Up(s, aps[0]); }, 5s,
        &m))
        << "log:\n"
        << daemon.Log();
    EXPECT_TRUE(Up(m, aps[1]) && Up(m, aps[2])) << "the fault spread to other APs";
    // The fault ends after 3 real seconds; the AP answers again.
    ASSERT_TRUE(daemon.WaitFor([&](const MetricsText& s) { return Up(s, aps[0]); }, 8s, &m));
  }
  EXPECT_GT(Dropped(m, "malformed"), malformed0);
  EXPECT_GT(Dropped(m, "unknown_request_id"), wrong_id0);
  // About 6 s passed at 1 s intervals: the healthy APs were polled all along.
  EXPECT_GE(Polls(m, aps[1]) - polls1, 5);
  EXPECT_GE(Polls(m, aps[2]) - polls2, 5);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_poll_failures_total", {{"ap", aps[1]}}), 0);
  EXPECT_TRUE(daemon.process().Running());
  EXPECT_EQ(daemon.Status("/-/healthy"), 200);
  // The truth agrees: stortorget-1 had two unanswered windows, the others none.
  const auto truth = sim.Truth();
  EXPECT_EQ(ByName(truth.at("aps"), aps[0]).at("unanswered").as_array().size(), 2u);
  EXPECT_TRUE(ByName(truth.at("aps"), aps[1]).at("unanswered").as_array().empty());
}

}  // namespace
}  // namespace surfzone::e2e_sim
