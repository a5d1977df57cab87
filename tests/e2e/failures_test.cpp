// Unreachable access points (nothing listening, or a socket that never answers) next to a live
// one: the live one keeps its schedule, the dead ones are down, their locations degraded/down.
#include <gtest/gtest.h>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"
#include "udp_peer.hpp"

namespace surfzone::e2e {
namespace {

using testing::Snmpd;
using testing::TempDir;

TEST(E2eFailures, DeadAndBlackHoledApsDoNotStallLiveOnes) {
  TempDir dir;
  Snmpd live;
  UdpPeer black_hole(UdpPeer::Mode::kBlackHole);
  const std::string dead_address = "127.0.0.1:" + std::to_string(testing::FreeUdpPort());
  const std::string config = dir.Write(
      "surfzone.yaml",
      ConfigYaml({{.name = "Mixed",
                   .kind = "park",
                   .aps = {{.name = "live", .address = live.address()},
                           {.name = "dead", .address = dead_address, .auth = kAuthV2Secret}}},
                  {.name = "Dark",
                   .kind = "street",
                   .aps = {{.name = "black-hole",
                            .address = black_hole.address(),
                            .auth = kAuthV2Secret}}}},
                 {.interval = "1s", .timeout = "800ms", .retries = 1}));
  Surfzoned daemon(dir.path(), config);

  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) { return ValueOr(s, "surfzone_ap_polls_total", Ap("live")) >= 1; },
      5s, &m))
      << daemon.ScrapeText() << daemon.Log();
  const double live_polls = ValueOr(m, "surfzone_ap_polls_total", Ap("live"));
  const double degraded = ValueOr(m, "surfzone_location_state_seconds_total",
                                  {{"location", "Mixed"}, {"state", "degraded"}}, 0);
  const double down = ValueOr(m, "surfzone_location_state_seconds_total",
                              {{"location", "Dark"}, {"state", "down"}}, 0);

  // At 1 poll/s the live AP does >= 4 more polls in 6 s, though every poll of the others
  // takes 1.6 s to time out.
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("live")) >= live_polls + 4;
      },
      6s, &m))
      << "live polls went from " << live_polls << " to "
      << ValueOr(m, "surfzone_ap_polls_total", Ap("live")) << " in 6 s\n"
      << daemon.Log();

  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("live")), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_poll_failures_total", Ap("live")), 0);
  for (const std::string ap : {"dead", "black-hole"}) {
    SCOPED_TRACE(ap);
    EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap(ap)), 0);
    EXPECT_GT(ValueOr(m, "surfzone_ap_poll_failures_total", Ap(ap)), 0);
    EXPECT_GE(ValueOr(m, "surfzone_ap_polls_total", Ap(ap)),
              ValueOr(m, "surfzone_ap_poll_failures_total", Ap(ap)));
  }
  EXPECT_GE(black_hole.received(), 2) << "one request and one retry at least";
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps", {{"location", "Mixed"}}), 2);
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps_up", {{"location", "Mixed"}}), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps_up", {{"location", "Dark"}}), 0);
  EXPECT_GT(ValueOr(m, "surfzone_location_state_seconds_total",
                    {{"location", "Mixed"}, {"state", "degraded"}}),
            degraded);
  EXPECT_GT(ValueOr(m, "surfzone_location_state_seconds_total",
                    {{"location", "Dark"}, {"state", "down"}}),
            down);
  EXPECT_GT(ValueOr(m, "surfzone_snmp_requests_total", {{"result", "timeout"}}), 0);
  // A dead AP must not hold back readiness: the first cycle completes with failures.
  EXPECT_EQ(daemon.Status("/-/ready"), 200);
}

}  // namespace
}  // namespace surfzone::e2e
