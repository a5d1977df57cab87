// Configuration reload: a bad file (SIGHUP or POST /-/reload) keeps the old configuration
// running; a good one adds and removes access points without resetting the others.
#include <gtest/gtest.h>
#include <signal.h>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::HttpPost;
using testing::Snmpd;
using testing::TempDir;

bool HasAnyApSample(const MetricsText& m, const std::string& ap) {
  for (const auto& s : m.samples()) {
    const auto it = s.labels.find("ap");
    if (it != s.labels.end() && it->second == ap) return true;
  }
  return false;
}

class E2eReload : public ::testing::Test {
 protected:
  std::string Config(const std::vector<ApSpec>& aps) {
    return ConfigYaml({{.name = "Torget", .kind = "square", .aps = aps}});
  }

  TempDir dir_;
  Snmpd keep_{"keep"};
  Snmpd removed_{"removed"};
  Snmpd added_{"added"};
  ApSpec keep_ap_{.name = "ap-keep", .address = keep_.address()};
  ApSpec removed_ap_{.name = "ap-removed", .address = removed_.address()};
  ApSpec added_ap_{.name = "ap-added", .address = added_.address()};
  std::string path_ = dir_.Write("surfzone.yaml", Config({keep_ap_, removed_ap_}));
};

// An unknown key: valid YAML that the loader must reject. Returns the file and the key's line.
std::pair<std::string, int> WithUnknownKey(const std::string& good) {
  std::string bad = good;
  const std::string anchor = "defaults:\n";
  bad.insert(bad.find(anchor) + anchor.size(), "  intervall: 5s\n");
  return {bad, LineOf(bad, "intervall")};
}

TEST_F(E2eReload, SighupWithBadFileKeepsTheOldAccessPointsAndGoodFileApplies) {
  Surfzoned daemon(dir_.path(), path_);
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_up", Ap("ap-keep")) == 1 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap-removed")) == 1;
      },
      10s, &m))
      << daemon.Log();
  ASSERT_EQ(ValueOr(m, "surfzone_config_last_reload_successful", {}), 1);

  WriteFileAtomic(path_, WithUnknownKey(Config({keep_ap_, removed_ap_})).first);
  daemon.process().Signal(SIGHUP);
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_config_last_reload_successful", {}) == 0;
      },
      5s, &m))
      << daemon.Log();
  ASSERT_TRUE(daemon.process().Running());
  const double polls = ValueOr(m, "surfzone_ap_polls_total", Ap("ap-keep"));
  EXPECT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("ap-keep")) >= polls + 1 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap-removed")) == 1;
      },
      5s, &m))
      << "the old access points stopped being polled\n"
      << daemon.Log();
  EXPECT_FALSE(HasAnyApSample(m, "ap-added"));

  // A good file on the next SIGHUP is taken.
  WriteFileAtomic(path_, Config({keep_ap_, removed_ap_, added_ap_}));
  daemon.process().Signal(SIGHUP);
  EXPECT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_config_last_reload_successful", {}) == 1 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap-added")) == 1;
      },
      5s, &m))
      << daemon.Log();
  EXPECT_EQ(ValueOr(m, "surfzone_ap_up", Ap("ap-keep")), 1);
}

TEST_F(E2eReload, PostWithBadFileAnswers500NamingFileAndLine) {
  Surfzoned daemon(dir_.path(), path_);
  ASSERT_TRUE(daemon.WaitForStatus("/-/ready", 200, 10s)) << daemon.Log();
  const auto [bad, line] = WithUnknownKey(Config({keep_ap_, removed_ap_}));
  WriteFileAtomic(path_, bad);
  const auto resp = HttpPost(daemon.port(), "/-/reload", "", 10s);
  EXPECT_EQ(resp.status, 500);
  EXPECT_NE(resp.body.find("surfzone.yaml:" + std::to_string(line) + ":"), std::string::npos)
      << resp.body;
  EXPECT_NE(resp.body.find("intervall"), std::string::npos) << resp.body;
  MetricsText m = daemon.Scrape();
  EXPECT_EQ(ValueOr(m, "surfzone_config_last_reload_successful", {}), 0);
  EXPECT_TRUE(HasAnyApSample(m, "ap-keep"));
  EXPECT_TRUE(daemon.process().Running());
}

TEST_F(E2eReload, PostWithGoodFileAddsAndRemovesAccessPoints) {
  Surfzoned daemon(dir_.path(), path_);
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) {
        return ValueOr(s, "surfzone_ap_polls_total", Ap("ap-keep")) >= 2 &&
               ValueOr(s, "surfzone_ap_up", Ap("ap-removed")) == 1;
      },
      10s, &m))
      << daemon.Log();
  // A failed reload first, so that success visibly flips the gauge back to 1.
  WriteFileAtomic(path_, WithUnknownKey(Config({keep_ap_, removed_ap_})).first);
  ASSERT_EQ(HttpPost(daemon.port(), "/-/reload", "", 10s).status, 500);

  const double polls_before = ValueOr(daemon.Scrape(), "surfzone_ap_polls_total", Ap("ap-keep"));
  WriteFileAtomic(path_, Config({keep_ap_, added_ap_}));
  const double reload_time = NowSeconds();
  const auto resp = HttpPost(daemon.port(), "/-/reload", "", 10s);
  ASSERT_EQ(resp.status, 200) << resp.body << daemon.Log();

  ASSERT_TRUE(daemon.WaitFor(
      [](const MetricsText& s) { return ValueOr(s, "surfzone_ap_up", Ap("ap-added")) == 1; }, 5s,
      &m))
      << daemon.ScrapeText() << daemon.Log();
  EXPECT_FALSE(HasAnyApSample(m, "ap-removed")) << daemon.ScrapeText();
  EXPECT_EQ(ValueOr(m, "surfzone_config_last_reload_successful", {}), 1);
  EXPECT_NEAR(ValueOr(m, "surfzone_config_last_reload_success_timestamp_seconds", {}), reload_time,
              5);
  EXPECT_GE(ValueOr(m, "surfzone_ap_polls_total", Ap("ap-keep")), polls_before)
      << "the counters of an access point that stayed were reset";
  EXPECT_EQ(ValueOr(m, "surfzone_location_aps", {{"location", "Torget"}}), 2);
  const auto info = m.Find("surfzone_ap_info", Ap("ap-added"));
  ASSERT_EQ(info.size(), 1u);
  EXPECT_EQ(info.front()->labels.at("sys_name"), "added");
}

}  // namespace
}  // namespace surfzone::e2e
