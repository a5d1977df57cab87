#pragma once
// The region's servers for tests/e2e_region, each started by the test on 127.0.0.1:<free port>
// with its own temp storage, waited for until ready and killed with the test: a real
// VictoriaMetrics (Debian victoria-metrics) and real Prometheus agents (prometheus
// --enable-feature=agent). Plus the shipped deploy/prometheus/region/agent.yml turned into one
// agent's config (only the marked per-host values, ports and timings change).

#include <memory>
#include <string>

#include "monitoring_servers.hpp"
#include "surfzone/testing/child_process.hpp"

namespace surfzone::region_test {

using deploy_test::PromResult;

class VictoriaMetrics {
 public:
  /// `victoria-metrics` with -dedup.minScrapeInterval=`dedup` and -relabelConfig=`relabel_file`,
  /// showing fresh samples at once (-search.latencyOffset=0s). Waits for /health.
  VictoriaMetrics(const std::string& dir, const std::string& relabel_file,
                  const std::string& dedup);
  unsigned short port() const { return port_; }
  std::string Log() const;
  /// GET /api/v1/query (time 0 = now).
  PromResult Query(const std::string& expr, double time = 0) const;
  PromResult QueryRange(const std::string& expr, double start, double end, double step) const;

 private:
  std::string log_file_;
  unsigned short port_;
  std::unique_ptr<testing::ChildProcess> proc_;
};

class PrometheusAgent {
 public:
  /// `prometheus --enable-feature=agent` with `config_yaml` (files under `dir`/`name`); waits
  /// for /-/ready.
  PrometheusAgent(const std::string& dir, const std::string& name, const std::string& config_yaml);
  unsigned short port() const { return port_; }
  std::string Log() const;
  void Stop() { proc_.reset(); }

 private:
  std::string log_file_;
  unsigned short port_;
  std::unique_ptr<testing::ChildProcess> proc_;
};

/// What differs between the agents of a region, plus the test's ports and timings.
struct AgentSettings {
  int shard = 1;
  std::string replica = "a";
  unsigned short surfzoned_port = 0;
  unsigned short store_port = 0;
  std::string scrape_interval = "1s";
};

/// The shipped agent config (`shipped_yaml`) with the CHANGE-marked values set for `s`, the
/// scrape target and remote_write URL on 127.0.0.1 and the timings shortened. Throws
/// std::runtime_error if the shipped file no longer has the shape this relies on.
std::string AgentConfigForTest(const std::string& shipped_yaml, const AgentSettings& s);

}  // namespace surfzone::region_test
