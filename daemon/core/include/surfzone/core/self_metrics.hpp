#pragma once
/// surfzoned's own metrics (prometheus-cpp Registry): SNMP requests and drops, request
/// latency, poll cycles, config reloads, build info. Updated from the poll thread; the
/// Registry is read by the HTTP thread (prometheus-cpp metrics are thread-safe).

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <memory>
#include <string_view>

#include "surfzone/config/shard.hpp"
#include "surfzone/snmp/engine.hpp"

namespace surfzone::core {

class SelfMetrics {
 public:
  SelfMetrics();
  std::shared_ptr<prometheus::Registry> registry() const { return registry_; }

  /// Copies the SNMP engine's counters (monotonic) into the exported counters.
  void SyncEngine(const snmp::EngineStats& stats);
  void ObserveRequest(double seconds) { request_duration_->Observe(seconds); }
  void PollCycleCompleted(double duration_seconds, double now);
  void PollStarted(bool late);
  void SetInFlight(int n) { in_flight_->Set(n); }
  void SetAps(std::size_t n) { aps_->Set(static_cast<double>(n)); }
  void ReloadResult(bool ok, double now);
  /// surfzone_shard_info{shard="i",shards="n"} 1 for the shard in force (1/1 when unsharded).
  void SetShard(const config::Shard& shard);
  /// Any thread (prometheus-cpp counters are atomic): http::Handlers::on_connection_dropped.
  void HttpConnectionDropped(std::string_view reason);
  /// Any thread: http::Handlers::on_auth_failure ("missing", "wrong" or "busy").
  void HttpAuthFailure(std::string_view reason);
  void SnapshotBuilt(double seconds) {
    snapshot_seconds_->Increment(seconds);
    snapshots_->Increment();
  }

 private:
  std::shared_ptr<prometheus::Registry> registry_;
  std::array<prometheus::Counter*, static_cast<std::size_t>(snmp::RequestResult::kCount)>
      requests_{};
  std::array<prometheus::Counter*, static_cast<std::size_t>(snmp::DropReason::kCount)> dropped_{};
  prometheus::Counter* retries_;
  prometheus::Gauge* sessions_;
  snmp::EngineStats synced_{};
  prometheus::Histogram* request_duration_;
  prometheus::Gauge* cycle_seconds_;
  prometheus::Gauge* cycle_timestamp_;
  prometheus::Counter* cycles_;
  prometheus::Counter* polls_started_;
  prometheus::Counter* polls_late_;
  prometheus::Counter* snapshot_seconds_;
  prometheus::Counter* snapshots_;
  prometheus::Gauge* in_flight_;
  prometheus::Gauge* aps_;
  prometheus::Gauge* reload_ok_;
  prometheus::Gauge* reload_timestamp_;
  prometheus::Counter* http_evicted_;
  prometheus::Counter* http_refused_;
  prometheus::Counter* auth_missing_;
  prometheus::Counter* auth_wrong_;
  prometheus::Counter* auth_busy_;
  prometheus::Family<prometheus::Gauge>* shard_info_;
  prometheus::Gauge* shard_ = nullptr;  // the one sample of shard_info_
};

}  // namespace surfzone::core
