// Golden file of a small daemon's /metrics (as node_exporter keeps e2e-output.txt): surfzoned
// polling two real recordings (tests/fixtures/walks, served by snmpsimd, so every value is fixed)
// must expose exactly tests/fixtures/golden/small-fleet.metrics, after MaskVolatile() replaced
// the values that depend on when it ran (timestamps, durations, poll counts, process metrics).
// A change of a metric name, label, HELP/TYPE text, order or value shows up as a diff.
//
// Refresh after an intended change: SURFZONE_UPDATE_GOLDEN=1 ctest --test-dir build -R E2eGolden
// (writes the file in the source tree; review the diff before committing it).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "snmpsim_agent.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::TempDir;

const char* const kGoldenFile = SURFZONE_SOURCE_DIR "/tests/fixtures/golden/small-fleet.metrics";

std::string Config(const SnmpsimAgent& agent) {
  return R"(auths:
  unifi: {version: 2c, community: unifi_nanohd}
  routeros: {version: 2c, community: routeros}
defaults:
  auth: unifi
  interval: 1s
  timeout: 2s
  retries: 1
locations:
  - name: Parken
    kind: park
    district: Centrum
    lat: 56.0465
    lon: 12.6945
    access_points:
      - {name: nanohd, address: ")" +
         agent.address(0) + R"(", profile: unifi}
      - {name: hap, address: ")" +
         agent.address(1) + R"(", auth: routeros, profile: auto}
)";
}

// Sample lines whose value depends on the time of the run or the machine's load (how many
// polls, how fast): the value becomes <masked>. Everything else, e.g. client counts, traffic,
// failures and dropped packets, must be exact.
const std::regex kVolatileSample(
    R"(^((process_|surfzone_build_info|surfzone_metrics_|surfzone_poll_|surfzone_polls_|)"
    R"(surfzone_snmp_request_duration_seconds|surfzone_snmp_requests_total\{result="ok"\}))"
    R"([^ ]*|[^ ]*(_timestamp_seconds|_duration_seconds|_seconds_total|_boot_time_seconds|)"
    R"(_polls_total)(\{[^}]*\})?) [^ ]+$)");
// Label values that depend on the build or on the ports the test got.
const std::regex kRunLabels(R"((revision|version)="[^"]*")");
const std::regex kPortLabel(R"(address="127\.0\.0\.1:[0-9]+")");

std::string MaskVolatile(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') {
      line = std::regex_replace(line, kRunLabels, "$1=\"<masked>\"");
      line = std::regex_replace(line, kPortLabel, "address=\"127.0.0.1:<port>\"");
      line = std::regex_replace(line, kVolatileSample, "$1 <masked>");
    }
    out += line;
    out += '\n';
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(E2eGolden, SmallFleetMetricsMatchTheGoldenFile) {
  SnmpsimAgent agent({"unifi_nanohd", "routeros"}, 2);
  TempDir dir;
  const std::string config = dir.Write("surfzone.yaml", Config(agent));
  Surfzoned daemon(dir.path(), config);
  // Two successful polls of each AP: traffic deltas and client counts are known.
  MetricsText last;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& m) {
        return ValueOr(m, "surfzone_ap_polls_total", Ap("nanohd")) >= 2 &&
               ValueOr(m, "surfzone_ap_polls_total", Ap("hap")) >= 2 &&
               ValueOr(m, "surfzone_ap_poll_failures_total", Ap("nanohd")) == 0 &&
               ValueOr(m, "surfzone_ap_poll_failures_total", Ap("hap")) == 0;
      },
      20s, &last))
      << daemon.ScrapeText() << daemon.Log();
  const std::string actual = MaskVolatile(daemon.ScrapeText());

  if (const char* update = std::getenv("SURFZONE_UPDATE_GOLDEN"); update && *update == '1') {
    std::ofstream(kGoldenFile) << actual;
    GTEST_SKIP() << "wrote " << kGoldenFile;
  }
  const std::string golden = ReadFile(kGoldenFile);
  ASSERT_FALSE(golden.empty()) << kGoldenFile << " is missing; SURFZONE_UPDATE_GOLDEN=1 writes it";
  EXPECT_EQ(actual, golden) << "refresh with SURFZONE_UPDATE_GOLDEN=1 if the change is intended";
}

}  // namespace
}  // namespace surfzone::e2e
