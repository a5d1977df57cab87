#pragma once
/// Prometheus exposition of a Snapshot.

#include <prometheus/collectable.h>
#include <prometheus/metric_family.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "surfzone/state/snapshot.hpp"

namespace surfzone::state {

/// Renders `snapshot` as these families (names and labels are a contract):
///   surfzone_ap_up{ap,location}                                         gauge 1/0
///   surfzone_ap_info{ap,location,kind,district,address,profile,sys_name,sys_descr,
///                    sys_object_id,traffic_source,model,firmware,serial,mac,
///                    controller}                                        gauge 1
///   surfzone_ap_boot_time_seconds{ap,location}                          gauge, when known
///   surfzone_ap_reboots_total{ap,location}                              counter
///   surfzone_ap_traffic_bytes_total{ap,location,direction="rx"|"tx"}    counter
///   surfzone_ap_last_poll_timestamp_seconds{ap,location}                gauge, when known
///   surfzone_ap_last_success_timestamp_seconds{ap,location}             gauge, when known
///   surfzone_ap_poll_duration_seconds{ap,location}                      gauge, when known
///   surfzone_ap_polls_total{ap,location}                                counter
///   surfzone_ap_poll_failures_total{ap,location}                        counter
///   surfzone_location_aps{location,kind}                                gauge
///   surfzone_location_aps_up{location,kind}                             gauge
///   surfzone_location_traffic_bytes_total{location,kind,direction}      counter
///   surfzone_location_info{location,kind,district,lat,lon}              gauge 1
///   surfzone_location_state_seconds_total{location,kind,state="up"|"degraded"|"down"} counter
/// in this order, samples in snapshot order, then surfzone_location_aps_unknown after
/// surfzone_location_aps_up, and the Wi-Fi client and controller families last (list in
/// src/wifi_families.hpp). surfzone_ap_up has no sample for an AP whose state is unknown.
/// lat/lon are the shortest decimal that round-trips,
/// empty when unknown. A family without samples (e.g. no AP has a known boot time) is omitted.
/// Label values are raw; prometheus::TextSerializer (or TextWriter) escapes them.
/// Every family is described once, in EmitSnapshot (exposition.cpp), with Begin/Sample/End; to add
/// one, add it there and both RenderSnapshot and WriteSnapshotText carry it.
std::vector<prometheus::MetricFamily> RenderSnapshot(const Snapshot& snapshot);

/// The same families as RenderSnapshot, written directly as Prometheus text and appended to
/// `out` (the /metrics fast path: no prometheus-cpp objects per sample; reserve `out` to reuse
/// its capacity). Integer-valued samples are written exactly.
void WriteSnapshotText(const Snapshot& snapshot, std::string& out);

/// A slight over-estimate of the bytes WriteSnapshotText writes (for one reserve()).
std::size_t EstimateSnapshotTextSize(const Snapshot& snapshot);

/// Holds the latest published Snapshot and renders it on Collect(). Thread-safe: Publish() from
/// the poll thread, Collect() from the HTTP thread; rendering happens outside the lock. Before the
/// first Publish(), Collect() returns no families.
class SnapshotCollectable : public prometheus::Collectable {
 public:
  void Publish(std::shared_ptr<const Snapshot> snapshot);
  /// The latest published snapshot (may be null).
  std::shared_ptr<const Snapshot> Latest() const;
  std::vector<prometheus::MetricFamily> Collect() const override;
  /// WriteSnapshotText of the latest snapshot (nothing before the first Publish()).
  void AppendText(std::string& out) const;
  /// A slight over-estimate of AppendText's size, for reserving the buffer once.
  std::size_t SizeHint() const;

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

}  // namespace surfzone::state
