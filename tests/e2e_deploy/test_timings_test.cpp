// The timing transformation the end-to-end test applies to the shipped files changes nothing
// but the waits it names (see test_timings.hpp).
#include "test_timings.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "monitoring_servers.hpp"

namespace surfzone::deploy_test {
namespace {

const std::string kSource = SURFZONE_SOURCE_DIR;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Lines that differ between `a` and `b` (same line count required).
std::vector<std::pair<std::string, std::string>> Changed(const std::string& a,
                                                         const std::string& b) {
  const auto la = Lines(a), lb = Lines(b);
  EXPECT_EQ(la.size(), lb.size());
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < std::min(la.size(), lb.size()); ++i) {
    if (la[i] != lb[i]) out.emplace_back(la[i], lb[i]);
  }
  return out;
}

TEST(DeployTestTimings, RuleFilesOnlyForAndIntervalShortened) {
  const std::string shipped = ReadText(kSource + "/deploy/prometheus/rules/surfzone-alerts.yml");
  const auto changed = Changed(shipped, ShortenRuleTimings(shipped, 30));
  // Exactly the alerts' `for:` lines change (SurfzoneApFlapping has none).
  std::size_t with_for = 0;
  for (const auto& line : Lines(shipped)) {
    const auto at = line.find("for: ");
    with_for += at != std::string::npos && at == line.find_first_not_of(' ');
  }
  ASSERT_GE(with_for, 8u);
  ASSERT_EQ(changed.size(), with_for);
  for (const auto& [before, after] : changed) {
    EXPECT_NE(before.find("for: "), std::string::npos) << before;
    EXPECT_NE(after.find("for: "), std::string::npos) << after;
  }
  EXPECT_NE(ShortenRuleTimings(shipped, 30).find("        for: 6s\n"), std::string::npos);

  const std::string recording =
      ReadText(kSource + "/deploy/prometheus/rules/surfzone-recording.yml");
  for (const auto& [before, after] : Changed(recording, ShortenRuleTimings(recording, 30))) {
    EXPECT_NE(before.find("interval: "), std::string::npos) << before;
    EXPECT_TRUE(after == "    interval: 2s" || after == "    interval: 4s") << after;
  }
}

TEST(DeployTestTimings, AlertmanagerOnlyWaitsAndReceiverUrlsChange) {
  const std::string shipped = ReadText(kSource + "/deploy/alertmanager/alertmanager.yml");
  const auto changed = Changed(shipped, AlertmanagerForTest(shipped, 30, "http://127.0.0.1:4242/"));
  ASSERT_EQ(changed.size(), 11u);  // 3 waits x (top route + 2 routes) + 2 URLs
  for (const auto& [before, after] : changed) {
    const bool wait = before.find("group_wait:") != std::string::npos ||
                      before.find("group_interval:") != std::string::npos ||
                      before.find("repeat_interval:") != std::string::npos;
    const bool url = before.find("url: http://127.0.0.1:9095/surfzone/") != std::string::npos &&
                     after.find("url: http://127.0.0.1:4242/surfzone/") != std::string::npos;
    EXPECT_TRUE(wait || url) << before << " -> " << after;
  }
  EXPECT_DOUBLE_EQ(ParseDuration("5m") / 30, 10);
  EXPECT_DOUBLE_EQ(ParseDuration("1w"), 604800);
  EXPECT_THROW(ParseDuration("5 minutes"), std::runtime_error);
}

}  // namespace
}  // namespace surfzone::deploy_test
