#include "surfzone/core/app.hpp"

#include <malloc.h>
#include <prometheus/text_serializer.h>
#include <sys/resource.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <ctime>
#include <future>
#include <iostream>
#include <utility>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/core/fleet.hpp"
#include "surfzone/core/poller.hpp"
#include "surfzone/core/self_metrics.hpp"
#include "surfzone/http/log.hpp"
#include "surfzone/http/server.hpp"
#include "surfzone/state/exposition.hpp"

namespace surfzone::core {
namespace asio = boost::asio;
namespace log = http::log;

namespace {

config::LoadOptions LoaderOptions() { return collectors::ConfigLoadOptions(); }

// SNMP sessions share one UDP socket, but HTTP connections and a large config still want room.
void RaiseFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
}

// /metrics bodies of a large fleet are tens of MB. A fixed mmap threshold keeps every such
// buffer an mmap that goes back to the system when freed; glibc's default dynamic threshold
// would move them into the HTTP thread's arena after the first free and keep them resident.
// With jemalloc (SURFZONE_JEMALLOC, the default build) this and malloc_trim below reach only
// glibc's unused arena and do nothing; they matter for builds without it.
void TuneAllocator() { mallopt(M_MMAP_THRESHOLD, 1 << 20); }

class Daemon {
 public:
  Daemon(const Options& options, config::Config cfg)
      : options_(options),
        initial_config_(std::move(cfg)),
        poller_(io_.get_executor(), engine_, fleet_, metrics_),
        signals_(io_, SIGINT, SIGTERM),
        hup_(io_, SIGHUP),
        publish_timer_(io_),
        snapshot_(std::make_shared<state::SnapshotCollectable>()) {}

  int Run() {
    ApplyConfig(std::exchange(initial_config_, {}));
    metrics_.ReloadResult(true, WallNow());
    http::Handlers handlers;
    handlers.render_metrics = [this] {  // HEAD /metrics
      EnsureFreshSnapshot();
      return Render();
    };
    handlers.metrics_parts = [this] {
      EnsureFreshSnapshot();
      return RenderParts();
    };
    handlers.ready = [this] { return ready_.load(); };
    handlers.reload = [this](std::function<void(bool, std::string)> done) {
      asio::post(io_, [this, done = std::move(done)] {
        auto [ok, message] = Reload("http");
        done(ok, message);
      });
    };
    http::Server server(options_.listen_address, handlers);
    try {
      server.Start();
    } catch (const std::exception& e) {
      log::Error("cannot start the HTTP server",
                 {{"address", options_.listen_address}, {"error", e.what()}});
      return 1;
    }
    log::Info("surfzoned started", {{"version", SURFZONE_VERSION},
                                    {"config", options_.config_file},
                                    {"listen_address", options_.listen_address},
                                    {"port", static_cast<int>(server.port())},
                                    {"access_points", static_cast<int>(fleet_.aps().size())}});
    WaitSignals();
    WaitHup();
    BuildAndPublish();
    Tick();
    io_.run();
    server.Stop();
    log::Info("surfzoned stopped");
    return 0;
  }

 private:
  // The fleet keeps what it needs (each AP's settings, locations, profiles); the Config itself
  // is dropped here rather than kept for the daemon's lifetime (~5 MB at 20,000 APs).
  void ApplyConfig(config::Config cfg) {
    poller_.SetMaxInFlight(cfg.max_in_flight);
    auto added = fleet_.Apply(cfg);
    poller_.Add(added);
    cfg = {};
    // Parsing a 20,000-AP YAML file peaks at ~100 MB of short-lived nodes; hand the freed heap
    // back to the system instead of keeping it resident for the daemon's lifetime.
    malloc_trim(0);
  }

  std::pair<bool, std::string> Reload(const char* trigger) {
    try {
      ApplyConfig(config::LoadFile(options_.config_file, LoaderOptions()));
      metrics_.ReloadResult(true, WallNow());
      log::Info("configuration reloaded",
                {{"trigger", trigger},
                 {"file", options_.config_file},
                 {"access_points", static_cast<int>(fleet_.aps().size())}});
      BuildAndPublish();
      return {true, "configuration reloaded"};
    } catch (const std::exception& e) {
      metrics_.ReloadResult(false, WallNow());
      log::Error("configuration reload failed; keeping the running configuration",
                 {{"trigger", trigger}, {"file", options_.config_file}, {"error", e.what()}});
      return {false, e.what()};
    }
  }

  void WaitSignals() {
    signals_.async_wait([this](boost::system::error_code ec, int sig) {
      if (ec) return;
      log::Info("shutting down", {{"signal", sig}});
      poller_.Stop();
      publish_timer_.cancel();
      hup_.cancel();
      // Let in-flight polls observe their closed sessions, then leave run().
      asio::post(io_, [this] { io_.stop(); });
    });
  }

  void WaitHup() {
    hup_.async_wait([this](boost::system::error_code ec, int) {
      if (ec) return;
      Reload("SIGHUP");
      WaitHup();
    });
  }

  // Once a second: advance location clocks, copy engine counters, note readiness. Snapshots
  // are built when a scrape asks for one (EnsureFreshSnapshot), not here: at 20,000 APs a
  // snapshot costs tens of ms, and a 15 s scrape needs one, not fifteen.
  void Tick() {
    fleet_.ObserveLocations(WallNow());
    metrics_.SyncEngine(engine_.stats());
    if (poller_.first_cycle_done()) ready_ = true;
    publish_timer_.expires_after(std::chrono::seconds(1));
    publish_timer_.async_wait([this](boost::system::error_code ec) {
      if (!ec) Tick();
    });
  }

  // Poll thread: a fresh snapshot of the fleet, published for the HTTP thread.
  void BuildAndPublish() {
    const std::int64_t cpu_started = ThreadCpuNanos();
    fleet_.ObserveLocations(WallNow());
    metrics_.SyncEngine(engine_.stats());
    snapshot_->Rebuild(snapshot_owned_, [this](state::Snapshot& s) { fleet_.BuildSnapshot(s); });
    built_at_ = SteadyNanos();
    // CPU time, not wall time: what the build costs the daemon, whatever else the core ran.
    metrics_.SnapshotBuilt(static_cast<double>(ThreadCpuNanos() - cpu_started) / 1e9);
  }

  static std::int64_t ThreadCpuNanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
  }

  static std::int64_t SteadyNanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }

  // HTTP thread: makes sure the published snapshot is at most kFreshness old, asking the poll
  // thread to build one if not (concurrent scrapes share one build). Gives up when the poll
  // thread has stopped, or after a bound, and renders the last snapshot.
  void EnsureFreshSnapshot() {
    constexpr std::int64_t kFreshness = 1'000'000'000;  // 1 s, as the old periodic publish
    const std::int64_t asked = SteadyNanos();
    if (asked - built_at_.load() < kFreshness) return;
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> built = done->get_future();
    asio::post(io_, [this, asked, done] {
      if (built_at_.load() < asked) BuildAndPublish();
      done->set_value();
    });
    // In short steps, so that a daemon shutting down neither holds the scrape nor its own exit.
    constexpr auto kStep = std::chrono::milliseconds(50);
    for (auto waited = kStep; waited <= std::chrono::seconds(5); waited += kStep) {
      if (built.wait_for(kStep) == std::future_status::ready || io_.stopped()) return;
    }
  }

  // HTTP thread: both sources are thread-safe. The per-AP families are written straight to
  // text (no prometheus-cpp objects per sample); self metrics go through prometheus-cpp.
  std::string Render() {
    std::string out;
    // One allocation: growing by doubling would briefly hold two copies of a 30 MB body.
    const std::size_t last = last_render_size_.load();
    out.reserve(last ? last + last / 16 + 4096 : snapshot_->SizeHint());
    snapshot_->AppendText(out);
    out += prometheus::TextSerializer().Serialize(metrics_.registry()->Collect());
    last_render_size_ = out.size();
    return out;
  }

  // The same body as Render() in parts of ~256 KiB: what GET /metrics sends, so that a scrape
  // adds one part to the resident memory instead of the whole body (30 MB at 20,000 APs).
  std::function<bool(std::string&)> RenderParts() {
    constexpr std::size_t kPartBytes = 256 * 1024;
    return [snapshot_parts = snapshot_->TextParts(kPartBytes), registry = metrics_.registry(),
            self_done = false](std::string& out) mutable {
      if (snapshot_parts(out)) return true;
      if (!self_done) out += prometheus::TextSerializer().Serialize(registry->Collect());
      self_done = true;
      return false;
    };
  }

  const Options& options_;
  config::Config initial_config_;  // applied and emptied by Run()
  asio::io_context io_{1};
  snmp::Engine engine_;
  Fleet fleet_;
  SelfMetrics metrics_;
  Poller poller_;
  asio::signal_set signals_;
  asio::signal_set hup_;
  asio::steady_timer publish_timer_;
  std::shared_ptr<state::SnapshotCollectable> snapshot_;
  std::shared_ptr<state::Snapshot> snapshot_owned_;  // the published one, rebuilt in place
  std::atomic<bool> ready_{false};
  std::atomic<std::size_t> last_render_size_{0};
  std::atomic<std::int64_t> built_at_{0};  // steady clock, ns: when the latest snapshot was built
};

}  // namespace

int CheckConfig(const Options& options) {
  try {
    const config::Config cfg = config::LoadFile(options.config_file, LoaderOptions());
    std::size_t aps = 0;
    for (const auto& l : cfg.locations) aps += l.access_points.size();
    std::cout << options.config_file << ": OK (" << cfg.locations.size() << " locations, " << aps
              << " access points)\n";
    return 0;
  } catch (const config::ConfigException& e) {
    for (const auto& err : e.errors()) std::cerr << err.ToString() << "\n";
    std::cerr << options.config_file << ": " << e.errors().size() << " error(s)\n";
    return 1;
  }
}

int Run(const Options& options) {
  const auto level = log::ParseLevel(options.log_level);
  const auto format = log::ParseFormat(options.log_format);
  log::SetupLogging(level.value_or(log::Level::kInfo), format.value_or(log::Format::kLogfmt));
  config::Config cfg;
  try {
    cfg = config::LoadFile(options.config_file, LoaderOptions());
  } catch (const config::ConfigException& e) {
    for (const auto& err : e.errors())
      log::Error("invalid configuration", {{"error", err.ToString()}});
    return 2;
  }
  RaiseFileLimit();
  TuneAllocator();
  Daemon daemon(options, std::move(cfg));
  return daemon.Run();
}

}  // namespace surfzone::core
