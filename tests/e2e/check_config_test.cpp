// `surfzoned --check-config` and `--version`: exit codes, error locations, no secrets.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <string>

#include "config_yaml.hpp"
#include "surfzone/testing/snmpd.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::SnmpdUsers;
using testing::TempDir;

std::string TwoLocations(const std::string& second_ap_name) {
  return ConfigYaml(
      {{.name = "A",
        .kind = "park",
        .aps = {{.name = "ap-one", .address = "127.0.0.1:16201", .auth = kAuthV3Priv}}},
       {.name = "B",
        .kind = "street",
        .aps = {{.name = second_ap_name, .address = "127.0.0.1:16202", .auth = kAuthV2Secret}}}});
}

void ExpectNoSecrets(const RunResult& r) {
  for (const std::string& secret :
       {std::string(SnmpdUsers::kAuthPassword), std::string(SnmpdUsers::kPrivPassword),
        std::string(kSecretCommunity)}) {
    EXPECT_EQ(r.err.find(secret), std::string::npos) << secret << " in stderr:\n" << r.err;
    EXPECT_EQ(r.out.find(secret), std::string::npos) << secret << " in stdout:\n" << r.out;
  }
}

TEST(E2eCheckConfig, ValidFileExitsZero) {
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", TwoLocations("ap-two"));
  const RunResult r = RunSurfzoned(dir.path(), {"--check-config", "--config.file", path});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  ExpectNoSecrets(r);
}

TEST(E2eCheckConfig, DuplicateApNameFailsNamingFileLineAndField) {
  TempDir dir;
  const std::string yaml = TwoLocations("ap-one");
  const int line = LineOf(yaml, "- name: ap-one\n        address: 127.0.0.1:16202");
  ASSERT_GT(line, 0);
  const std::string path = dir.Write("surfzone.yaml", yaml);
  const RunResult r = RunSurfzoned(dir.path(), {"--check-config", "--config.file", path});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.exit_code, -1) << "did not exit within the limit";
  EXPECT_NE(r.err.find("surfzone.yaml:" + std::to_string(line) + ":"), std::string::npos)
      << "line " << line << " expected in:\n"
      << r.err;
  EXPECT_NE(r.err.find("locations[1].access_points[0].name"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("duplicate"), std::string::npos) << r.err;
  ExpectNoSecrets(r);
}

// --shard: each shard's share is printed; the two shares add up to the whole; a bad value is a
// usage error naming the flag.
TEST(E2eCheckConfig, ShardSharesAddUpAndABadShardIsRefused) {
  TempDir dir;
  const std::string path = dir.Write("surfzone.yaml", TwoLocations("ap-two"));
  int locations = 0;
  for (const char* shard : {"--shard=1/2", "--shard=2/2"}) {
    const RunResult r = RunSurfzoned(dir.path(), {"--check-config", "--config.file", path, shard});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    const std::string prefix = "shard " + std::string(shard).substr(8) + ": ";
    const auto at = r.out.find(prefix);
    ASSERT_NE(at, std::string::npos) << r.out;
    locations += std::stoi(r.out.substr(at + prefix.size()));
  }
  EXPECT_EQ(locations, 2);
  const RunResult bad =
      RunSurfzoned(dir.path(), {"--check-config", "--config.file", path, "--shard=3/2"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.exit_code, -1) << "did not exit within the limit";
  EXPECT_NE((bad.out + bad.err).find("--shard"), std::string::npos) << bad.out << bad.err;
}

TEST(E2eCheckConfig, MissingFileFails) {
  TempDir dir;
  const RunResult r =
      RunSurfzoned(dir.path(), {"--check-config", "--config.file", dir.path() + "/nope.yaml"});
  EXPECT_GT(r.exit_code, 0);
  EXPECT_NE(r.err.find("nope.yaml"), std::string::npos) << r.err;
}

// /dev/zero is refused at once (it used to be read until memory ran out).
TEST(E2eCheckConfig, DevZeroIsRefusedAtOnce) {
  TempDir dir;
  const RunResult r = RunSurfzoned(dir.path(), {"--check-config", "--config.file", "/dev/zero"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("/dev/zero: not a regular file (a character device)"), std::string::npos)
      << r.err;
}

// --config.max-size (bytes or with a unit) reaches the loader.
TEST(E2eCheckConfig, MaxSizeFlagLimitsTheFileSize) {
  TempDir dir;
  const std::string yaml = TwoLocations("ap-two");
  const std::string path = dir.Write("surfzone.yaml", yaml);
  const std::string size = std::to_string(yaml.size());
  const RunResult small = RunSurfzoned(
      dir.path(), {"--check-config", "--config.file", path, "--config.max-size", "100"});
  EXPECT_EQ(small.exit_code, 1) << small.out << small.err;
  EXPECT_NE(small.err.find("surfzone.yaml: too large (" + size + " bytes, limit 100;"),
            std::string::npos)
      << small.err;
  const RunResult kib = RunSurfzoned(
      dir.path(), {"--check-config", "--config.file", path, "--config.max-size", "1KiB"});
  EXPECT_EQ(kib.exit_code, yaml.size() <= 1024 ? 0 : 1) << kib.out << kib.err;
  EXPECT_NE(kib.err.find("limit 1024;") != std::string::npos, yaml.size() <= 1024) << kib.err;
  const RunResult exact = RunSurfzoned(
      dir.path(), {"--check-config", "--config.file", path, "--config.max-size", size});
  EXPECT_EQ(exact.exit_code, 0) << exact.out << exact.err;
  const RunResult help = RunSurfzoned(dir.path(), {"--help"});
  EXPECT_NE(help.out.find("--config.max-size"), std::string::npos) << help.out;
}

// The newest released version in deploy/CHANGELOG.md: the first "## X.Y.Z (date)" heading (an
// "## Unreleased" section may come before it). Empty if there is none.
std::string NewestChangelogVersion() {
  std::ifstream in(std::string(SURFZONE_SOURCE_DIR) + "/deploy/CHANGELOG.md");
  const std::regex heading(R"(^## (\d+\.\d+\.\d+) \(\d{4}-\d{2}-\d{2}\)$)");
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_match(line, m, heading)) return m[1];
  }
  return {};
}

TEST(E2eCheckConfig, VersionIsTheNewestChangelogVersion) {
  const std::string newest = NewestChangelogVersion();
  ASSERT_FALSE(newest.empty()) << "no \"## X.Y.Z (YYYY-MM-DD)\" heading in deploy/CHANGELOG.md";
  TempDir dir;
  const RunResult r = RunSurfzoned(dir.path(), {"--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  const std::regex line(R"(^surfzoned (\d+\.\d+\.\d+) \(revision [^)]+\)\n$)");
  ASSERT_TRUE(std::regex_match(r.out, m, line))
      << "not \"surfzoned X.Y.Z (revision R)\": " << r.out;
  EXPECT_EQ(m[1], newest) << "--version differs from the newest version in deploy/CHANGELOG.md";
}

}  // namespace
}  // namespace surfzone::e2e
