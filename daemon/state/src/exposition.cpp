#include "surfzone/state/exposition.hpp"

#include <charconv>
#include <string>
#include <utility>

#include "surfzone/state/wifi_exposition.hpp"

namespace surfzone::state {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;
using Labels = std::vector<ClientMetric::Label>;

MetricFamily MakeFamily(const char* name, const char* help, MetricType type, std::size_t samples) {
  MetricFamily family;
  family.name = name;
  family.help = help;
  family.type = type;
  family.metric.reserve(samples);
  return family;
}

void Add(MetricFamily& family, Labels labels, double value) {
  ClientMetric& metric = family.metric.emplace_back();
  metric.label = std::move(labels);
  if (family.type == MetricType::Counter) {
    metric.counter.value = value;
  } else {
    metric.gauge.value = value;
  }
}

// Labels are built with push_back of temporaries: an initializer_list would copy every string
// twice, which adds up at 20,000 APs x 13 samples.
Labels ApLabels(const ApSnapshot& ap, std::size_t extra = 0) {
  Labels labels;
  labels.reserve(2 + extra);
  labels.push_back({"ap", ap.name});
  labels.push_back({"location", ap.location});
  return labels;
}

Labels ApLabels(const ApSnapshot& ap, const char* name, const char* value) {
  Labels labels = ApLabels(ap, 1);
  labels.push_back({name, value});
  return labels;
}

Labels ApInfoLabels(const ApSnapshot& ap) {
  Labels labels = ApLabels(ap, 13);
  labels.push_back({"kind", ap.kind});
  labels.push_back({"district", ap.district});
  labels.push_back({"address", ap.address});
  labels.push_back({"profile", ap.profile});
  labels.push_back({"sys_name", ap.sys_name});
  labels.push_back({"sys_descr", ap.sys_descr});
  labels.push_back({"sys_object_id", ap.sys_object_id});
  labels.push_back({"traffic_source", ap.traffic_source});
  // Identity from the Wi-Fi profile (issue 6); empty when the profile has none.
  labels.push_back({"model", ap.model});
  labels.push_back({"firmware", ap.firmware});
  labels.push_back({"serial", ap.serial});
  labels.push_back({"mac", ap.mac});
  labels.push_back({"controller", ap.controller});
  return labels;
}

Labels LocationLabels(const LocationSnapshot& location, std::size_t extra = 0) {
  Labels labels;
  labels.reserve(2 + extra);
  labels.push_back({"location", location.name});
  labels.push_back({"kind", location.kind});
  return labels;
}

Labels LocationLabels(const LocationSnapshot& location, const char* name, const char* value) {
  Labels labels = LocationLabels(location, 1);
  labels.push_back({name, value});
  return labels;
}

std::string FormatCoordinate(const std::optional<double>& value) {
  if (!value) return {};
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), *value);
  return std::string(buffer, result.ptr);
}

double AsDouble(std::uint64_t value) { return static_cast<double>(value); }

}  // namespace

std::vector<MetricFamily> RenderSnapshot(const Snapshot& snapshot) {
  const std::size_t n_aps = snapshot.aps.size();
  const std::size_t n_locations = snapshot.locations.size();

  MetricFamily ap_up =
      MakeFamily("surfzone_ap_up", "Whether the AP answered its last poll (1) or not (0).",
                 MetricType::Gauge, n_aps);
  MetricFamily ap_info = MakeFamily(
      "surfzone_ap_info", "Static and discovered facts about the AP; the value is always 1.",
      MetricType::Gauge, n_aps);
  MetricFamily ap_boot = MakeFamily("surfzone_ap_boot_time_seconds",
                                    "Unix time the AP last booted, derived from its uptime.",
                                    MetricType::Gauge, n_aps);
  MetricFamily ap_reboots =
      MakeFamily("surfzone_ap_reboots_total", "Reboots of the AP detected since surfzoned started.",
                 MetricType::Counter, n_aps);
  MetricFamily ap_traffic = MakeFamily(
      "surfzone_ap_traffic_bytes_total",
      "Bytes received (rx) and transmitted (tx) by the AP, accumulated from counter deltas.",
      MetricType::Counter, 2 * n_aps);
  MetricFamily ap_last_poll =
      MakeFamily("surfzone_ap_last_poll_timestamp_seconds", "Unix time of the last poll of the AP.",
                 MetricType::Gauge, n_aps);
  MetricFamily ap_last_success =
      MakeFamily("surfzone_ap_last_success_timestamp_seconds",
                 "Unix time of the last successful poll of the AP.", MetricType::Gauge, n_aps);
  MetricFamily ap_duration =
      MakeFamily("surfzone_ap_poll_duration_seconds", "Duration of the last poll of the AP.",
                 MetricType::Gauge, n_aps);
  MetricFamily ap_polls = MakeFamily("surfzone_ap_polls_total", "Polls of the AP attempted.",
                                     MetricType::Counter, n_aps);
  MetricFamily ap_failures = MakeFamily("surfzone_ap_poll_failures_total",
                                        "Polls of the AP that failed.", MetricType::Counter, n_aps);

  for (const ApSnapshot& ap : snapshot.aps) {
    Add(ap_up, ApLabels(ap), ap.up ? 1 : 0);
    Add(ap_info, ApInfoLabels(ap), 1);
    if (ap.boot_time_seconds) Add(ap_boot, ApLabels(ap), *ap.boot_time_seconds);
    Add(ap_reboots, ApLabels(ap), AsDouble(ap.reboots));
    Add(ap_traffic, ApLabels(ap, "direction", "rx"), AsDouble(ap.rx_bytes));
    Add(ap_traffic, ApLabels(ap, "direction", "tx"), AsDouble(ap.tx_bytes));
    if (ap.last_poll_timestamp_seconds) {
      Add(ap_last_poll, ApLabels(ap), *ap.last_poll_timestamp_seconds);
    }
    if (ap.last_success_timestamp_seconds) {
      Add(ap_last_success, ApLabels(ap), *ap.last_success_timestamp_seconds);
    }
    if (ap.poll_duration_seconds) Add(ap_duration, ApLabels(ap), *ap.poll_duration_seconds);
    Add(ap_polls, ApLabels(ap), AsDouble(ap.polls_total));
    Add(ap_failures, ApLabels(ap), AsDouble(ap.poll_failures_total));
  }

  MetricFamily loc_aps =
      MakeFamily("surfzone_location_aps", "Access points configured at the location.",
                 MetricType::Gauge, n_locations);
  MetricFamily loc_aps_up = MakeFamily(
      "surfzone_location_aps_up", "Access points at the location that answered their last poll.",
      MetricType::Gauge, n_locations);
  MetricFamily loc_traffic =
      MakeFamily("surfzone_location_traffic_bytes_total",
                 "Bytes received (rx) and transmitted (tx) by all APs of the location.",
                 MetricType::Counter, 2 * n_locations);
  MetricFamily loc_info = MakeFamily("surfzone_location_info",
                                     "Static facts about the location; the value is always 1.",
                                     MetricType::Gauge, n_locations);
  MetricFamily loc_state = MakeFamily(
      "surfzone_location_state_seconds_total",
      "Seconds the location spent up (all APs up), degraded (some up) or down (none up).",
      MetricType::Counter, 3 * n_locations);

  for (const LocationSnapshot& location : snapshot.locations) {
    Add(loc_aps, LocationLabels(location), location.aps);
    Add(loc_aps_up, LocationLabels(location), location.aps_up);
    Add(loc_traffic, LocationLabels(location, "direction", "rx"), AsDouble(location.rx_bytes));
    Add(loc_traffic, LocationLabels(location, "direction", "tx"), AsDouble(location.tx_bytes));
    Labels info = LocationLabels(location, 3);
    info.push_back({"district", location.district});
    info.push_back({"lat", FormatCoordinate(location.lat)});
    info.push_back({"lon", FormatCoordinate(location.lon)});
    Add(loc_info, std::move(info), 1);
    Add(loc_state, LocationLabels(location, "state", "up"), location.seconds_up);
    Add(loc_state, LocationLabels(location, "state", "degraded"), location.seconds_degraded);
    Add(loc_state, LocationLabels(location, "state", "down"), location.seconds_down);
  }

  std::vector<MetricFamily> families;
  families.reserve(15);
  for (MetricFamily* family : {&ap_up, &ap_info, &ap_boot, &ap_reboots, &ap_traffic, &ap_last_poll,
                               &ap_last_success, &ap_duration, &ap_polls, &ap_failures, &loc_aps,
                               &loc_aps_up, &loc_traffic, &loc_info, &loc_state}) {
    if (!family->metric.empty()) families.push_back(std::move(*family));
  }
  AppendWifiFamilies(snapshot, families);  // issue 6 families, see wifi_exposition.hpp
  return families;
}

void SnapshotCollectable::Publish(std::shared_ptr<const Snapshot> snapshot) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot_.swap(snapshot);
  }
  // `snapshot` now holds the previous one; if this was the last reference, it is freed here,
  // outside the lock, so a scrape never waits for 20,000 APs' worth of strings to be destroyed.
}

std::shared_ptr<const Snapshot> SnapshotCollectable::Latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshot_;
}

std::vector<MetricFamily> SnapshotCollectable::Collect() const {
  const std::shared_ptr<const Snapshot> snapshot = Latest();
  if (!snapshot) return {};
  return RenderSnapshot(*snapshot);
}

}  // namespace surfzone::state
