#pragma once
/// Prometheus exposition of a Snapshot.

#include <prometheus/metric_family.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/state/snapshot.hpp"

namespace surfzone::state {

/// Renders `snapshot` as these families (names and labels are a contract):
///   surfzone_ap_up{ap,location}                                         gauge 1/0
///   surfzone_ap_info{ap,location,kind,district,address,profile,sys_name,sys_descr,
///                    sys_object_id,traffic_source,uptime_source,detect,model,
///                    firmware,serial,mac,controller}                    gauge 1
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

/// Where WriteSnapshotTextPart continues: a family (in EmitSnapshot order) and an item of it
/// (an AP, a location or a controller).
struct SnapshotTextCursor {
  std::size_t family = 0, item = 0;
  bool header_written = false;  ///< the family's HELP/TYPE lines are already out
};

/// WriteSnapshotText in parts, so that a large /metrics body never has to exist as one string:
/// appends whole items from `cursor` on until out.size() reaches `budget`, then returns true
/// with `cursor` at the next item; returns false once the rest has been written. The parts
/// concatenated are exactly WriteSnapshotText's output; `snapshot` must not change between them.
bool WriteSnapshotTextPart(const Snapshot& snapshot, SnapshotTextCursor& cursor, std::string& out,
                           std::size_t budget);

/// A slight over-estimate of the bytes WriteSnapshotText writes (for one reserve()).
std::size_t EstimateSnapshotTextSize(const Snapshot& snapshot);

/// `snapshot`'s text in parts of about `part_bytes`: each call of the returned function
/// appends the next part to its argument and returns whether more follow. Holds `snapshot`
/// until the last part is written, then lets go of it. A null snapshot writes nothing.
std::function<bool(std::string&)> TextParts(std::shared_ptr<const Snapshot> snapshot,
                                            std::size_t part_bytes);

}  // namespace surfzone::state
