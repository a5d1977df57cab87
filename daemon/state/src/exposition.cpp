#include "surfzone/state/exposition.hpp"

#include <atomic>
#include <charconv>
#include <limits>
#include <string>
#include <utility>

#include "emit_family.hpp"
#include "surfzone/state/text_writer.hpp"
#include "wifi_families.hpp"

namespace surfzone::state {
namespace {

using prometheus::MetricFamily;

// RenderSnapshot's families carry prometheus-cpp's type; the enumerators have the same names.
prometheus::MetricType ToPrometheus(MetricType type) {
  switch (type) {
    case MetricType::Counter:
      return prometheus::MetricType::Counter;
    case MetricType::Gauge:
      return prometheus::MetricType::Gauge;
    case MetricType::Summary:
      return prometheus::MetricType::Summary;
    case MetricType::Histogram:
      return prometheus::MetricType::Histogram;
    case MetricType::Untyped:
      break;
  }
  return prometheus::MetricType::Untyped;
}

std::string FormatCoordinate(const std::optional<double>& value) {
  if (!value) return {};
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), *value);
  return std::string(buffer, result.ptr);
}

// Builds prometheus-cpp MetricFamily objects (the RenderSnapshot API).
class FamilySink {
 public:
  std::size_t Begin(const char* name, const char* help, MetricType type, std::size_t samples) {
    current_ = &families_.emplace_back();
    current_->name = name;
    current_->help = help;
    current_->type = ToPrometheus(type);
    current_->metric.reserve(samples);
    return 0;
  }
  bool Continue(std::size_t /*item*/) const { return true; }
  void Sample(ExpositionLabels labels, double value) {
    prometheus::ClientMetric& metric = current_->metric.emplace_back();
    metric.label.reserve(labels.size());
    for (const auto& [name, label_value] : labels) {
      metric.label.push_back({std::string(name), std::string(label_value.text)});
    }
    if (current_->type == prometheus::MetricType::Counter) {
      metric.counter.value = value;
    } else {
      metric.gauge.value = value;
    }
  }
  void Sample(ExpositionLabels labels, std::uint64_t value) {
    Sample(labels, static_cast<double>(value));
  }
  void Sample(ExpositionLabels labels, int value) { Sample(labels, static_cast<double>(value)); }
  template <typename Value>
  void ApSample(const ApSnapshot& ap, ExpositionLabels more, Value value) {
    Sample(more, value);
    auto& labels = current_->metric.back().label;
    labels.insert(labels.begin(), {{"ap", ap.name.str()}, {"location", ap.location.str()}});
  }
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
    EmitFamily(sink, name, help, type, aps, n_aps, each);
  };
  using L = ExpositionLabels;
  ap_family("surfzone_ap_up", "Whether the AP answered its last poll (1) or not (0).",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              // No sample while unknown (not polled yet, controller unreachable): neither 1 nor 0.
              if (ap.known) sink.ApSample(ap, L{}, ap.up ? 1 : 0);
            });
  ap_family("surfzone_ap_info", "Static and discovered facts about the AP; the value is always 1.",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              sink.ApSample(ap,
                            L{{"kind", ap.kind},
                              {"district", ap.district},
                              {"address", ap.address},
                              {"profile", ap.profile},
                              {"sys_name", ap.sys_name},
                              {"sys_descr", ap.sys_descr},
                              {"sys_object_id", ap.sys_object_id},
                              {"traffic_source", ap.traffic_source},
                              {"uptime_source", ap.uptime_source},
                              {"detect", ap.detect},
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
                sink.ApSample(ap, L{}, *ap.boot_time_seconds);
              }
            });
  ap_family("surfzone_ap_reboots_total", "Reboots of the AP detected since surfzoned started.",
            MetricType::Counter, [&](const ApSnapshot& ap) { sink.ApSample(ap, L{}, ap.reboots); });
  EmitFamily(sink, "surfzone_ap_traffic_bytes_total",
             "Bytes received (rx) and transmitted (tx) by the AP, accumulated from counter deltas.",
             MetricType::Counter, aps, 2 * n_aps, [&](const ApSnapshot& ap) {
               sink.ApSample(ap, L{{"direction", "rx"}}, ap.rx_bytes);
               sink.ApSample(ap, L{{"direction", "tx"}}, ap.tx_bytes);
             });
  ap_family("surfzone_ap_last_poll_timestamp_seconds", "Unix time of the last poll of the AP.",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              if (ap.last_poll_timestamp_seconds) {
                sink.ApSample(ap, L{}, *ap.last_poll_timestamp_seconds);
              }
            });
  ap_family("surfzone_ap_last_success_timestamp_seconds",
            "Unix time of the last successful poll of the AP.", MetricType::Gauge,
            [&](const ApSnapshot& ap) {
              if (ap.last_success_timestamp_seconds) {
                sink.ApSample(ap, L{}, *ap.last_success_timestamp_seconds);
              }
            });
  ap_family("surfzone_ap_poll_duration_seconds", "Duration of the last poll of the AP.",
            MetricType::Gauge, [&](const ApSnapshot& ap) {
              if (ap.poll_duration_seconds) {
                sink.ApSample(ap, L{}, *ap.poll_duration_seconds);
              }
            });
  ap_family("surfzone_ap_polls_total", "Polls of the AP attempted.", MetricType::Counter,
            [&](const ApSnapshot& ap) { sink.ApSample(ap, L{}, ap.polls_total); });
  ap_family("surfzone_ap_poll_failures_total", "Polls of the AP that failed.", MetricType::Counter,
            [&](const ApSnapshot& ap) { sink.ApSample(ap, L{}, ap.poll_failures_total); });

  const auto& locations = snapshot.locations;
  const std::size_t n_locations = locations.size();
  auto location_family = [&](const char* name, const char* help, MetricType type,
                             std::size_t per_location, auto&& each) {
    EmitFamily(sink, name, help, type, locations, per_location * n_locations, each);
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

namespace {

// Appends the AP's `ap="...",location="..."` label text, escaped (see Snapshot::ap_labels).
void AppendApLabels(std::string& out, const ApSnapshot& ap) {
  out += "ap=\"";
  AppendEscapedLabelValue(out, ap.name.str());
  out += "\",location=\"";
  AppendEscapedLabelValue(out, ap.location.str());
  out += '"';
}

// Writes text through a TextWriter from `cursor` on, and stops at the first item that finds
// `out` at or over `budget`, leaving `cursor` there.
class PartSink {
 public:
  PartSink(const Snapshot& snapshot, std::string& out, SnapshotTextCursor& cursor,
           std::size_t budget)
      : snapshot_(snapshot),
        out_(out),
        writer_(out),
        cursor_(cursor),
        budget_(budget),
        start_size_(out.size()) {}

  std::size_t Begin(const char* name, const char* help, MetricType type, std::size_t samples) {
    const std::size_t family = family_++;
    if (stopped_ || family < cursor_.family) return kSkipFamily;
    writer_.Begin(name, help, type, samples);
    if (family > cursor_.family) return 0;
    writer_.Resume(cursor_.header_written);
    return cursor_.item;
  }
  bool Continue(std::size_t item) {
    if (out_.size() < budget_ || out_.size() == start_size_) return true;  // always progress
    stopped_ = true;
    cursor_ = {family_ - 1, item, writer_.header_written()};
    return false;
  }
  template <typename Value>
  void Sample(ExpositionLabels labels, Value value) {
    writer_.Sample(labels, value);
  }
  template <typename Value>
  void ApSample(const ApSnapshot& ap, ExpositionLabels more, Value value) {
    writer_.Sample(ApLabels(ap), more, value);
  }
  void End() { writer_.End(); }
  bool stopped() const { return stopped_; }

 private:
  // The AP's labels as written once into the snapshot, or (not there) written now.
  std::string_view ApLabels(const ApSnapshot& ap) {
    if (ap.labels_size != 0 && ap.labels_at + ap.labels_size <= snapshot_.ap_labels.size()) {
      return std::string_view(snapshot_.ap_labels).substr(ap.labels_at, ap.labels_size);
    }
    if (&ap != scratch_ap_) {
      scratch_.clear();
      AppendApLabels(scratch_, ap);
      scratch_ap_ = &ap;
    }
    return scratch_;
  }

  const Snapshot& snapshot_;
  std::string& out_;
  TextWriter writer_;
  std::string scratch_;
  const ApSnapshot* scratch_ap_ = nullptr;
  SnapshotTextCursor& cursor_;
  const std::size_t budget_, start_size_;
  std::size_t family_ = 0;
  bool stopped_ = false;
};

}  // namespace

bool WriteSnapshotTextPart(const Snapshot& snapshot, SnapshotTextCursor& cursor, std::string& out,
                           std::size_t budget) {
  PartSink sink(snapshot, out, cursor, budget);
  EmitSnapshot(snapshot, sink);
  return sink.stopped();
}

void WriteSnapshotText(const Snapshot& snapshot, std::string& out) {
  SnapshotTextCursor cursor;
  WriteSnapshotTextPart(snapshot, cursor, out, std::numeric_limits<std::size_t>::max());
}

void IndexApLabels(Snapshot& snapshot, std::size_t count) {
  std::string& text = snapshot.ap_labels;
  // Exactly the room needed unless a value needs escaping: no doubling, no copy to shrink.
  std::size_t room = 0;
  for (std::size_t i = 0; i < count && i < snapshot.aps.size(); ++i) {
    room += snapshot.aps[i].name.size() + snapshot.aps[i].location.size() + 17;
  }
  std::string().swap(text);
  text.reserve(room);
  for (std::size_t i = 0; i < snapshot.aps.size(); ++i) {
    ApSnapshot& ap = snapshot.aps[i];
    ap.labels_at = ap.labels_size = 0;
    if (i >= count) continue;
    const std::size_t at = text.size();
    AppendApLabels(text, ap);
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) {  // left out: written per line
      text.resize(at);
      continue;
    }
    ap.labels_at = static_cast<std::uint32_t>(at);
    ap.labels_size = static_cast<std::uint32_t>(text.size() - at);
  }
}

std::size_t EstimateSnapshotTextSize(const Snapshot& snapshot) {
  // Per sample: metric name (~40) + labels; 12 AP samples, 7 location samples; a little over.
  std::size_t size = 4096;
  for (const ApSnapshot& ap : snapshot.aps) {
    size += 12 * (ap.name.size() + ap.location.size() + 80) + ap.kind.size() + ap.district.size() +
            ap.address.size() + ap.profile.size() + ap.sys_name.size() + 2 * ap.sys_descr.size() +
            ap.sys_object_id.size() + ap.traffic_source.size() + ap.uptime_source.size() +
            ap.detect.size() + 40 + ap.model.size() + ap.firmware.size() + ap.serial.size() +
            ap.mac.size() + ap.controller.size() + 220 +
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

std::function<bool(std::string&)> TextParts(std::shared_ptr<const Snapshot> snapshot,
                                            std::size_t part_bytes) {
  return [snapshot = std::move(snapshot), cursor = SnapshotTextCursor{},
          part_bytes](std::string& out) mutable {
    if (!snapshot) return false;
    if (WriteSnapshotTextPart(*snapshot, cursor, out, out.size() + part_bytes)) return true;
    snapshot.reset();  // written out: let the publisher recycle it
    return false;
  };
}

}  // namespace surfzone::state
