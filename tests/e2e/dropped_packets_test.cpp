// Replies that a correct SNMP client must drop (garbage; a copy of the request from another
// port) are counted by reason, and they do not disturb the polling of other access points.
#include <gtest/gtest.h>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"
#include "udp_peer.hpp"

namespace surfzone::e2e {
namespace {

using testing::Snmpd;
using testing::TempDir;

TEST(E2eDroppedPackets, GarbageAndWrongSourceRepliesAreCounted) {
  TempDir dir;
  Snmpd live;
  UdpPeer liar(UdpPeer::Mode::kMisbehave);
  const std::string config = dir.Write(
      "surfzone.yaml", ConfigYaml({{.name = "Hamnen",
                                    .kind = "harbour",
                                    .aps = {{.name = "live", .address = live.address()},
                                            {.name = "liar", .address = liar.address()}}}},
                                  {.interval = "1s", .timeout = "300ms", .retries = 0}));
  Surfzoned daemon(dir.path(), config);

  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_snmp_dropped_packets_total", {{"reason", "malformed"}}) >= 1 &&
               ValueOr(s, "surfzone_snmp_dropped_packets_total", {{"reason", "wrong_source"}}) >= 1;
      },
      8s, &m))
      << "liar received " << liar.received() << " requests\n"
      << daemon.ScrapeText() << daemon.Log();
  const double live_polls = ValueOr(m, "surfzone_ap_polls_total", Ap("live"));
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("live")) >= live_polls + 2;
      },
      5s, &m))
      << daemon.Log();
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("live")), 1);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("liar")), 0);
  EXPECT_GT(ValueOr(m, "surfzone_ap_poll_failures_total", Ap("liar")), 0);
  EXPECT_EQ(ValueOr(m, "surfzone_ap_poll_failures_total", Ap("live")), 0);
}

}  // namespace
}  // namespace surfzone::e2e
