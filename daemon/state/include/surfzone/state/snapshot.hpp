#pragma once
/// The immutable picture of all APs and locations that the poller publishes and /metrics renders.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "surfzone/state/shared_string.hpp"

namespace surfzone::state {

/// Clients on one radio of one AP.
struct RadioClientsSnapshot {
  std::string radio, band;
  std::uint64_t clients = 0;
};

/// One access point as of the last poll. Its text is shared with the fleet and other snapshots
/// (SharedString): a snapshot of 20,000 APs holds pointers, not 20,000 APs' worth of labels.
struct ApSnapshot {
  SharedString name, location, kind, district, address, profile;
  SharedString sys_name, sys_descr, sys_object_id;  ///< Empty until known.
  SharedString traffic_source;                      ///< "if-mib-64", "if-mib-32", "none".
  /// collectors::UptimeSource of the last sample ("" until polled); "none": no reboot detection.
  SharedString uptime_source;
  /// `profile: auto`: how it was detected ("probe:<oid>", "sys_object_id:<prefix>", "none" =
  /// nothing matched, generic used); "" for a configured profile.
  SharedString detect;
  /// false while its state is unknown (not polled yet, or its controller does not answer):
  /// then it is neither up nor down, and surfzone_ap_up has no sample for it.
  bool known = false;
  bool up = false;
  std::optional<double> boot_time_seconds;  ///< Unix seconds.
  std::uint64_t reboots = 0;
  std::uint64_t rx_bytes = 0, tx_bytes = 0;  ///< Monotonic totals built from deltas.
  std::optional<double> last_poll_timestamp_seconds, last_success_timestamp_seconds;
  std::optional<double> poll_duration_seconds;  ///< Duration of the last poll.
  std::uint64_t polls_total = 0, poll_failures_total = 0;
  // Wi-Fi profile data (issue 6); see src/wifi_families.hpp for the families.
  SharedString model, firmware, serial, mac;  ///< Identity from the profile; empty if unknown.
  SharedString controller;                    ///< Controller that reports this AP, or "".
  std::optional<std::uint64_t> clients;       ///< Associated clients; nullopt: not known.
  std::vector<RadioClientsSnapshot> radios;
  std::vector<std::pair<std::string, std::uint64_t>> ssid_clients;  ///< by SSID name
  /// Where its `ap="...",location="..."` label text is in Snapshot::ap_labels (IndexApLabels);
  /// size 0: not there, written from name and location when needed.
  std::uint32_t labels_at = 0, labels_size = 0;
  /// The builder's marks of the state and of the text this slot was copied from (see
  /// Snapshot::built_from).
  std::uint64_t built_from = 0, facts_from = 0;
};

/// One location (a group of APs) as of the last poll cycle.
struct LocationSnapshot {
  std::string name, kind, district;
  std::optional<double> lat, lon;
  int aps = 0, aps_up = 0;
  int aps_unknown = 0;                       ///< neither up nor down (see ApSnapshot::known)
  std::uint64_t rx_bytes = 0, tx_bytes = 0;  ///< Monotonic: survives AP reboots and reloads.
  double seconds_up = 0, seconds_degraded = 0, seconds_down = 0;
  std::optional<std::uint64_t> clients;  ///< Sum over its APs with a count; nullopt if none has.
  std::vector<std::pair<std::string, std::uint64_t>> ssid_clients;  ///< Summed over its APs.
};

/// One wireless controller as of its last poll.
struct ControllerSnapshot {
  std::string name, address, profile;
  bool up = false;
  int aps_up = 0, aps_down = 0;          ///< APs it reports, by state
  std::optional<std::uint64_t> clients;  ///< its own total (see README), nullopt if unknown
};

/// Everything /metrics shows. Published as std::shared_ptr<const Snapshot>; never mutated after.
struct Snapshot {
  std::vector<ApSnapshot> aps;
  std::vector<LocationSnapshot> locations;
  std::vector<ControllerSnapshot> controllers;
  /// The builder's own mark of what it was built from (the fleet: its config generation), so
  /// that rebuilding it in place can skip what cannot have changed. 0: nothing.
  std::uint64_t built_from = 0;
  /// The APs' ap/location labels as /metrics writes them, one after the other (see
  /// ApSnapshot::labels_at): written once per config instead of on every line of every scrape,
  /// and read in AP order from one block of memory.
  std::string ap_labels;
};

/// Writes the ap/location labels of the first `count` APs into `snapshot.ap_labels` and points
/// the APs at them (the rest: none). Call after their name or location changed.
void IndexApLabels(Snapshot& snapshot, std::size_t count);

}  // namespace surfzone::state
