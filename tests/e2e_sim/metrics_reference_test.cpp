// daemon/state/METRICS.md (the /metrics reference) against what surfzoned serves: a daemon polls
// a simulated fleet with every kind of source (direct UniFi APs with SSIDs, a Cisco WLC and an
// Aruba Instant VC with managed APs) and the families on its /metrics page ("# TYPE name type")
// must be exactly the reference's, with the same types.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "sim_process.hpp"
#include "surfzone/testing/child_process.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e_sim {
namespace {

using e2e::Surfzoned;
using testing::MetricsText;
using testing::TempDir;

constexpr const char* kFleet = R"(
sim: {start: 2025-07-12T13:00:00, speed: 1}
controllers:
  - {name: wlc-centrum, vendor: cisco-wlc}
  - {name: vc-parks, vendor: aruba-instant}
locations:
  - {name: Stortorget, kind: square, aps: 2}
  - {name: Kungstorget, kind: square, aps: 2, controller: wlc-centrum}
  - {name: Slottshagen, kind: park, aps: 2, controller: vc-parks}
)";
constexpr std::size_t kAgents = 4;  // two direct APs and two controllers

/// name -> type of every family in the reference: rows "| `name{labels}` | type | ... |".
std::map<std::string, std::string> ReferenceFamilies() {
  std::ifstream in(SURFZONE_METRICS_REFERENCE);
  std::map<std::string, std::string> families;
  const std::regex row(R"(^\| `(surfzone_[a-z0-9_]+)(\{[^`]*\})?` \| ([a-z]+) \|)");
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, m, row)) families[m[1]] = m[3];
  }
  return families;
}

/// name -> type of every family on a /metrics page.
std::map<std::string, std::string> ServedFamilies(const std::string& text) {
  std::map<std::string, std::string> families;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("# TYPE ")) continue;
    std::istringstream words(line.substr(7));
    std::string name, type;
    words >> name >> type;
    families[name] = type;
  }
  return families;
}

TEST(MetricsReference, EveryDocumentedFamilyIsServedAndNothingElse) {
  const auto reference = ReferenceFamilies();
  ASSERT_GT(reference.size(), 30u) << "METRICS.md not read: " << SURFZONE_METRICS_REFERENCE;

  TempDir dir;
  SimRunOptions options;
  options.ap_count = kAgents;
  options.profiles = "vendor";
  SurfzoneSim sim(dir.path(), kFleet, options);
  Surfzoned daemon(dir.path(), sim.config_path());
  // Every AP known (direct ones polled, managed ones read from their controller), so every
  // per-AP, per-radio, per-SSID and per-controller family has samples.
  MetricsText last;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& m) {
        return m.Sum("surfzone_ap_up") == 6 && m.Sum("surfzone_controller_up") == 2;
      },
      std::chrono::seconds(30), &last))
      << daemon.Log();
  const auto served = ServedFamilies(daemon.ScrapeText());

  for (const auto& [name, type] : reference) {
    const auto it = served.find(name);
    if (it == served.end()) {
      ADD_FAILURE() << name << " is in METRICS.md but not on /metrics";
    } else {
      EXPECT_EQ(it->second, type) << name << ": /metrics type (left) differs from METRICS.md (right)";
    }
  }
  for (const auto& [name, type] : served) {
    EXPECT_TRUE(reference.count(name))
        << name << " (" << type << ") is served on /metrics but missing from METRICS.md";
  }
}

}  // namespace
}  // namespace surfzone::e2e_sim
