#include "surfzone/core/self_metrics.hpp"

namespace surfzone::core {
namespace p = prometheus;

SelfMetrics::SelfMetrics() : registry_(std::make_shared<p::Registry>()) {
  auto& requests = p::BuildCounter()
                       .Name("surfzone_snmp_requests_total")
                       .Help("SNMP requests by result (after retries).")
                       .Register(*registry_);
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    requests_[i] = &requests.Add({{"result", snmp::ToString(static_cast<snmp::RequestResult>(i))}});
  }
  auto& dropped = p::BuildCounter()
                      .Name("surfzone_snmp_dropped_packets_total")
                      .Help("Incoming SNMP packets dropped, by reason.")
                      .Register(*registry_);
  for (std::size_t i = 0; i < dropped_.size(); ++i) {
    dropped_[i] = &dropped.Add({{"reason", snmp::ToString(static_cast<snmp::DropReason>(i))}});
  }
  retries_ = &p::BuildCounter()
                  .Name("surfzone_snmp_retries_total")
                  .Help("SNMP requests retransmitted after a timeout.")
                  .Register(*registry_)
                  .Add({});
  sessions_ = &p::BuildGauge()
                   .Name("surfzone_snmp_sessions")
                   .Help("Open SNMP sessions (all share one UDP socket per address family).")
                   .Register(*registry_)
                   .Add({});
  request_duration_ =
      &p::BuildHistogram()
           .Name("surfzone_snmp_request_duration_seconds")
           .Help("Round-trip time of SNMP requests, including retries.")
           .Register(*registry_)
           .Add({}, p::Histogram::BucketBoundaries{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                   0.25, 0.5, 1, 2.5, 5, 10});
  cycle_seconds_ = &p::BuildGauge()
                        .Name("surfzone_poll_cycle_seconds")
                        .Help("Duration of the last completed poll cycle (every AP polled once).")
                        .Register(*registry_)
                        .Add({});
  cycle_timestamp_ = &p::BuildGauge()
                          .Name("surfzone_poll_cycle_last_completed_timestamp_seconds")
                          .Help("Unix time the last poll cycle completed.")
                          .Register(*registry_)
                          .Add({});
  cycles_ = &p::BuildCounter()
                 .Name("surfzone_poll_cycles_total")
                 .Help("Completed poll cycles.")
                 .Register(*registry_)
                 .Add({});
  polls_started_ = &p::BuildCounter()
                        .Name("surfzone_polls_started_total")
                        .Help("AP polls started.")
                        .Register(*registry_)
                        .Add({});
  polls_late_ = &p::BuildCounter()
                     .Name("surfzone_polls_late_total")
                     .Help("AP polls that started more than max(1s, 10% of the interval) late.")
                     .Register(*registry_)
                     .Add({});
  snapshot_seconds_ = &p::BuildCounter()
                           .Name("surfzone_metrics_snapshot_seconds_total")
                           .Help("CPU time the poll thread spent building /metrics snapshots.")
                           .Register(*registry_)
                           .Add({});
  snapshots_ = &p::BuildCounter()
                    .Name("surfzone_metrics_snapshots_total")
                    .Help("/metrics snapshots built (at most one per second, on scrape).")
                    .Register(*registry_)
                    .Add({});
  in_flight_ = &p::BuildGauge()
                    .Name("surfzone_polls_in_flight")
                    .Help("AP polls in progress.")
                    .Register(*registry_)
                    .Add({});
  aps_ = &p::BuildGauge()
              .Name("surfzone_aps_configured")
              .Help("Access points in the running configuration.")
              .Register(*registry_)
              .Add({});
  reload_ok_ = &p::BuildGauge()
                    .Name("surfzone_config_last_reload_successful")
                    .Help("Whether the last configuration reload attempt was successful.")
                    .Register(*registry_)
                    .Add({});
  reload_timestamp_ = &p::BuildGauge()
                           .Name("surfzone_config_last_reload_success_timestamp_seconds")
                           .Help("Timestamp of the last successful configuration reload.")
                           .Register(*registry_)
                           .Add({});
  p::BuildGauge()
      .Name("surfzone_build_info")
      .Help("Build information of surfzoned.")
      .Register(*registry_)
      .Add({{"version", SURFZONE_VERSION}, {"revision", SURFZONE_REVISION}})
      .Set(1);
  shard_info_ = &p::BuildGauge()
                     .Name("surfzone_shard_info")
                     .Help(
                         "The shard of the inventory this instance polls (shard of shards, "
                         "by location; 1 of 1: all of it). The value is always 1.")
                     .Register(*registry_);
  SetShard({});
  auto& http_drops =
      p::BuildCounter()
          .Name("surfzone_http_connections_dropped_total")
          .Help(
              "HTTP connections closed to stay within the connection limits: idle_evicted (an "
              "idle one closed to make room), refused (a new one, nothing being idle).")
          .Register(*registry_);
  http_evicted_ = &http_drops.Add({{"reason", "idle_evicted"}});
  http_refused_ = &http_drops.Add({{"reason", "refused"}});
  auto& auth_failures =
      p::BuildCounter()
          .Name("surfzone_http_auth_failures_total")
          .Help(
              "HTTP requests refused by basic auth (--web.config.file): missing (no or malformed "
              "credentials), wrong (unknown user or wrong password), busy (too many password "
              "checks in progress; answered 503).")
          .Register(*registry_);
  auth_missing_ = &auth_failures.Add({{"reason", "missing"}});
  auth_wrong_ = &auth_failures.Add({{"reason", "wrong"}});
  auth_busy_ = &auth_failures.Add({{"reason", "busy"}});
}

void SelfMetrics::SetShard(const config::Shard& shard) {
  if (shard_) shard_info_->Remove(shard_);
  shard_ = &shard_info_->Add(
      {{"shard", std::to_string(shard.index)}, {"shards", std::to_string(shard.count)}});
  shard_->Set(1);
}

void SelfMetrics::HttpConnectionDropped(std::string_view reason) {
  (reason == "refused" ? http_refused_ : http_evicted_)->Increment();
}

void SelfMetrics::HttpAuthFailure(std::string_view reason) {
  (reason == "missing" ? auth_missing_ : reason == "busy" ? auth_busy_ : auth_wrong_)->Increment();
}

void SelfMetrics::SyncEngine(const snmp::EngineStats& stats) {
  for (std::size_t i = 0; i < requests_.size(); ++i) {
    requests_[i]->Increment(static_cast<double>(stats.requests[i] - synced_.requests[i]));
  }
  for (std::size_t i = 0; i < dropped_.size(); ++i) {
    dropped_[i]->Increment(static_cast<double>(stats.dropped[i] - synced_.dropped[i]));
  }
  retries_->Increment(static_cast<double>(stats.retries - synced_.retries));
  sessions_->Set(static_cast<double>(stats.sessions_open));
  synced_ = stats;
}

void SelfMetrics::PollCycleCompleted(double duration_seconds, double now) {
  cycle_seconds_->Set(duration_seconds);
  cycle_timestamp_->Set(now);
  cycles_->Increment();
}

void SelfMetrics::PollStarted(bool late) {
  polls_started_->Increment();
  if (late) polls_late_->Increment();
}

void SelfMetrics::ReloadResult(bool ok, double now) {
  reload_ok_->Set(ok ? 1 : 0);
  if (ok) reload_timestamp_->Set(now);
}

}  // namespace surfzone::core
