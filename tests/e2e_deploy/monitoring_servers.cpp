#include "monitoring_servers.hpp"

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "surfzone/testing/http_client.hpp"

namespace surfzone::deploy_test {
namespace {

using Clock = std::chrono::steady_clock;

// Waits until GET /-/ready answers 200; throws with `log` if the process exits or 30 s pass.
void WaitReady(testing::ChildProcess& proc, unsigned short port, const std::string& what,
               const std::string& log_file) {
  const auto deadline = Clock::now() + 30s;
  while (Clock::now() < deadline && proc.Running()) {
    try {
      if (testing::HttpGet(port, "/-/ready", 2s).status == 200) return;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(100ms);
  }
  throw std::runtime_error(what + " did not become ready on port " + std::to_string(port) +
                           "; log:\n" + ReadText(log_file));
}

PromResult ParseApi(const testing::HttpResponse& resp) {
  PromResult r;
  boost::system::error_code ec;
  const auto body = boost::json::parse(resp.body, ec);
  if (ec || !body.is_object()) {
    r.error = "HTTP " + std::to_string(resp.status) + ": " + resp.body;
    return r;
  }
  const auto& o = body.as_object();
  r.ok = resp.status == 200 && o.contains("status") && o.at("status").as_string() == "success";
  if (r.ok) {
    r.data = o.at("data");
  } else {
    r.error = "HTTP " + std::to_string(resp.status) + ": " +
              (o.contains("error") ? std::string(o.at("error").as_string()) : resp.body);
  }
  return r;
}

std::string FormatTime(double t) {
  std::ostringstream s;
  s.precision(3);
  s << std::fixed << t;
  return s.str();
}

}  // namespace

std::size_t PromResult::Count() const {
  if (!ok) return 0;
  const auto& d = data.as_object();
  const auto type = d.at("resultType").as_string();
  if (type == "vector" || type == "matrix") return d.at("result").as_array().size();
  return 1;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Prometheus::Prometheus(const std::string& dir, const std::string& config_yaml, unsigned short port)
    : log_file_(dir + "/prometheus.log"), port_(port) {
  const std::string config = dir + "/prometheus.yml";
  std::ofstream(config) << config_yaml;
  std::filesystem::create_directories(dir + "/prometheus-data");
  proc_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{"prometheus", "--config.file=" + config,
                               "--storage.tsdb.path=" + dir + "/prometheus-data",
                               "--web.listen-address=127.0.0.1:" + std::to_string(port_),
                               "--log.level=info"},
      log_file_);
  WaitReady(*proc_, port_, "prometheus", log_file_);
}

std::string Prometheus::Log() const { return ReadText(log_file_); }

PromResult Prometheus::Query(const std::string& expr, double time) const {
  std::string target = "/api/v1/query?query=" + UrlEncode(expr);
  if (time > 0) target += "&time=" + FormatTime(time);
  return ParseApi(testing::HttpGet(port_, target, 20s));
}

PromResult Prometheus::QueryRange(const std::string& expr, double start, double end,
                                  double step) const {
  return ParseApi(testing::HttpGet(port_,
                                   "/api/v1/query_range?query=" + UrlEncode(expr) +
                                       "&start=" + FormatTime(start) + "&end=" + FormatTime(end) +
                                       "&step=" + FormatTime(step),
                                   20s));
}

Alertmanager::Alertmanager(const std::string& dir, const std::string& config_yaml)
    : log_file_(dir + "/alertmanager.log"), port_(testing::FreeTcpPort()) {
  const std::string config = dir + "/alertmanager.yml";
  std::ofstream(config) << config_yaml;
  std::filesystem::create_directories(dir + "/alertmanager-data");
  proc_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{"prometheus-alertmanager", "--config.file=" + config,
                               "--storage.path=" + dir + "/alertmanager-data",
                               "--web.listen-address=127.0.0.1:" + std::to_string(port_),
                               "--cluster.listen-address=", "--log.level=debug"},
      log_file_);
  WaitReady(*proc_, port_, "prometheus-alertmanager", log_file_);
}

std::string Alertmanager::Log() const { return ReadText(log_file_); }

}  // namespace surfzone::deploy_test
