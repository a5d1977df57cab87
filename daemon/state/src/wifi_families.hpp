#pragma once
/// The Wi-Fi client and controller families (issue 6), written after the AP and location
/// families by EmitSnapshot (exposition.cpp) into any sink with Begin/Sample/End, in this order:
///   surfzone_ap_clients{ap,location}                       gauge, APs with a known count
///   surfzone_ap_radio_clients{ap,location,radio,band}      gauge
///   surfzone_ssid_clients{location,ssid}                   gauge, summed over the location's APs
///   surfzone_location_clients{location,kind}               gauge, sum over its APs with a count
///   surfzone_controller_up{controller}                     gauge 1/0
///   surfzone_controller_aps{controller,state="up"|"down"}  gauge, APs the controller reports
///   surfzone_controller_clients{controller}                gauge, when the controller has a total
/// Families without samples are omitted (by the sink).

#include <prometheus/metric_type.h>

#include "surfzone/state/snapshot.hpp"
#include "surfzone/state/text_writer.hpp"

namespace surfzone::state {

template <typename Sink>
void EmitWifiFamilies(const Snapshot& snapshot, Sink& sink) {
  using L = ExpositionLabels;
  using prometheus::MetricType;
  sink.Begin("surfzone_ap_clients", "Wi-Fi clients associated with the AP.", MetricType::Gauge, 0);
  for (const ApSnapshot& ap : snapshot.aps) {
    if (ap.clients) sink.Sample(L{{"ap", ap.name}, {"location", ap.location}}, *ap.clients);
  }
  sink.End();
  sink.Begin("surfzone_ap_radio_clients", "Wi-Fi clients associated with one radio of the AP.",
             MetricType::Gauge, 0);
  for (const ApSnapshot& ap : snapshot.aps) {
    for (const RadioClientsSnapshot& r : ap.radios) {
      sink.Sample(
          L{{"ap", ap.name}, {"location", ap.location}, {"radio", r.radio}, {"band", r.band}},
          r.clients);
    }
  }
  sink.End();
  sink.Begin("surfzone_ssid_clients", "Wi-Fi clients on the SSID, summed over the location's APs.",
             MetricType::Gauge, 0);
  for (const LocationSnapshot& l : snapshot.locations) {
    for (const auto& [ssid, clients] : l.ssid_clients) {
      sink.Sample(L{{"location", l.name}, {"ssid", ssid}}, clients);
    }
  }
  sink.End();
  sink.Begin("surfzone_location_clients", "Wi-Fi clients at the location, summed over its APs.",
             MetricType::Gauge, 0);
  for (const LocationSnapshot& l : snapshot.locations) {
    if (l.clients) sink.Sample(L{{"location", l.name}, {"kind", l.kind}}, *l.clients);
  }
  sink.End();
  sink.Begin("surfzone_controller_up",
             "Whether the controller answered its last poll (1) or not (0).", MetricType::Gauge, 0);
  for (const ControllerSnapshot& c : snapshot.controllers) {
    sink.Sample(L{{"controller", c.name}}, c.up ? 1 : 0);
  }
  sink.End();
  sink.Begin("surfzone_controller_aps", "Access points the controller reports, by state.",
             MetricType::Gauge, 0);
  for (const ControllerSnapshot& c : snapshot.controllers) {
    sink.Sample(L{{"controller", c.name}, {"state", "up"}}, c.aps_up);
    sink.Sample(L{{"controller", c.name}, {"state", "down"}}, c.aps_down);
  }
  sink.End();
  sink.Begin("surfzone_controller_clients", "Wi-Fi clients the controller reports in total.",
             MetricType::Gauge, 0);
  for (const ControllerSnapshot& c : snapshot.controllers) {
    if (c.clients) sink.Sample(L{{"controller", c.name}}, *c.clients);
  }
  sink.End();
}

}  // namespace surfzone::state
