#pragma once
// A real Prometheus and a real Alertmanager (the Debian packages' binaries), each started by a
// test on 127.0.0.1:<free port> with its own temp storage, waited for until ready, and killed
// with the test (ChildProcess: SIGTERM/SIGKILL, PDEATHSIG).

#include <boost/json/value.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "surfzone/testing/child_process.hpp"

namespace surfzone::deploy_test {

using namespace std::chrono_literals;

/// The answer of Prometheus' HTTP API: `ok` when status is "success", then `data`; else the
/// error text.
struct PromResult {
  bool ok = false;
  std::string error;
  boost::json::value data;
  /// Number of series (vector/matrix) or 1 for a scalar/string result.
  std::size_t Count() const;
};

class Prometheus {
 public:
  /// Starts `prometheus --config.file=<dir>/prometheus.yml` (written from `config_yaml`, which
  /// may name files in `dir`) and waits for /-/ready. Throws with the log on failure.
  Prometheus(const std::string& dir, const std::string& config_yaml, unsigned short port);
  unsigned short port() const { return port_; }
  std::string Log() const;

  /// GET /api/v1/query?query=...&time=<time> (time 0 = now).
  PromResult Query(const std::string& expr, double time = 0) const;
  /// GET /api/v1/query_range.
  PromResult QueryRange(const std::string& expr, double start, double end, double step) const;

 private:
  std::string log_file_;
  unsigned short port_;
  std::unique_ptr<testing::ChildProcess> proc_;
};

class Alertmanager {
 public:
  /// Starts `prometheus-alertmanager` with `config_yaml`, gossip disabled, and waits for /-/ready.
  Alertmanager(const std::string& dir, const std::string& config_yaml);
  unsigned short port() const { return port_; }
  std::string Log() const;

 private:
  std::string log_file_;
  unsigned short port_;
  std::unique_ptr<testing::ChildProcess> proc_;
};

/// Percent-encodes `s` for a URL query value.
std::string UrlEncode(const std::string& s);

/// Contents of `path` ("" if it cannot be read).
std::string ReadText(const std::string& path);

}  // namespace surfzone::deploy_test
