#pragma once
/// The poll scheduler: one timer and a due-time heap for the whole fleet (no thread, no
/// coroutine and no timer per idle AP). Each AP's first poll is placed at a stable offset
/// inside its interval (hash of its name, in whole PhaseSlots), so polls are spread and never
/// all fire at :00, yet start a few at a time.
/// A poll is one short-lived coroutine; at most `max_in_flight` run at once and the rest wait
/// in FIFO order. A dead AP costs one timeout per poll and is retried with backoff up to its
/// interval; it never delays other APs.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "surfzone/core/fleet.hpp"
#include "surfzone/core/self_metrics.hpp"
#include "surfzone/snmp/client.hpp"
#include "surfzone/snmp/engine.hpp"

namespace surfzone::core {

/// The step of the APs' first-poll offsets in a fleet of `aps` polled every `interval`: long
/// enough for about 8 polls to start together (one wake-up for all of them), never shorter than
/// the scheduler's 20 ms wake-up grid (a multiple of it), never longer than 1 s or a tenth of
/// the interval.
std::chrono::milliseconds PhaseSlot(std::chrono::milliseconds interval, std::size_t aps);

/// Makes the client a poll talks to an AP through (a Session on the daemon's Engine; an
/// in-memory MibClient in the poll path's unit tests).
using ClientFactory = std::function<std::shared_ptr<snmp::Client>(snmp::SessionOptions)>;

class Poller {
 public:
  /// Polls over the network: a snmp::Session on `engine` per AP.
  Poller(boost::asio::any_io_executor executor, snmp::Engine& engine, Fleet& fleet,
         SelfMetrics& metrics);
  Poller(boost::asio::any_io_executor executor, ClientFactory clients, Fleet& fleet,
         SelfMetrics& metrics);

  /// Schedules APs that are new to the fleet (first poll spread over their interval).
  void Add(const std::vector<std::shared_ptr<ApEntry>>& aps);
  /// After a reload: re-count the cycle in progress against the new fleet.
  void FleetChanged();
  void SetMaxInFlight(int n) { max_in_flight_ = n > 0 ? n : 1; }
  /// Cancels the timer and closes every session; in-flight polls end promptly.
  void Stop();

  /// True once every AP has been polled at least once (for /-/ready).
  bool first_cycle_done() const { return cycles_completed_ > 0; }
  int in_flight() const { return in_flight_; }

 private:
  struct Due {
    Clock::time_point at;
    std::weak_ptr<ApEntry> ap;
    bool operator>(const Due& o) const { return at > o.at; }
  };

  void Push(const std::shared_ptr<ApEntry>& ap, Clock::time_point at);
  void Arm();
  void OnTimer();
  void Start(std::shared_ptr<ApEntry> ap);
  boost::asio::awaitable<void> Poll(std::shared_ptr<ApEntry> ap);
  /// `discarded`: the poll's result was dropped (AP removed or changed by a reload meanwhile).
  void Finished(const std::shared_ptr<ApEntry>& ap, bool ok, bool discarded = false);
  void CountForCycle(ApEntry& ap);

  boost::asio::any_io_executor executor_;
  ClientFactory clients_;
  Fleet& fleet_;
  SelfMetrics& metrics_;
  boost::asio::steady_timer timer_;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> heap_;
  std::deque<std::weak_ptr<ApEntry>> waiting_;  // due, but no free slot yet
  Clock::time_point armed_for_ = Clock::time_point::max();
  int in_flight_ = 0;
  int max_in_flight_ = 1000;
  bool stopped_ = false;
  std::uint64_t cycle_ = 1;
  std::size_t cycle_pending_ = 0;
  Clock::time_point cycle_start_ = Clock::now();
  std::uint64_t cycles_completed_ = 0;
};

/// Wall-clock now as unix seconds.
double WallNow();

}  // namespace surfzone::core
