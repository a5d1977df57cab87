#include "surfzone/state/wifi_exposition.hpp"

#include <string>
#include <utility>

namespace surfzone::state {
namespace {

using prometheus::ClientMetric;
using prometheus::MetricFamily;
using prometheus::MetricType;
using Labels = std::vector<ClientMetric::Label>;

MetricFamily Gauge(const char* name, const char* help) {
  MetricFamily family;
  family.name = name;
  family.help = help;
  family.type = MetricType::Gauge;
  return family;
}

void Add(MetricFamily& family, Labels labels, double value) {
  ClientMetric& metric = family.metric.emplace_back();
  metric.label = std::move(labels);
  metric.gauge.value = value;
}

Labels Pairs(std::initializer_list<std::pair<const char*, const std::string*>> pairs) {
  Labels labels;
  labels.reserve(pairs.size());
  for (const auto& [name, value] : pairs) labels.push_back({name, *value});
  return labels;
}

double AsDouble(std::uint64_t v) { return static_cast<double>(v); }

}  // namespace

void AppendWifiFamilies(const Snapshot& snapshot, std::vector<MetricFamily>& out) {
  MetricFamily ap_clients = Gauge("surfzone_ap_clients", "Wi-Fi clients associated with the AP.");
  MetricFamily radio_clients =
      Gauge("surfzone_ap_radio_clients", "Wi-Fi clients associated with one radio of the AP.");
  MetricFamily ssid_clients =
      Gauge("surfzone_ssid_clients", "Wi-Fi clients on the SSID, summed over the location's APs.");
  MetricFamily location_clients =
      Gauge("surfzone_location_clients", "Wi-Fi clients at the location, summed over its APs.");
  MetricFamily controller_up =
      Gauge("surfzone_controller_up", "Whether the controller answered its last poll (1) or not.");
  MetricFamily controller_aps =
      Gauge("surfzone_controller_aps", "Access points the controller reports, by state.");
  MetricFamily controller_clients =
      Gauge("surfzone_controller_clients", "Wi-Fi clients the controller reports in total.");

  for (const ApSnapshot& ap : snapshot.aps) {
    if (ap.clients) {
      Add(ap_clients, Pairs({{"ap", &ap.name}, {"location", &ap.location}}), AsDouble(*ap.clients));
    }
    for (const RadioClientsSnapshot& r : ap.radios) {
      Add(radio_clients,
          Pairs({{"ap", &ap.name},
                 {"location", &ap.location},
                 {"radio", &r.radio},
                 {"band", &r.band}}),
          AsDouble(r.clients));
    }
  }
  for (const LocationSnapshot& l : snapshot.locations) {
    for (const auto& [ssid, clients] : l.ssid_clients) {
      Add(ssid_clients, Pairs({{"location", &l.name}, {"ssid", &ssid}}), AsDouble(clients));
    }
    if (l.clients) {
      Add(location_clients, Pairs({{"location", &l.name}, {"kind", &l.kind}}),
          AsDouble(*l.clients));
    }
  }
  const std::string up = "up", down = "down";
  for (const ControllerSnapshot& c : snapshot.controllers) {
    Add(controller_up, Pairs({{"controller", &c.name}}), c.up ? 1 : 0);
    Add(controller_aps, Pairs({{"controller", &c.name}, {"state", &up}}), c.aps_up);
    Add(controller_aps, Pairs({{"controller", &c.name}, {"state", &down}}), c.aps_down);
    if (c.clients) Add(controller_clients, Pairs({{"controller", &c.name}}), AsDouble(*c.clients));
  }
  for (MetricFamily* f : {&ap_clients, &radio_clients, &ssid_clients, &location_clients,
                          &controller_up, &controller_aps, &controller_clients}) {
    if (!f->metric.empty()) out.push_back(std::move(*f));
  }
}

}  // namespace surfzone::state
