#include "surfzone/core/poller.hpp"

#include <algorithm>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <functional>

#include "surfzone/collectors/plan_executor.hpp"
#include "surfzone/core/detect_profile.hpp"
#include "surfzone/log/log.hpp"
#include "surfzone/snmp/session.hpp"

namespace surfzone::core {
namespace asio = boost::asio;
namespace log = ::surfzone::log;

double WallNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Poller::Poller(asio::any_io_executor executor, snmp::Engine& engine, Fleet& fleet,
               SelfMetrics& metrics)
    : Poller(
          executor,
          [executor, &engine](snmp::SessionOptions opts) -> std::shared_ptr<snmp::Client> {
            return std::make_shared<snmp::Session>(executor, engine, std::move(opts));
          },
          fleet, metrics) {}

Poller::Poller(asio::any_io_executor executor, ClientFactory clients, Fleet& fleet,
               SelfMetrics& metrics)
    : executor_(executor),
      clients_(std::move(clients)),
      fleet_(fleet),
      metrics_(metrics),
      timer_(executor) {}

namespace {

// The wake-up grid of Poller::Arm: polls due within one tick start together.
constexpr std::chrono::milliseconds kTick{20};

}  // namespace

std::chrono::milliseconds PhaseSlot(std::chrono::milliseconds interval, std::size_t aps) {
  // About 8 polls per slot; never finer than the wake-up grid, never coarser than 1 s or a
  // tenth of the interval; a whole number of ticks.
  constexpr std::int64_t kPollsPerSlot = 8;
  const std::int64_t tick = kTick.count();
  const std::int64_t ms = std::max<std::int64_t>(interval.count(), 1);
  const std::int64_t fleet = static_cast<std::int64_t>(std::max<std::size_t>(aps, 1));
  const std::int64_t most = std::max<std::int64_t>(tick, std::min<std::int64_t>(1000, ms / 10));
  const std::int64_t slot = std::clamp<std::int64_t>(ms * kPollsPerSlot / fleet, tick, most);
  return std::chrono::milliseconds((slot / tick) * tick);
}

void Poller::Add(const std::vector<std::shared_ptr<ApEntry>>& aps) {
  const auto now = Clock::now();
  const std::size_t fleet = std::max(fleet_.pollables().size(), aps.size());
  for (const auto& ap : aps) {
    // A stable phase per AP name: restarts keep the spread, nothing lines up at :00. Phases
    // are whole slots (PhaseSlot): a small fleet's polls start in batches of several, which
    // costs one wake-up per batch instead of one per poll (at 200 APs, polls 150 ms apart each
    // paid the event loop's and the kernel's wake-up alone); a large fleet fills every tick
    // anyway.
    const std::chrono::milliseconds interval = ap->cfg.poll.interval;
    const std::chrono::milliseconds slot = PhaseSlot(interval, fleet);
    const auto slots = static_cast<std::size_t>(std::max<std::int64_t>(interval / slot, 1));
    const auto index = static_cast<std::int64_t>(std::hash<std::string>{}(ap->cfg.name) % slots);
    Push(ap, now + index * slot);
  }
  FleetChanged();
}

void Poller::FleetChanged() {
  cycle_pending_ = 0;
  for (const auto& ap : fleet_.pollables()) {
    if (ap->cycle_seen != cycle_) ++cycle_pending_;
  }
  metrics_.SetAps(fleet_.aps().size());
}

void Poller::Stop() {
  stopped_ = true;
  timer_.cancel();
  for (const auto& ap : fleet_.pollables()) {
    if (ap->session) ap->session->Close();
  }
}

void Poller::Push(const std::shared_ptr<ApEntry>& ap, Clock::time_point at) {
  ap->due = at;
  heap_.push({at, ap});
  if (at < armed_for_) Arm();
}

void Poller::Arm() {
  if (stopped_ || heap_.empty()) return;
  // Wake on a 20 ms grid: polls due within one tick start together, so one wake-up sends a
  // batch of requests and their answers arrive together (far fewer event-loop wake-ups at
  // 20,000 APs). 20 ms of lateness is nothing next to the 1 s "late" threshold.
  const auto due = heap_.top().at.time_since_epoch();
  armed_for_ = Clock::time_point(((due + kTick - Clock::duration(1)) / kTick) * kTick);
  timer_.expires_at(armed_for_);
  timer_.async_wait([this](boost::system::error_code ec) {
    if (ec || stopped_) return;
    armed_for_ = Clock::time_point::max();
    OnTimer();
  });
}

void Poller::OnTimer() {
  const auto now = Clock::now();
  while (!heap_.empty() && heap_.top().at <= now) {
    auto ap = heap_.top().ap.lock();
    heap_.pop();
    if (!ap || ap->retired || ap->polling || !ap->Pollable()) continue;
    if (in_flight_ < max_in_flight_) {
      Start(std::move(ap));
    } else {
      waiting_.push_back(ap);
    }
  }
  Arm();
}

void Poller::Start(std::shared_ptr<ApEntry> ap) {
  ap->polling = true;
  ++in_flight_;
  metrics_.SetInFlight(in_flight_);
  const auto lateness = Clock::now() - ap->due;
  const auto allowed =
      std::max<Clock::duration>(std::chrono::seconds(1), ap->cfg.poll.interval / 10);
  metrics_.PollStarted(lateness > allowed);
  asio::co_spawn(executor_, Poll(ap), [ap](std::exception_ptr e) {
    if (e) {
      try {
        std::rethrow_exception(e);
      } catch (const std::exception& ex) {
        log::Error("poll crashed", {{"ap", ap->cfg.name}, {"error", ex.what()}});
      }
    }
  });
}

asio::awaitable<void> Poller::Poll(std::shared_ptr<ApEntry> ap) {
  const auto started = Clock::now();
  const double wall_start = WallNow();
  snmp::ErrorCode error;
  std::string detail;

  if (!ap->endpoint) {
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(ap->cfg.address.host, ec);
    if (!ec) {
      ap->endpoint = asio::ip::udp::endpoint(addr, ap->cfg.address.port);
    } else {
      asio::ip::udp::resolver resolver(executor_);
      auto [rec, results] = co_await resolver.async_resolve(ap->cfg.address.host,
                                                            std::to_string(ap->cfg.address.port),
                                                            asio::as_tuple(asio::use_awaitable));
      if (!rec && !results.empty()) {
        ap->endpoint = results.begin()->endpoint();
      } else {
        error = rec ? rec : asio::error::host_not_found;
        detail = "cannot resolve " + ap->cfg.address.host;
      }
    }
  }

  std::shared_ptr<snmp::Client> session = ap->session;
  if (!error && !ap->retired && (!session || !session->IsOpen())) {
    snmp::SessionOptions opts;
    opts.peer = *ap->endpoint;
    opts.auth = *ap->auth;
    opts.timeout = ap->cfg.poll.timeout;
    opts.retries = ap->cfg.poll.retries;
    session = clients_(std::move(opts));
    ap->session = session;
    std::tie(error) = co_await session->AsyncOpen(asio::as_tuple(asio::use_awaitable));
    if (error) {
      detail = session->last_error();
      session->Close();  // reopen (and rediscover) next time
    }
  }

  const auto observe = [this](std::chrono::duration<double> d, bool) {
    metrics_.ObserveRequest(d.count());
  };
  if (!error && !ap->retired && !ap->profile) {  // `profile: auto`, not detected yet
    const Detection detected = co_await DetectProfile(*session, fleet_.AllProfileSpecs(), observe);
    error = detected.error;
    if (error) {
      detail = session->last_error();
    } else if (!ap->retired) {
      ap->profile = fleet_.FindProfile(detected.profile);
      ap->detect = detected.how;
      if (detected.how == "none") {
        // Never silently: say what was tried (also in surfzone_ap_info{detect="none"}).
        std::string failed;
        for (const auto& p : detected.failed_probes) failed += (failed.empty() ? "" : ",") + p;
        log::Warn("profile auto: no profile matched, using generic",
                  {{"ap", ap->cfg.name},
                   {"sys_object_id", detected.sys_object_id},
                   {"failed_probes", failed}});
      } else {
        log::Info("profile detected",
                  {{"ap", ap->cfg.name}, {"profile", detected.profile}, {"by", detected.how}});
      }
    }
  }
  // A reload may swap the entry's profile while this poll waits: keep the one it started with.
  const std::shared_ptr<const collectors::Profile> profile = ap->profile;

  collectors::PollResult result;
  if (!error && !ap->retired && profile) {
    const auto outcome = co_await collectors::ExecutePlan(
        *session, profile->plan(),
        {.max_repetitions = ap->cfg.poll.max_repetitions,
         .max_rows = static_cast<std::size_t>(ap->cfg.poll.max_rows)},
        result, observe);
    error = outcome.error;
    if (error) detail = session->last_error();
  }

  // Removed by a reload, or given another address or credentials (which closed the session it
  // used): what this poll saw says nothing about the AP as now configured. Not a failure.
  if (ap->retired || stopped_ || (session && ap->session != session)) {
    Finished(ap, false, /*discarded=*/true);
    co_return;
  }
  const double duration = std::chrono::duration<double>(Clock::now() - started).count();
  const std::optional<bool> before = ap->tracker.up();
  if (!profile && !error) error = snmp::Errc::kAgentError;  // cannot happen: auto detected above
  if (ap->is_controller) {
    if (!error) {
      collectors::ApSample sample;
      sample.poll_time_seconds = wall_start;
      profile->Decode(result, sample);
      fleet_.ApplyControllerSample(*ap, sample, duration, WallNow());
    } else {
      const log::Level level = ap->tracker.up() == false ? log::Level::kDebug : log::Level::kWarn;
      log::Log(level, "controller poll failed",
               {{"controller", ap->cfg.name},
                {"address", ap->cfg.address.ToString()},
                {"error", error.message()},
                {"detail", detail}});
      fleet_.ApplyControllerFailure(*ap, wall_start, duration, WallNow());
    }
    Finished(ap, !error);
    co_return;
  }
  TrafficDelta delta;
  if (!error) {
    collectors::ApSample sample;
    sample.poll_time_seconds = wall_start;
    profile->Decode(result, sample);
    const collectors::WifiSample& wifi = sample.wifi;
    WifiFacts facts{collectors::SummarizeAp(wifi, ""), wifi.model, wifi.firmware, wifi.serial,
                    wifi.mac};
    delta =
        ap->tracker.ApplySample(sample, profile->TrafficSource(sample), duration, std::move(facts));
    if (before == false) {
      log::Info("access point is up again", {{"ap", ap->cfg.name}, {"location", ap->location}});
    }
  } else {
    ap->tracker.ApplyFailure(wall_start, duration);
    const log::Level level = before == false ? log::Level::kDebug : log::Level::kWarn;
    log::Log(level, "access point poll failed",
             {{"ap", ap->cfg.name},
              {"location", ap->location},
              {"address", ap->cfg.address.ToString()},
              {"error", error.message()},
              {"detail", detail}});
  }
  fleet_.RecordPoll(*ap, before, delta, WallNow());
  Finished(ap, !error);
}

void Poller::Finished(const std::shared_ptr<ApEntry>& entry, bool ok, bool discarded) {
  ApEntry& ap = *entry;
  ap.polling = false;
  --in_flight_;
  metrics_.SetInFlight(in_flight_);
  if (stopped_) return;
  if (!ap.retired) {
    if (!discarded) CountForCycle(ap);
    const auto now = Clock::now();
    Clock::time_point next;
    if (discarded) {
      next = now;  // poll the AP as it is now configured at once
    } else if (ok) {
      next = ap.due + ap.cfg.poll.interval;  // keep the phase
      if (next < now) next = now;            // overran: poll again at once, never pile up
    } else {
      next = now + ap.tracker.backoff().NextDelay(ap.cfg.poll.interval, ap.cfg.poll.timeout);
    }
    Push(entry, next);
  }
  while (in_flight_ < max_in_flight_ && !waiting_.empty()) {
    auto next = waiting_.front().lock();
    waiting_.pop_front();
    if (next && !next->retired && !next->polling) Start(std::move(next));
  }
}

void Poller::CountForCycle(ApEntry& ap) {
  if (ap.cycle_seen == cycle_) return;
  ap.cycle_seen = cycle_;
  if (cycle_pending_ > 0) --cycle_pending_;
  if (cycle_pending_ == 0) {
    const auto now = Clock::now();
    metrics_.PollCycleCompleted(std::chrono::duration<double>(now - cycle_start_).count(),
                                WallNow());
    ++cycles_completed_;
    ++cycle_;
    cycle_start_ = now;
    cycle_pending_ = fleet_.pollables().size();
  }
}

}  // namespace surfzone::core
