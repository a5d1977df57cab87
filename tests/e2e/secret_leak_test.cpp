// Issue 18, end to end: configs with secrets in the typical wrong places must not leak them on
// start, `--check-config`, SIGHUP or POST /-/reload — not in stdout, stderr, the log (logfmt or
// JSON), the reload reply or /metrics.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "config_yaml.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using testing::FreeTcpPort;
using testing::FreeUdpPort;
using testing::HttpPost;
using testing::TempDir;

// Every secret below; none may appear in any output.
const std::vector<std::string> kSecrets = {
    "Epriv-in-protocol-11",  // a priv password on the priv_protocol line
    "Ekey-as-field-12",      // a password written as a key
    "Escalar-entry-13",      // an auth entry that is a bare string
    "Eenv-auth-14",          // an env file picked up by `include: conf.d/*`
    "Eenv-priv-15",
    "Eexp-auth-16",  // ${SZ_E2E_AUTH}, expanded (valid)
    "Eshort7",       // ${SZ_E2E_SHORT_PRIV}, expanded (too short)
    "Emain-env-21",  // the main file replaced by an env file
    "Emain-env-22",
};

// The main file with every mistake inside auths; conf.d/ holds an env file.
std::string BadAuths(const std::string& ap_address) {
  return R"(auths:
  v2:
    version: 2c
    community: public
  city_v3:
    version: 3
    username: surf
    security_level: authPriv
    auth_protocol: SHA
    auth_password: ${SZ_E2E_AUTH}
    priv_protocol: Epriv-in-protocol-11
    priv_password: ${SZ_E2E_SHORT_PRIV}
    Ekey-as-field-12: x
  scalar_entry: Escalar-entry-13
defaults:
  auth: v2
include: conf.d/*
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: )" +
         ap_address + "\n";
}
// What the errors about BadAuths must mention, so that a quiet daemon cannot pass.
const std::vector<std::string> kBadAuthsShows = {
    "auths.city_v3.priv_protocol", "auths.city_v3.priv_password", "unknown field at 13:5",
    "auths.scalar_entry", "secrets.env"};

const char* const kEnvFile = "SZ_E2E_AUTH=Emain-env-21\nSZ_E2E_PRIV=Emain-env-22\n";
const std::vector<std::string> kEnvFileShows = {"expected a map, got a plain scalar"};

class E2eSecretLeak : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    setenv("SZ_E2E_AUTH", "Eexp-auth-16", 1);
    setenv("SZ_E2E_SHORT_PRIV", "Eshort7", 1);
    dir_.Write("conf.d/secrets.env", "SZ_E2E_AUTH=Eenv-auth-14\nSZ_E2E_PRIV=Eenv-priv-15\n");
  }
  void TearDown() override {
    unsetenv("SZ_E2E_AUTH");
    unsetenv("SZ_E2E_SHORT_PRIV");
  }

  const char* format() const { return GetParam(); }
  std::string ap_address_ = "127.0.0.1:" + std::to_string(FreeUdpPort());
  TempDir dir_;
};

::testing::AssertionResult NoSecret(const std::string& what, const std::string& text) {
  for (const std::string& secret : kSecrets) {
    if (text.find(secret) != std::string::npos) {
      return ::testing::AssertionFailure() << secret << " leaked in " << what << ":\n" << text;
    }
  }
  return ::testing::AssertionSuccess();
}

::testing::AssertionResult Shows(const std::string& what, const std::string& text,
                                 const std::vector<std::string>& needles) {
  for (const std::string& needle : needles) {
    if (text.find(needle) == std::string::npos) {
      return ::testing::AssertionFailure() << what << " lacks \"" << needle << "\":\n" << text;
    }
  }
  return ::testing::AssertionSuccess();
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// Polls the daemon's output until `needle` occurs `count` times or `limit` passes.
bool WaitForLog(const Surfzoned& daemon, const std::string& needle, std::size_t count,
                std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (Count(daemon.Log(), needle) >= count) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

TEST_P(E2eSecretLeak, StartWithABadConfigAndCheckConfig) {
  for (const auto& [content, shows] : {std::pair{BadAuths(ap_address_), kBadAuthsShows},
                                       std::pair{std::string(kEnvFile), kEnvFileShows}}) {
    const std::string path = dir_.Write("surfzone.yaml", content);
    const RunResult start = RunSurfzoned(
        dir_.path(), {"--config.file", path, "--web.listen-address",
                      "127.0.0.1:" + std::to_string(FreeTcpPort()), "--log.format", format()});
    EXPECT_GT(start.exit_code, 0) << "start: " << start.out << start.err;
    EXPECT_TRUE(Shows("start stderr", start.err, shows));
    EXPECT_TRUE(NoSecret("start stdout", start.out));
    EXPECT_TRUE(NoSecret("start stderr", start.err));

    const RunResult check = RunSurfzoned(
        dir_.path(), {"--check-config", "--config.file", path, "--log.format", format()});
    EXPECT_GT(check.exit_code, 0) << "--check-config: " << check.out << check.err;
    EXPECT_TRUE(Shows("--check-config stderr", check.err, shows));
    EXPECT_TRUE(NoSecret("--check-config stdout", check.out));
    EXPECT_TRUE(NoSecret("--check-config stderr", check.err));
  }
}

TEST_P(E2eSecretLeak, SighupAndPostReloadWithABadConfig) {
  const std::string path =
      dir_.Write("surfzone.yaml",
                 ConfigYaml({{.name = "A", .aps = {{.name = "a1", .address = ap_address_}}}}));
  Surfzoned daemon(dir_.path(), path, {"--log.format", format()});
  const std::string failed = "configuration reload failed";
  std::size_t failures = 0;
  for (const auto& [content, shows] : {std::pair{BadAuths(ap_address_), kBadAuthsShows},
                                       std::pair{std::string(kEnvFile), kEnvFileShows}}) {
    WriteFileAtomic(path, content);
    daemon.process().Signal(SIGHUP);
    ASSERT_TRUE(WaitForLog(daemon, failed, ++failures, std::chrono::seconds(5))) << daemon.Log();

    const auto reply = HttpPost(daemon.port(), "/-/reload", "", std::chrono::seconds(5));
    EXPECT_EQ(reply.status, 500) << reply.body;
    EXPECT_TRUE(Shows("POST /-/reload reply", reply.body, shows));
    EXPECT_TRUE(NoSecret("POST /-/reload reply", reply.body));
    ASSERT_TRUE(WaitForLog(daemon, failed, ++failures, std::chrono::seconds(5))) << daemon.Log();
  }
  const std::string metrics = daemon.ScrapeText();
  EXPECT_NE(metrics.find("surfzone_config_last_reload_successful 0"), std::string::npos) << metrics;
  EXPECT_TRUE(NoSecret("/metrics", metrics));
  const std::string log = daemon.Log();
  EXPECT_TRUE(Shows("log", log, kBadAuthsShows));
  EXPECT_TRUE(Shows("log", log, kEnvFileShows));
  EXPECT_TRUE(NoSecret("log", log));
  EXPECT_TRUE(daemon.process().Running());
}

INSTANTIATE_TEST_SUITE_P(LogFormats, E2eSecretLeak, ::testing::Values("logfmt", "json"),
                         [](const auto& param_info) { return std::string(param_info.param); });

}  // namespace
}  // namespace surfzone::e2e
