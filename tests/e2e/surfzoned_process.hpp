#pragma once
// The daemon under test: surfzoned started as a child process on a free loopback port, plus
// bounded waits on its HTTP endpoints. Every wait has a deadline; nothing sleeps for timing.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/testing/child_process.hpp"
#include "surfzone/testing/http_client.hpp"
#include "surfzone/testing/metrics_text.hpp"

namespace surfzone::e2e {

using namespace std::chrono_literals;
using testing::Labels;
using testing::MetricsText;

/// Path of the binary under test (a compile definition set by tests/e2e/CMakeLists.txt).
const char* SurfzonedPath();

class Surfzoned {
 public:
  /// Starts `surfzoned --config.file <config> --web.listen-address 127.0.0.1:<free port>
  /// --log.level debug <extra_args>` with its output in `<log_dir>/surfzoned.log`, and waits
  /// until it answers HTTP. Throws std::runtime_error (with the log) if it exits or stays silent.
  Surfzoned(const std::string& log_dir, const std::string& config,
            std::vector<std::string> extra_args = {});

  unsigned short port() const { return port_; }
  testing::ChildProcess& process() { return *proc_; }
  /// Everything the daemon wrote to stdout/stderr so far.
  std::string Log() const;

  /// GET /metrics; throws unless the status is 200.
  MetricsText Scrape() const;
  /// GET /metrics; the raw body.
  std::string ScrapeText() const;
  /// The HTTP status of GET `target` (0 if the request failed).
  int Status(const std::string& target) const;

  /// Scrapes every 100 ms until `pred` holds or `limit` passes; returns whether it held. The
  /// last scrape is stored in `*last` when given (useful for failure messages).
  bool WaitFor(const std::function<bool(const MetricsText&)>& pred, std::chrono::milliseconds limit,
               MetricsText* last = nullptr) const;
  /// Waits until GET `target` answers `status`.
  bool WaitForStatus(const std::string& target, int status, std::chrono::milliseconds limit) const;

 private:
  std::string log_file_;
  unsigned short port_ = 0;
  std::unique_ptr<testing::ChildProcess> proc_;
};

/// Labels selecting one access point's samples.
inline Labels Ap(const std::string& name) { return {{"ap", name}}; }

/// A sample's value or -1 if missing, for compact predicates (all values asserted are >= 0).
double ValueOr(const MetricsText& m, const std::string& name, const Labels& labels,
               double missing = -1);

/// Result of a short, bounded run of surfzoned (e.g. --check-config).
struct RunResult {
  int exit_code = -1;  ///< -1 if it did not exit normally within the limit
  std::string out, err;
};

/// Runs surfzoned with `args` (stdout/stderr kept apart, files in `dir`), killing it after
/// `limit`.
RunResult RunSurfzoned(const std::string& dir, const std::vector<std::string>& args,
                       std::chrono::milliseconds limit = 10s);

/// Writes `content` to `path` atomically (temp file + rename) so the daemon never reads half.
void WriteFileAtomic(const std::string& path, const std::string& content);

/// Unix time now, in seconds.
double NowSeconds();

}  // namespace surfzone::e2e
