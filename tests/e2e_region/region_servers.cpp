#include "region_servers.hpp"

#include <yaml-cpp/yaml.h>

#include <boost/json/parse.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "surfzone/testing/http_client.hpp"

namespace surfzone::region_test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using deploy_test::ReadText;
using deploy_test::UrlEncode;

void WaitHttp(testing::ChildProcess& proc, unsigned short port, const std::string& target,
              const std::string& what, const std::string& log_file) {
  const auto deadline = Clock::now() + 30s;
  while (Clock::now() < deadline && proc.Running()) {
    try {
      if (testing::HttpGet(port, target, 2s).status == 200) return;
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
    r.error = "HTTP " + std::to_string(resp.status) + ": " + resp.body;
  }
  return r;
}

std::string FormatTime(double t) {
  std::ostringstream s;
  s.precision(3);
  s << std::fixed << t;
  return s.str();
}

YAML::Node Need(const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined() || node.IsNull()) {
    throw std::runtime_error("deploy/prometheus/region/agent.yml has no " + what);
  }
  return node;
}

}  // namespace

VictoriaMetrics::VictoriaMetrics(const std::string& dir, const std::string& relabel_file,
                                 const std::string& dedup)
    : log_file_(dir + "/victoria-metrics.log"), port_(testing::FreeTcpPort()) {
  std::filesystem::create_directories(dir + "/vm-data");
  proc_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{"victoria-metrics", "-storageDataPath=" + dir + "/vm-data",
                               "-httpListenAddr=127.0.0.1:" + std::to_string(port_),
                               "-dedup.minScrapeInterval=" + dedup,
                               "-relabelConfig=" + relabel_file, "-search.latencyOffset=0s",
                               "-search.disableCache", "-retentionPeriod=1d", "-loggerLevel=WARN"},
      log_file_);
  WaitHttp(*proc_, port_, "/health", "victoria-metrics", log_file_);
}

std::string VictoriaMetrics::Log() const { return ReadText(log_file_); }

PromResult VictoriaMetrics::Query(const std::string& expr, double time) const {
  std::string target = "/api/v1/query?query=" + UrlEncode(expr);
  if (time > 0) target += "&time=" + FormatTime(time);
  return ParseApi(testing::HttpGet(port_, target, 20s));
}

PromResult VictoriaMetrics::QueryRange(const std::string& expr, double start, double end,
                                       double step) const {
  return ParseApi(testing::HttpGet(port_,
                                   "/api/v1/query_range?query=" + UrlEncode(expr) +
                                       "&start=" + FormatTime(start) + "&end=" + FormatTime(end) +
                                       "&step=" + FormatTime(step),
                                   20s));
}

PrometheusAgent::PrometheusAgent(const std::string& dir, const std::string& name,
                                 const std::string& config_yaml)
    : log_file_(dir + "/" + name + ".log"), port_(testing::FreeTcpPort()) {
  const std::string base = dir + "/" + name;
  std::filesystem::create_directories(base + "/data");
  std::ofstream(base + "/agent.yml") << config_yaml;
  proc_ = std::make_unique<testing::ChildProcess>(
      std::vector<std::string>{
          "prometheus", "--enable-feature=agent", "--config.file=" + base + "/agent.yml",
          "--storage.agent.path=" + base + "/data",
          "--web.listen-address=127.0.0.1:" + std::to_string(port_), "--log.level=info"},
      log_file_);
  WaitHttp(*proc_, port_, "/-/ready", "prometheus agent " + name, log_file_);
}

std::string PrometheusAgent::Log() const { return ReadText(log_file_); }

std::string AgentConfigForTest(const std::string& shipped_yaml, const AgentSettings& s) {
  YAML::Node root = YAML::Load(shipped_yaml);
  YAML::Node global = Need(root["global"], "global");
  global["scrape_interval"] = s.scrape_interval;
  global["scrape_timeout"] = s.scrape_interval;
  YAML::Node labels = Need(global["external_labels"], "global.external_labels");
  Need(labels["shard"], "external_labels.shard");
  Need(labels["replica"], "external_labels.replica");
  Need(labels["region"], "external_labels.region");
  labels["shard"] = std::to_string(s.shard);
  labels["replica"] = s.replica;
  labels["region"] = "testregion";

  YAML::Node job = Need(root["scrape_configs"], "scrape_configs")[0];
  if (Need(job["job_name"], "job_name").as<std::string>() != "surfzone") {
    throw std::runtime_error("the first job of agent.yml is not `surfzone`");
  }
  job["scrape_timeout"] = s.scrape_interval;
  Need(job["static_configs"], "static_configs")[0]["targets"][0] =
      "127.0.0.1:" + std::to_string(s.surfzoned_port);
  YAML::Node relabel = Need(job["relabel_configs"], "relabel_configs")[0];
  if (Need(relabel["target_label"], "relabel target_label").as<std::string>() != "instance") {
    throw std::runtime_error("agent.yml's first relabeling does not set `instance`");
  }
  relabel["replacement"] = "surfzone-shard-" + std::to_string(s.shard);

  YAML::Node write = Need(root["remote_write"], "remote_write")[0];
  write["url"] = "http://127.0.0.1:" + std::to_string(s.store_port) + "/api/v1/write";
  write["queue_config"]["batch_send_deadline"] = "500ms";
  YAML::Emitter out;
  out << root;
  return out.c_str();
}

}  // namespace surfzone::region_test
