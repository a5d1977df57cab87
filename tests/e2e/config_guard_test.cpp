// Reloads that would hurt: a file without access points is refused unless it says
// `allow_empty: true`; a file with 300,000 errors gives the first 100 and a count, in the reload
// reply, the log and --check-config.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>

#include "config_yaml.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::HttpPost;
using testing::TempDir;

constexpr const char* kReloadOk = "surfzone_config_last_reload_successful";
constexpr const char* kAps = "surfzone_aps_configured";

// One AP at a port nobody answers on: configured (and polled), never up.
std::string OneAp() {
  return ConfigYaml(
      {{.name = "Torget",
        .aps = {
            {.name = "ap-1", .address = "127.0.0.1:" + std::to_string(testing::FreeUdpPort())}}}});
}

std::size_t Lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

bool Gauges(const Surfzoned& daemon, double reload_ok, double aps, MetricsText* last) {
  return daemon.WaitFor(
      [&](const MetricsText& m) {
        return ValueOr(m, kReloadOk, {}) == reload_ok && ValueOr(m, kAps, {}) == aps;
      },
      10s, last);
}

TEST(E2eConfigGuard, ReloadToAFileWithoutAccessPointsIsRefusedUnlessAllowed) {
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", OneAp());
  Surfzoned daemon(dir.path(), path);
  MetricsText m;
  ASSERT_TRUE(Gauges(daemon, 1, 1, &m)) << daemon.Log();

  for (const std::string empty : {"", "# all comments\n# nothing else\n", "locations:\n"}) {
    SCOPED_TRACE("file: \"" + empty + "\"");
    WriteFileAtomic(path, empty);
    const auto resp = HttpPost(daemon.port(), "/-/reload", "", 10s);
    EXPECT_EQ(resp.status, 500) << resp.body;
    EXPECT_NE(resp.body.find("no access points"), std::string::npos) << resp.body;
    EXPECT_NE(resp.body.find("allow_empty: true"), std::string::npos) << resp.body;
    m = daemon.Scrape();
    EXPECT_EQ(ValueOr(m, kReloadOk, {}), 0);
    EXPECT_EQ(ValueOr(m, kAps, {}), 1) << "the running configuration was replaced";
    EXPECT_FALSE(m.Find("surfzone_ap_polls_total", Ap("ap-1")).empty()) << daemon.ScrapeText();
  }
  EXPECT_NE(daemon.Log().find("configuration reload refused"), std::string::npos) << daemon.Log();

  // Back to a good file, then SIGHUP to an empty one: refused the same way.
  WriteFileAtomic(path, OneAp());
  ASSERT_EQ(HttpPost(daemon.port(), "/-/reload", "", 10s).status, 200);
  ASSERT_TRUE(Gauges(daemon, 1, 1, &m)) << daemon.Log();
  WriteFileAtomic(path, "locations:\n");
  daemon.process().Signal(SIGHUP);
  EXPECT_TRUE(Gauges(daemon, 0, 1, &m)) << daemon.Log();
  EXPECT_FALSE(m.Find("surfzone_ap_polls_total", Ap("ap-1")).empty()) << daemon.ScrapeText();

  // Said explicitly, it is taken.
  WriteFileAtomic(path, "allow_empty: true\nlocations:\n");
  const auto resp = HttpPost(daemon.port(), "/-/reload", "", 10s);
  EXPECT_EQ(resp.status, 200) << resp.body << daemon.Log();
  EXPECT_TRUE(Gauges(daemon, 1, 0, &m)) << daemon.Log();
  EXPECT_TRUE(m.Find("surfzone_ap_polls_total", Ap("ap-1")).empty()) << daemon.ScrapeText();
  EXPECT_TRUE(daemon.process().Running());
}

TEST(E2eConfigGuard, StartWithoutAccessPointsWarnsAndExportsZero) {
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", "locations:\n");
  Surfzoned daemon(dir.path(), path);
  MetricsText m;
  ASSERT_TRUE(Gauges(daemon, 1, 0, &m)) << daemon.Log();
  const std::string log = daemon.Log();
  EXPECT_NE(log.find("level=warn"), std::string::npos) << log;
  EXPECT_NE(log.find("no access points"), std::string::npos) << log;
  const RunResult check = RunSurfzoned(dir.path(), {"--check-config", "--config.file", path});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.err.find("warning: "), std::string::npos) << check.err;
}

// `count` locations that are not maps: one error each.
std::string ManyErrors(std::size_t count) {
  std::string yaml = "locations:\n";
  yaml.reserve(count * 6);
  for (std::size_t i = 0; i < count; ++i) yaml += "  - 7\n";
  return yaml;
}

TEST(E2eConfigGuard, ThreeHundredThousandErrorsShowTheFirstHundredAndACount) {
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", OneAp());
  const std::string bad = dir.Write("bad.yaml", ManyErrors(300'000));
  const std::string more = "... and 299900 more errors";

  const RunResult check = RunSurfzoned(dir.path(), {"--check-config", "--config.file", bad}, 60s);
  EXPECT_EQ(check.exit_code, 1) << check.err.substr(0, 2000);
  EXPECT_EQ(Lines(check.err), 102u) << check.err.substr(0, 2000);  // 100, "... and", total
  EXPECT_NE(check.err.find(more + "\n"), std::string::npos);
  EXPECT_NE(check.err.find(bad + ": 300000 error(s)\n"), std::string::npos)
      << check.err.substr(0, 2000);

  Surfzoned daemon(dir.path(), path);
  MetricsText m;
  ASSERT_TRUE(Gauges(daemon, 1, 1, &m)) << daemon.Log();
  WriteFileAtomic(path, ManyErrors(300'000));
  const auto resp = HttpPost(daemon.port(), "/-/reload", "", 60s);
  EXPECT_EQ(resp.status, 500);
  EXPECT_EQ(Count(resp.body, "\n" + path + ":") + 1, 100u) << resp.body.substr(0, 2000);
  EXPECT_TRUE(resp.body.starts_with(path + ":2:5: locations[0]: ")) << resp.body.substr(0, 200);
  EXPECT_TRUE(resp.body.find(more) != std::string::npos) << resp.body.substr(0, 2000);
  EXPECT_LT(resp.body.size(), 100u * 200);
  // The log line of the failed reload is as short.
  const std::string log = daemon.Log();
  const auto at = log.find("configuration reload failed");
  ASSERT_NE(at, std::string::npos) << log.substr(0, 2000);
  const auto line_end = log.find('\n', at);
  EXPECT_LT(line_end - at, 100u * 200);
  EXPECT_NE(log.substr(at, line_end - at).find("299900 more errors"), std::string::npos);
  EXPECT_TRUE(Gauges(daemon, 0, 1, &m)) << daemon.Log().substr(0, 2000);
}

}  // namespace
}  // namespace surfzone::e2e
