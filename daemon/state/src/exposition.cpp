#include "surfzone/state/exposition.hpp"

#include <charconv>
#include <string>
#include <utility>

#include "surfzone/state/text_writer.hpp"
#include "wifi_families.hpp"

namespace surfzone::state {
namespace {

using prometheus::MetricFamily;
using prometheus::MetricType;

std::string FormatCoordinate(const std::optional<double>& value) {
  if (!value) return {};
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), *value);
  return std::string(buffer, result.ptr);
}

// Builds prometheus-cpp MetricFamily objects (the RenderSnapshot API).
class FamilySink {
 public:
  void Begin(const char* name, const char* help, MetricType type, std::size_t samples) {
    current_ = &families_.emplace_back();
    current_->name = name;
    current_->help = help;
    current_->type = type;
    current_->metric.reserve(samples);
  }
  void Sample(ExpositionLabels labels, double value) {
    prometheus::ClientMetric& metric = current_->metric.emplace_back();
    metric.label.reserve(labels.size());
    for (const auto& [name, label_value] : labels) {
      metric.label.push_back({std::string(name), std::string(label_value)});
    }
    if (current_->type == MetricType::Counter) {
      metric.counter.value = value;
    } else {
      metric.gauge.value = value;
    }
  }
  void Sample(ExpositionLabels labels, std::uint64_t value) {
    Sample(labels, static_cast<double>(value));
  }
  void Sample(ExpositionLabels labels, int value) { Sample(labels, static_cast<double>(value)); }
  void End() {
    if (current_ && current_->metric.empty()) families_.pop_back();
    current_ = nullptr;
  }
  std::vector<MetricFamily> Take() { return std::move(families_); }

 private:
  std::vector<MetricFamily> families_;
  MetricFamily* current_ = nullptr;
};

// The families of a snapshot, in contract order, described once for every sink.
template <typename Sink>
void EmitSnapshot(const Snapshot& snapshot, Sink& sink) {
  const auto& aps = snapshot.aps;
  const std::size_t n_aps = aps.size();
  auto ap_family = [&](const char* name, const char* help, MetricType type, auto&& each) {
    sink.Begin(name, help, type, n_aps);
    for (const ApSnapshot& ap : aps) each(ap);
    sink.End();
  };
  using L = ExpositionLabels;
  ap_family("surfzone_ap_up", "Whether the AP answered its last poll (1) or not (0).",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              // No sample while unknown (not polled yet, controller unreachable): neither 1 nor 0.
              if (ap.known) sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, ap.up ? 1 : 0);
            });
  ap_family("surfzone_ap_info", "Static and discovered facts about the AP; the value is always 1.",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              sink.Sample(L{{"ap", ap.name},
                            {"location", ap.location},
                            {"kind", ap.kind},
                            {"district", ap.district},
                            {"address", ap.address},
                            {"profile", ap.profile},
                            {"sys_name", ap.sys_name},
                            {"sys_descr", ap.sys_descr},
                            {"sys_object_id", ap.sys_object_id},
                            {"traffic_source", ap.traffic_source},
                            // Identity from the Wi-Fi profile; empty when the profile has none.
                            {"model", ap.model},
                            {"firmware", ap.firmware},
                            {"serial", ap.serial},
                            {"mac", ap.mac},
                            {"controller", ap.controller}},
                          1);
            });
  ap_family("surfzone_ap_boot_time_seconds",
            "Unix time the AP last booted, derived from its uptime.", MetricType::Gauge,
            [&](const ApSnapshot& ap) {
              if (ap.boot_time_seconds) {
                sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, *ap.boot_time_seconds);
              }
            });
  ap_family("surfzone_ap_reboots_total", "Reboots of the AP detected since surfzoned started.",
            MetricType::Counter, [&](const ApSnapshot& ap) {
              sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, ap.reboots);
            });
  sink.Begin("surfzone_ap_traffic_bytes_total",
             "Bytes received (rx) and transmitted (tx) by the AP, accumulated from counter deltas.",
             MetricType::Counter, 2 * n_aps);
  for (const ApSnapshot& ap : aps) {
    sink.Sample(L{{"ap", ap.name}, {"location", ap.location}, {"direction", "rx"}}, ap.rx_bytes);
    sink.Sample(L{{"ap", ap.name}, {"location", ap.location}, {"direction", "tx"}}, ap.tx_bytes);
  }
  sink.End();
  ap_family("surfzone_ap_last_poll_timestamp_seconds", "Unix time of the last poll of the AP.",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              if (ap.last_poll_timestamp_seconds) {
                sink.Sample(L{{"ap", ap.name}, {"location", ap.location}},
                            *ap.last_poll_timestamp_seconds);
              }
            });
  ap_family("surfzone_ap_last_success_timestamp_seconds",
            "Unix time of the last successful poll of the AP.", MetricType::Gauge,
            [&](const ApSnapshot& ap) {
              if (ap.last_success_timestamp_seconds) {
                sink.Sample(L{{"ap", ap.name}, {"location", ap.location}},
                            *ap.last_success_timestamp_seconds);
              }
            });
  ap_family(
      "surfzone_ap_poll_duration_seconds", "Duration of the last poll of the AP.",
      MetricType::Gauge, [&](const ApSnapshot& ap) {
        if (ap.poll_duration_seconds) {
          sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, *ap.poll_duration_seconds);
        }
      });
  ap_family("surfzone_ap_polls_total", "Polls of the AP attempted.", MetricType::Counter,
            [&](const ApSnapshot& ap) {
              sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, ap.polls_total);
            });
  ap_family("surfzone_ap_poll_failures_total", "Polls of the AP that failed.", MetricType::Counter,
            [&](const ApSnapshot& ap) {
              sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, ap.poll_failures_total);
            });

  const auto& locations = snapshot.locations;
  const std::size_t n_locations = locations.size();
  auto location_family = [&](const char* name, const char* help, MetricType type,
                             std::size_t per_location, auto&& each) {
    sink.Begin(name, help, type, per_location * n_locations);
    for (const LocationSnapshot& l : locations) each(l);
    sink.End();
  };
  location_family("surfzone_location_aps", "Access points configured at the location.",
                  MetricType::Gauge, 1, [&](const LocationSnapshot& l) {
                    sink.Sample(L{{"location", l.name}, {"kind", l.kind}}, l.aps);
                  });
  location_family("surfzone_location_aps_up",
                  "Access points at the location that answered their last poll.", MetricType::Gauge,
                  1, [&](const LocationSnapshot& l) {
                    sink.Sample(L{{"location", l.name}, {"kind", l.kind}}, l.aps_up);
                  });
  location_family("surfzone_location_aps_unknown",
                  "Access points at the location whose state is unknown (not polled yet, or "
                  "their controller does not answer): neither up nor down.",
                  MetricType::Gauge, 1, [&](const LocationSnapshot& l) {
                    sink.Sample(L{{"location", l.name}, {"kind", l.kind}}, l.aps_unknown);
                  });
  location_family(
      "surfzone_location_traffic_bytes_total",
      "Bytes received (rx) and transmitted (tx) by all APs of the location.", MetricType::Counter,
      2, [&](const LocationSnapshot& l) {
        sink.Sample(L{{"location", l.name}, {"kind", l.kind}, {"direction", "rx"}}, l.rx_bytes);
        sink.Sample(L{{"location", l.name}, {"kind", l.kind}, {"direction", "tx"}}, l.tx_bytes);
      });
  location_family("surfzone_location_info",
                  "Static facts about the location; the value is always 1.", MetricType::Gauge, 1,
                  [&](const LocationSnapshot& l) {
                    const std::string lat = FormatCoordinate(l.lat);
                    const std::string lon = FormatCoordinate(l.lon);
                    sink.Sample(L{{"location", l.name},
                                  {"kind", l.kind},
                                  {"district", l.district},
                                  {"lat", lat},
                                  {"lon", lon}},
                                1);
                  });
  location_family(
      "surfzone_location_state_seconds_total",
      "Seconds the location spent up (all APs up), degraded (some up) or down (none up).",
      MetricType::Counter, 3, [&](const LocationSnapshot& l) {
        sink.Sample(L{{"location", l.name}, {"kind", l.kind}, {"state", "up"}}, l.seconds_up);
        sink.Sample(L{{"location", l.name}, {"kind", l.kind}, {"state", "degraded"}},
                    l.seconds_degraded);
        sink.Sample(L{{"location", l.name}, {"kind", l.kind}, {"state", "down"}}, l.seconds_down);
      });
  EmitWifiFamilies(snapshot, sink);
}

}  // namespace

std::vector<MetricFamily> RenderSnapshot(const Snapshot& snapshot) {
  FamilySink sink;
  EmitSnapshot(snapshot, sink);
  return sink.Take();
}

void WriteSnapshotText(const Snapshot& snapshot, std::string& out) {
  TextWriter writer(out);
  EmitSnapshot(snapshot, writer);
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

std::size_t EstimateSnapshotTextSize(const Snapshot& snapshot) {
  // Per sample: metric name (~40) + labels; 12 AP samples, 7 location samples; a little over.
  std::size_t size = 4096;
  for (const ApSnapshot& ap : snapshot.aps) {
    size += 12 * (ap.name.size() + ap.location.size() + 80) + ap.kind.size() + ap.district.size() +
            ap.address.size() + ap.profile.size() + ap.sys_name.size() + 2 * ap.sys_descr.size() +
            ap.sys_object_id.size() + ap.traffic_source.size() + ap.model.size() +
            ap.firmware.size() + ap.serial.size() + ap.mac.size() + ap.controller.size() + 220 +
            (ap.clients ? ap.name.size() + ap.location.size() + 60 : 0);
    for (const RadioClientsSnapshot& r : ap.radios) {
      size += ap.name.size() + ap.location.size() + r.radio.size() + r.band.size() + 90;
    }
  }
  for (const LocationSnapshot& l : snapshot.locations) {
    size += 9 * (l.name.size() + l.kind.size() + 80) + l.district.size() + 100;
    for (const auto& [ssid, n] : l.ssid_clients) size += l.name.size() + ssid.size() + 70;
  }
  size += 4 * 160 * snapshot.controllers.size();
  for (const ControllerSnapshot& c : snapshot.controllers) size += 4 * c.name.size();
  return size;
}

std::size_t SnapshotCollectable::SizeHint() const {
  const std::shared_ptr<const Snapshot> snapshot = Latest();
  return snapshot ? EstimateSnapshotTextSize(*snapshot) : 4096;
}

void SnapshotCollectable::AppendText(std::string& out) const {
  const std::shared_ptr<const Snapshot> snapshot = Latest();
  if (snapshot) WriteSnapshotText(*snapshot, out);
}

std::vector<MetricFamily> SnapshotCollectable::Collect() const {
  const std::shared_ptr<const Snapshot> snapshot = Latest();
  if (!snapshot) return {};
  return RenderSnapshot(*snapshot);
}

}  // namespace surfzone::state
