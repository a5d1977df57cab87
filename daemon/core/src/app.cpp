#include "surfzone/core/app.hpp"

#include <prometheus/text_serializer.h>
#include <sys/resource.h>

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <ctime>
#include <iostream>
#include <utility>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/core/config_loader.hpp"
#include "surfzone/core/fleet.hpp"
#include "surfzone/core/poller.hpp"
#include "surfzone/core/self_metrics.hpp"
#include "surfzone/core/shard.hpp"
#include "surfzone/core/snapshot_hub.hpp"
#include "surfzone/http/log.hpp"
#include "surfzone/http/server.hpp"
#include "surfzone/state/exposition.hpp"

namespace surfzone::core {
namespace asio = boost::asio;
namespace log = http::log;

namespace {

config::LoadOptions LoaderOptions(const Options& options) {
  config::LoadOptions out = collectors::ConfigLoadOptions();
  out.max_file_size = options.config_max_size;
  return out;
}

// --shard wins over the config's `shard:`; neither: the whole inventory.
config::Shard EffectiveShard(const Options& options, const config::Config& cfg) {
  return options.shard.value_or(cfg.shard.value_or(config::Shard{}));
}

// Why a reload to `cfg` is refused ("" if it is not): a file without access points (empty,
// comments only, a bare `locations:`) is far more often a truncated deployment than a wish to
// stop all monitoring, unless the file says so.
std::string EmptyInventoryRefusal(const config::Config& cfg) {
  if (config::CountAccessPoints(cfg) > 0 || cfg.allow_empty) return "";
  return cfg.source_file +
         ": the configuration has no access points; a reload to it is refused (set "
         "\"allow_empty: true\" to allow)";
}

// SNMP sessions share one UDP socket, but HTTP connections and a large config still want room.
void RaiseFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
  }
}

// Threads: the poll loop (io_, this thread) owns the fleet and builds snapshots; the HTTP server
// runs on its own thread and never waits for this one (it hands over continuations); config
// files are parsed on the loader's thread and only swapped in here.
class Daemon {
 public:
  Daemon(const Options& options, config::Config cfg)
      : options_(options),
        initial_config_(std::move(cfg)),
        poller_(io_.get_executor(), engine_, fleet_, metrics_),
        signals_(io_, SIGINT, SIGTERM),
        hup_(io_, SIGHUP),
        tick_timer_(io_),
        hub_(io_.get_executor(), [this](state::Snapshot& s) { BuildSnapshot(s); }) {}

  int Run() {
    ApplyConfig(std::exchange(initial_config_, {}));
    metrics_.ReloadResult(true, WallNow());
    http::ServerOptions server_options;
    server_options.web_config_file = options_.web_config_file;
    server_options.gzip = !options_.disable_compression;
    http::Server server(options_.listen_address, MakeHandlers(), server_options);
    server_ = &server;
    try {
      server.Start();
    } catch (const std::exception& e) {
      log::Error("cannot start the HTTP server", {{"address", options_.listen_address},
                                                  {"web_config_file", options_.web_config_file},
                                                  {"error", e.what()}});
      return 1;
    }
    log::Info("surfzoned started", {{"version", SURFZONE_VERSION},
                                    {"config", options_.config_file},
                                    {"listen_address", options_.listen_address},
                                    {"port", static_cast<int>(server.port())},
                                    {"shard", shard_.ToString()},
                                    {"access_points", static_cast<int>(fleet_.aps().size())}});
    WaitSignals();
    WaitHup();
    hub_.BuildNow();
    Tick();
    io_.run();
    server.Stop();
    server_ = nullptr;
    log::Info("surfzoned stopped");
    return 0;
  }

 private:
  http::Handlers MakeHandlers() {
    http::Handlers handlers;
    // HTTP thread: the reply is rendered there, part by part, from an immutable snapshot.
    handlers.metrics = [this](http::Respond respond) {
      hub_.Fresh([this, respond = std::move(respond)](SnapshotHub::Ptr snapshot) {
        http::RouteReply reply;
        reply.parts = MetricsParts(std::move(snapshot));
        respond(std::move(reply));
      });
    };
    handlers.ready = [this] { return ready_.load(); };
    handlers.on_connection_dropped = [this](std::string_view reason) {
      metrics_.HttpConnectionDropped(reason);
    };
    handlers.on_auth_failure = [this](std::string_view reason) {
      metrics_.HttpAuthFailure(reason);
    };
    handlers.reload = [this](std::function<void(bool, std::string)> done) {
      asio::post(io_, [this, done = std::move(done)] { Reload("http", done); });
    };
    return handlers;
  }

  // The /metrics body in parts of ~256 KiB: the snapshot's families, then the self metrics.
  // A scrape adds one part to the resident memory instead of the whole body (30 MB at 20,000
  // APs).
  std::function<bool(std::string&)> MetricsParts(SnapshotHub::Ptr snapshot) const {
    constexpr std::size_t kPartBytes = 256 * 1024;
    return [snapshot_parts = state::TextParts(std::move(snapshot), kPartBytes),
            registry = metrics_.registry(), self_done = false](std::string& out) mutable {
      if (snapshot_parts(out)) return true;
      if (!self_done) out += prometheus::TextSerializer().Serialize(registry->Collect());
      self_done = true;
      return false;
    };
  }

  // Poll thread. The fleet keeps what it needs (each AP's settings, locations, profiles); the
  // Config itself is freed on the loader's thread (~5 MB of small allocations at 20,000 APs).
  void ApplyConfig(config::Config cfg) {
    poller_.SetMaxInFlight(cfg.max_in_flight);
    shard_ = EffectiveShard(options_, cfg);
    metrics_.SetShard(shard_);
    if (shard_.count <= 1) {  // the whole inventory: no filtered copy
      poller_.Add(fleet_.Apply(cfg));
    } else {
      ShardedConfig sharded = FilterShard(cfg, shard_);
      poller_.Add(fleet_.Apply(sharded.config, sharded.controllers));
      loader_.Dispose(std::move(sharded));
    }
    loader_.Dispose(std::move(cfg));
  }

  // Poll thread: the file is read and validated on the loader's thread; only the swap runs
  // here. `done` (optional) gets the outcome.
  void Reload(const char* trigger, std::function<void(bool, std::string)> done = {}) {
    if (server_ != nullptr) server_->RefreshWebConfig();  // the web config too, if it changed
    const auto asked = std::chrono::steady_clock::now();
    loader_.Load(
        options_.config_file, LoaderOptions(options_), io_.get_executor(),
        [this, trigger, asked, done = std::move(done)](LoadResult loaded) {
          if (!loaded.config) {
            metrics_.ReloadResult(false, WallNow());
            log::Error(
                "configuration reload failed; keeping the running configuration",
                {{"trigger", trigger}, {"file", options_.config_file}, {"error", loaded.error}});
            if (done) done(false, loaded.error);
            return;
          }
          if (const std::string refused = EmptyInventoryRefusal(*loaded.config); !refused.empty()) {
            metrics_.ReloadResult(false, WallNow());
            log::Error("configuration reload refused; keeping the running configuration",
                       {{"trigger", trigger}, {"file", options_.config_file}, {"error", refused}});
            loader_.Dispose(std::move(*loaded.config));
            if (done) done(false, refused);
            return;
          }
          const auto swap_started = std::chrono::steady_clock::now();
          ApplyConfig(std::move(*loaded.config));
          metrics_.ReloadResult(true, WallNow());
          hub_.BuildNow();
          const auto now = std::chrono::steady_clock::now();
          log::Info("configuration reloaded",
                    {{"trigger", trigger},
                     {"file", options_.config_file},
                     {"access_points", static_cast<int>(fleet_.aps().size())},
                     {"load_seconds", Seconds(swap_started - asked)},
                     {"swap_seconds", Seconds(now - swap_started)}});
          if (done) done(true, "configuration reloaded");
        });
  }

  static double Seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
  }

  void WaitSignals() {
    signals_.async_wait([this](boost::system::error_code ec, int sig) {
      if (ec) return;
      log::Info("shutting down", {{"signal", sig}});
      poller_.Stop();
      tick_timer_.cancel();
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
  // are built when a reader asks for one (SnapshotHub::Fresh), not here: at 20,000 APs a
  // snapshot costs ~12 ms, and a 15 s scrape needs one, not fifteen.
  void Tick() {
    fleet_.ObserveLocations(WallNow());
    metrics_.SyncEngine(engine_.stats());
    if (poller_.first_cycle_done()) ready_ = true;
    tick_timer_.expires_after(std::chrono::seconds(1));
    tick_timer_.async_wait([this](boost::system::error_code ec) {
      if (!ec) Tick();
    });
  }

  // Poll thread (SnapshotHub's builder).
  void BuildSnapshot(state::Snapshot& into) {
    const std::int64_t cpu_started = ThreadCpuNanos();
    fleet_.ObserveLocations(WallNow());
    metrics_.SyncEngine(engine_.stats());
    fleet_.BuildSnapshot(into);
    // CPU time, not wall time: what the build costs the daemon, whatever else the core ran.
    metrics_.SnapshotBuilt(static_cast<double>(ThreadCpuNanos() - cpu_started) / 1e9);
  }

  static std::int64_t ThreadCpuNanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
  }

  const Options& options_;
  config::Config initial_config_;  // applied and emptied by Run()
  asio::io_context io_{1};
  ConfigLoader loader_;  // after io_: joined before io_ goes, as its replies are posted there
  snmp::Engine engine_;
  Fleet fleet_;
  SelfMetrics metrics_;
  Poller poller_;
  asio::signal_set signals_;
  asio::signal_set hup_;
  asio::steady_timer tick_timer_;
  SnapshotHub hub_;
  http::Server* server_ = nullptr;  // while Run() serves; Reload() refreshes its web config
  std::atomic<bool> ready_{false};
  config::Shard shard_;  // in force since the last ApplyConfig
};

}  // namespace

int CheckConfig(const Options& options) {
  try {
    const config::Config cfg = config::LoadFile(options.config_file, LoaderOptions(options));
    std::size_t aps = 0;
    for (const auto& l : cfg.locations) aps += l.access_points.size();
    std::cout << options.config_file << ": OK (" << cfg.locations.size() << " locations, " << aps
              << " access points)\n";
    if (aps == 0 && !cfg.allow_empty) {
      std::cerr << "warning: " << EmptyInventoryRefusal(cfg)
                << "; surfzoned starts with it but polls nothing\n";
    }
    if (const config::Shard shard = EffectiveShard(options, cfg); shard.count > 1) {
      const ShardedConfig mine = FilterShard(cfg, shard);
      std::size_t mine_aps = 0;
      for (const auto& l : mine.config.locations) mine_aps += l.access_points.size();
      std::cout << "shard " << shard.ToString() << ": " << mine.config.locations.size()
                << " locations, " << mine_aps << " access points, "
                << mine.config.controllers.size() << " controllers\n";
    }
    return 0;
  } catch (const config::ConfigException& e) {
    for (const auto& err : e.errors()) std::cerr << err.ToString() << "\n";
    if (e.more_errors() > 0) std::cerr << config::MoreErrorsLine(e.more_errors()) << "\n";
    std::cerr << options.config_file << ": " << e.total_errors() << " error(s)\n";
    return 1;
  }
}

int Run(const Options& options) {
  const auto level = log::ParseLevel(options.log_level);
  const auto format = log::ParseFormat(options.log_format);
  log::SetupLogging(level.value_or(log::Level::kInfo), format.value_or(log::Format::kLogfmt));
  config::Config cfg;
  try {
    cfg = config::LoadFile(options.config_file, LoaderOptions(options));
  } catch (const config::ConfigException& e) {
    for (const auto& err : e.errors())
      log::Error("invalid configuration", {{"error", err.ToString()}});
    if (e.more_errors() > 0) {
      log::Error("invalid configuration", {{"error", config::MoreErrorsLine(e.more_errors())}});
    }
    return 2;
  }
  if (config::CountAccessPoints(cfg) == 0) {
    log::Warn("the configuration has no access points; nothing is polled",
              {{"file", options.config_file}, {"allow_empty", cfg.allow_empty ? "true" : "false"}});
  }
  RaiseFileLimit();
  Daemon daemon(options, std::move(cfg));
  return daemon.Run();
}

}  // namespace surfzone::core
