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

#include "emit_family.hpp"
#include "surfzone/state/snapshot.hpp"
#include "surfzone/state/text_writer.hpp"

namespace surfzone::state {

template <typename Sink>
void EmitWifiFamilies(const Snapshot& snapshot, Sink& sink) {
  using L = ExpositionLabels;
  const auto& aps = snapshot.aps;
  const auto& locations = snapshot.locations;
  const auto& controllers = snapshot.controllers;
  EmitFamily(sink, "surfzone_ap_clients", "Wi-Fi clients associated with the AP.",
             MetricType::Gauge, aps, 0, [&](const ApSnapshot& ap) {
               if (ap.clients) {
                 sink.ApSample(ap, L{}, *ap.clients);
               }
             });
  EmitFamily(sink, "surfzone_ap_radio_clients",
             "Wi-Fi clients associated with one radio of the AP.", MetricType::Gauge, aps, 0,
             [&](const ApSnapshot& ap) {
               for (const RadioClientsSnapshot& r : ap.radios) {
                 sink.ApSample(ap, L{{"radio", r.radio}, {"band", r.band}}, r.clients);
               }
             });
  EmitFamily(sink, "surfzone_ssid_clients",
             "Wi-Fi clients on the SSID, summed over the location's APs.", MetricType::Gauge,
             locations, 0, [&](const LocationSnapshot& l) {
               for (const auto& [ssid, clients] : l.ssid_clients) {
                 sink.Sample(L{{"location", l.name}, {"ssid", ssid}}, clients);
               }
             });
  EmitFamily(sink, "surfzone_location_clients",
             "Wi-Fi clients at the location, summed over its APs.", MetricType::Gauge, locations, 0,
             [&](const LocationSnapshot& l) {
               if (l.clients) sink.Sample(L{{"location", l.name}, {"kind", l.kind}}, *l.clients);
             });
  EmitFamily(sink, "surfzone_controller_up",
             "Whether the controller answered its last poll (1) or not (0).", MetricType::Gauge,
             controllers, 0, [&](const ControllerSnapshot& c) {
               sink.Sample(L{{"controller", c.name}}, c.up ? 1 : 0);
             });
  EmitFamily(sink, "surfzone_controller_aps", "Access points the controller reports, by state.",
             MetricType::Gauge, controllers, 0, [&](const ControllerSnapshot& c) {
               sink.Sample(L{{"controller", c.name}, {"state", "up"}}, c.aps_up);
               sink.Sample(L{{"controller", c.name}, {"state", "down"}}, c.aps_down);
             });
  EmitFamily(sink, "surfzone_controller_clients", "Wi-Fi clients the controller reports in total.",
             MetricType::Gauge, controllers, 0, [&](const ControllerSnapshot& c) {
               if (c.clients) sink.Sample(L{{"controller", c.name}}, *c.clients);
             });
}

}  // namespace surfzone::state
