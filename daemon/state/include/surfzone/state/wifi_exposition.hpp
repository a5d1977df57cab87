#pragma once
/// Prometheus families for Wi-Fi clients and controllers (issue 6), kept apart from the core
/// exposition so they can be ported to another renderer on their own. Appended in this order:
///   surfzone_ap_clients{ap,location}                           gauge, APs with a known count
///   surfzone_ap_radio_clients{ap,location,radio,band}          gauge
///   surfzone_ssid_clients{location,ssid}                       gauge, summed over the location's
///   APs surfzone_location_clients{location,kind}                   gauge, sum over its APs with a
///   count surfzone_controller_up{controller}                         gauge 1/0
///   surfzone_controller_aps{controller,state="up"|"down"}      gauge, APs the controller reports
///   surfzone_controller_clients{controller}                    gauge, when the controller has a
///   total
/// Families without samples are omitted.

#include <prometheus/metric_family.h>

#include <vector>

#include "surfzone/state/snapshot.hpp"

namespace surfzone::state {

void AppendWifiFamilies(const Snapshot& snapshot, std::vector<prometheus::MetricFamily>& out);

}  // namespace surfzone::state
