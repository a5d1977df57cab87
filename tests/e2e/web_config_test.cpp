// --web.config.file end to end: surfzoned over HTTPS with basic auth and client certificates
// (a throwaway CA made with the openssl CLI, requests made with curl), and a real Prometheus
// scraping it with `scheme: https`, `tls_config` and `basic_auth`.

#include <crypt.h>
#include <gtest/gtest.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "config_yaml.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e {
namespace {

using Clock = std::chrono::steady_clock;
using testing::ChildProcess;
using testing::TempDir;

constexpr const char* kUser = "prometheus";
constexpr const char* kPassword = "e2e-web-passw0rd-77";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `command` with /bin/sh; its stdout, and the exit status in `*status`.
std::string Shell(const std::string& command, int* status = nullptr) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::string out;
  std::array<char, 4096> buf{};
  while (std::fgets(buf.data(), buf.size(), pipe.get()) != nullptr) out += buf.data();
  const int rc = pclose(pipe.release());
  if (status != nullptr) *status = rc;
  return out;
}

void MustRun(const std::string& command) {
  int rc = 0;
  const std::string out = Shell(command, &rc);
  if (rc != 0) throw std::runtime_error(command + " failed:\n" + out);
}

// A bcrypt hash of `password` (libxcrypt; cost 5 keeps the test fast).
std::string Bcrypt(const std::string& password) {
  std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
  if (crypt_gensalt_rn("$2y$", 5, nullptr, 0, setting.data(), static_cast<int>(setting.size())) ==
      nullptr) {
    throw std::runtime_error("crypt_gensalt_rn failed");
  }
  auto data = std::make_unique<crypt_data>();
  const char* out = crypt_r(password.c_str(), setting.data(), data.get());
  if (out == nullptr || out[0] == '*') throw std::runtime_error("crypt_r failed");
  return out;
}

// ca.crt, server.{crt,key} (127.0.0.1, localhost), client.{crt,key} signed by the CA, and
// stranger.{crt,key}: a self-signed client certificate the CA did not sign.
void MakePki(const TempDir& dir) {
  const std::string d = dir.path();
  const std::string key = "-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
  dir.Write("server.ext",
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\n"
            "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
  dir.Write("client.ext",
            "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n");
  MustRun("cd " + d + " && openssl req -x509 " + key +
          " -keyout ca.key -out ca.crt -days 2 -subj /CN=surfzone-e2e-ca");
  for (const std::string name : {"server", "client"}) {
    MustRun("cd " + d + " && openssl req " + key + " -keyout " + name + ".key -out " + name +
            ".csr -subj /CN=" + name + " && openssl x509 -req -in " + name +
            ".csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile " + name +
            ".ext -out " + name + ".crt");
  }
  MustRun("cd " + d + " && openssl req -x509 " + key +
          " -keyout stranger.key -out stranger.crt -days 2 -subj /CN=stranger");
}

std::string WebConfig(const TempDir& dir, const std::string& client_auth) {
  std::string text = "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n";
  if (!client_auth.empty()) {
    text += "  client_auth_type: " + client_auth + "\n  client_ca_file: ca.crt\n";
  }
  text += "http_server_config:\n  headers:\n    X-Content-Type-Options: nosniff\n";
  text += std::string("basic_auth_users:\n  ") + kUser + ": " + Bcrypt(kPassword) + "\n";
  return dir.Write("web.yml", text);
}

struct Curl {
  std::string auth{};       ///< user:password, or empty
  std::string cert{};       ///< client certificate base name in the temp dir, or empty
  bool compressed = false;  ///< send Accept-Encoding: gzip and decompress (curl --compressed)
};

// The HTTP status of GET https://127.0.0.1:port/target with curl (0: no HTTP answer, e.g.
// refused by TLS); the body in `*body` when given.
int CurlStatus(const TempDir& dir, unsigned short port, const std::string& target, const Curl& c,
               std::string* body = nullptr) {
  const std::string body_file = dir.path() + "/curl.body";
  std::string cmd = "curl -sS --max-time 5 -o " + body_file + " -w 'CODE=%{http_code}' --cacert " +
                    dir.path() + "/ca.crt";
  if (!c.auth.empty()) cmd += " -u '" + c.auth + "'";
  if (c.compressed) cmd += " --compressed -D " + dir.path() + "/curl.headers";
  if (!c.cert.empty()) {
    cmd +=
        " --cert " + dir.path() + "/" + c.cert + ".crt --key " + dir.path() + "/" + c.cert + ".key";
  }
  cmd += " https://127.0.0.1:" + std::to_string(port) + target;
  std::remove(body_file.c_str());
  const std::string out = Shell(cmd);
  if (body != nullptr) *body = ReadAll(body_file);
  const auto at = out.rfind("CODE=");
  return at == std::string::npos ? 0 : std::atoi(out.c_str() + at + 5);
}

// surfzoned with `--web.config.file web_config`, waited for until /-/healthy answers over TLS.
class SecureSurfzoned {
 public:
  SecureSurfzoned(const TempDir& dir, const std::string& web_config, const Curl& probe = {})
      : dir_(dir), port_(testing::FreeTcpPort()) {
    const std::string config = dir.Write(
        "surfzone.yaml",
        ConfigYaml({{.name = "Torget", .aps = {{.name = "ap-1", .address = "127.0.0.1:9"}}}}));
    proc_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{SurfzonedPath(), "--config.file", config, "--web.listen-address",
                                 "127.0.0.1:" + std::to_string(port_), "--web.config.file",
                                 web_config, "--log.level", "debug"},
        dir.path() + "/surfzoned.log");
    const auto deadline = Clock::now() + 10s;
    while (Clock::now() < deadline) {
      if (!proc_->Running()) throw std::runtime_error("surfzoned exited; log:\n" + Log());
      if (CurlStatus(dir_, port_, "/-/healthy", probe) == 200) return;
      std::this_thread::sleep_for(100ms);
    }
    throw std::runtime_error("surfzoned did not answer HTTPS within 10 s; log:\n" + Log());
  }
  unsigned short port() const { return port_; }
  std::string Log() const { return ReadAll(dir_.path() + "/surfzoned.log"); }
  void Signal(int sig) { proc_->Signal(sig); }
  // Waits until the log holds `text` `count` times.
  bool WaitForLog(const std::string& text, int count = 1) const {
    const auto deadline = Clock::now() + 10s;
    while (Clock::now() < deadline) {
      const std::string log = Log();
      int seen = 0;
      for (auto at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++seen;
      if (seen >= count) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  int Status(const std::string& target, const Curl& c, std::string* body = nullptr) const {
    return CurlStatus(dir_, port_, target, c, body);
  }

 private:
  const TempDir& dir_;
  unsigned short port_;
  std::unique_ptr<ChildProcess> proc_;
};

const std::string kGoodAuth = std::string(kUser) + ":" + kPassword;

TEST(E2eWebConfig, HttpsWithBasicAuthRefusesWrongAndMissingPasswords) {
  TempDir dir;
  MakePki(dir);
  SecureSurfzoned daemon(dir, WebConfig(dir, ""));

  std::string body;
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth}, &body), 200);
  EXPECT_NE(body.find("surfzone_build_info{"), std::string::npos) << body.substr(0, 500);
  EXPECT_EQ(daemon.Status("/metrics", {.auth = std::string(kUser) + ":wrong"}), 401);
  EXPECT_EQ(daemon.Status("/metrics", {.auth = std::string("nobody:") + kPassword}), 401);
  EXPECT_EQ(daemon.Status("/metrics", {}), 401);
  EXPECT_EQ(daemon.Status("/-/ready", {}), 401);
  EXPECT_EQ(daemon.Status("/", {}), 401);
  EXPECT_EQ(daemon.Status("/-/healthy", {}), 200);
  // Plain HTTP on the TLS port gets no HTTP answer.
  int plain = 0;
  try {
    plain = testing::HttpGet(daemon.port(), "/-/healthy", 2s).status;
  } catch (const std::exception&) {
    // expected: the server expects a TLS handshake
  }
  EXPECT_EQ(plain, 0);

  // The refusals are counted by reason (2 wrong, 3 missing: /metrics, /-/ready, /).
  const std::string text = [&] {
    std::string b;
    daemon.Status("/metrics", {.auth = kGoodAuth}, &b);
    return b;
  }();
  const MetricsText m = MetricsText::Parse(text);
  EXPECT_EQ(ValueOr(m, "surfzone_http_auth_failures_total", {{"reason", "wrong"}}), 2);
  EXPECT_EQ(ValueOr(m, "surfzone_http_auth_failures_total", {{"reason", "missing"}}), 3);
  EXPECT_EQ(ValueOr(m, "surfzone_http_auth_failures_total", {{"reason", "busy"}}), 0);
  EXPECT_EQ(daemon.Log().find(kPassword), std::string::npos) << daemon.Log();
}

// The `# TYPE` lines of an exposition, in order.
std::vector<std::string> Families(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("# TYPE ")) out.push_back(line);
  }
  return out;
}

TEST(E2eWebConfig, GzippedScrapeOverTlsHasTheSameFamilies) {
  TempDir dir;
  MakePki(dir);
  SecureSurfzoned daemon(dir, WebConfig(dir, ""));
  // After the first poll cycle the set of families is settled.
  const auto deadline = Clock::now() + 10s;
  while (daemon.Status("/-/ready", {.auth = kGoodAuth}) != 200 && Clock::now() < deadline) {
    std::this_thread::sleep_for(100ms);
  }
  ASSERT_EQ(daemon.Status("/-/ready", {.auth = kGoodAuth}), 200);
  std::string plain, unzipped;
  ASSERT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth}, &plain), 200);
  ASSERT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth, .compressed = true}, &unzipped), 200);
  const std::string headers = ReadAll(dir.path() + "/curl.headers");
  EXPECT_NE(headers.find("Content-Encoding: gzip"), std::string::npos) << headers;
  EXPECT_NE(headers.find("X-Content-Type-Options: nosniff"), std::string::npos) << headers;
  EXPECT_GT(Families(plain).size(), 10u);
  EXPECT_EQ(Families(unzipped), Families(plain));
}

TEST(E2eWebConfig, RequireAndVerifyClientCertRefusesClientsWithoutAValidCertificate) {
  TempDir dir;
  MakePki(dir);
  SecureSurfzoned daemon(dir, WebConfig(dir, "RequireAndVerifyClientCert"), {.cert = "client"});
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth, .cert = "client"}), 200);
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth}), 0);  // no certificate: no handshake
  EXPECT_EQ(daemon.Status("/-/healthy", {}), 0);
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth, .cert = "stranger"}), 0);
  EXPECT_EQ(daemon.Status("/metrics", {.cert = "client"}), 401);  // a certificate is not a login
}

TEST(E2eWebConfig, SighupRereadsTheWebConfigAndABadOneKeepsTheLast) {
  TempDir dir;
  MakePki(dir);
  const std::string web = WebConfig(dir, "");
  SecureSurfzoned daemon(dir, web);
  ASSERT_TRUE(daemon.WaitForLog("msg=\"web config loaded\""));

  // No connection between the write and SIGHUP: only the reload reads the file.
  WriteFileAtomic(web, "basic_auth_users:\n  alice: not-a-hash\n");
  daemon.Signal(SIGHUP);
  EXPECT_TRUE(daemon.WaitForLog("web config invalid; keeping the last good one")) << daemon.Log();
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth}), 200);  // still TLS, same users

  WriteFileAtomic(web,
                  "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                  "basic_auth_users:\n  alice: " +
                      Bcrypt("alices-pw") + "\n");
  daemon.Signal(SIGHUP);
  EXPECT_TRUE(daemon.WaitForLog("msg=\"web config reloaded\"")) << daemon.Log();
  EXPECT_EQ(daemon.Status("/metrics", {.auth = "alice:alices-pw"}), 200);
  EXPECT_EQ(daemon.Status("/metrics", {.auth = kGoodAuth}), 401);
}

TEST(E2eWebConfig, BadFileAtStartExitsNonZeroNamingFileAndKey) {
  TempDir dir;
  const std::string web = dir.Write("web.yml", "basic_auth_users:\n  alice: plain-text-pw\n");
  const std::string config = dir.Write(
      "surfzone.yaml",
      ConfigYaml({{.name = "Torget", .aps = {{.name = "ap-1", .address = "127.0.0.1:9"}}}}));
  const RunResult r =
      RunSurfzoned(dir.path(), {"--config.file", config, "--web.listen-address",
                                "127.0.0.1:" + std::to_string(testing::FreeTcpPort()),
                                "--web.config.file", web});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.exit_code, -1) << "did not exit";
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find(web), std::string::npos) << all;
  EXPECT_NE(all.find("basic_auth_users.alice"), std::string::npos) << all;
  EXPECT_EQ(all.find("plain-text-pw"), std::string::npos) << all;
}

TEST(E2eWebConfig, PrometheusScrapesOverTlsWithBasicAuthAndClientCertificate) {
  TempDir dir;
  MakePki(dir);
  SecureSurfzoned daemon(dir, WebConfig(dir, "RequireAndVerifyClientCert"), {.cert = "client"});
  const unsigned short prom_port = testing::FreeTcpPort();
  const std::string d = dir.path();
  dir.Write("password", kPassword);
  dir.Write("prometheus.yml",
            "global: {scrape_interval: 1s, scrape_timeout: 1s}\n"
            "scrape_configs:\n"
            "- job_name: surfzone\n"
            "  scheme: https\n"
            "  tls_config: {ca_file: " +
                d + "/ca.crt, cert_file: " + d + "/client.crt, key_file: " + d +
                "/client.key}\n"
                "  basic_auth: {username: " +
                kUser + ", password_file: " + d +
                "/password}\n"
                "  static_configs: [{targets: ['127.0.0.1:" +
                std::to_string(daemon.port()) + "']}]\n");
  ChildProcess prom({"prometheus", "--config.file=" + d + "/prometheus.yml",
                     "--storage.tsdb.path=" + d + "/prom-data",
                     "--web.listen-address=127.0.0.1:" + std::to_string(prom_port)},
                    d + "/prometheus.log");
  // A query's JSON answer once it has at least one series (polled; bounded).
  const auto query = [&](const std::string& encoded) {
    const auto deadline = Clock::now() + 15s;
    std::string last;
    while (Clock::now() < deadline && prom.Running()) {
      try {
        last = testing::HttpGet(prom_port, "/api/v1/query?query=" + encoded, 2s).body;
        if (last.find("\"result\":[{") != std::string::npos) return last;
      } catch (const std::exception& e) {
        last = e.what();  // not listening yet
      }
      std::this_thread::sleep_for(200ms);
    }
    return "no result: " + last;
  };
  // up{job="surfzone"} == 1
  const std::string up = query("up%7Bjob%3D%22surfzone%22%7D%3D%3D1");
  EXPECT_NE(up.find("\"result\":[{"), std::string::npos) << up << "\nprometheus log:\n"
                                                         << ReadAll(d + "/prometheus.log");
  const std::string build = query("surfzone_build_info%7Bjob%3D%22surfzone%22%7D");
  EXPECT_NE(build.find("\"__name__\":\"surfzone_build_info\""), std::string::npos) << build;
  EXPECT_EQ(daemon.Log().find(kPassword), std::string::npos);
}

}  // namespace
}  // namespace surfzone::e2e
