#pragma once
/// Per-AP client figures from a WifiSample, and the traffic counters a profile's rows give.
///
/// How counts add up (one AP, key "" for a single AP):
///   radio clients = the radio row's own count, else the sum of the AP's SSID rows on that radio
///                   (UniFi: per-VAP counts grouped by unifiVapRadio);
///   AP clients    = the AP table's own count (controller), or a single AP's own scalar
///                   (scalars.clients), else the sum over its radios when any
///                   radio has a count, else the sum over its SSID rows;
///                   (profile clients_from: only the source it names);
///   SSID clients  = the AP's SSID rows summed by SSID name.
/// Controller-wide SSID rows (no AP in their index) belong to no AP.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "surfzone/collectors/wifi_sample.hpp"

namespace surfzone::collectors {

struct RadioClients {
  std::string radio, band;
  std::uint64_t clients = 0;
  friend bool operator==(const RadioClients&, const RadioClients&) = default;
};

struct ApClients {
  std::optional<std::uint64_t> clients;  ///< nullopt: the profile has no count for this AP
  std::vector<RadioClients> radios;      ///< in radio key order
  std::map<std::string, std::uint64_t> ssids;
};

ApClients SummarizeAp(const WifiSample& wifi, const std::string& ap_key);

/// The AP's radio ("radio") or VAP ("vap") byte counters; empty if the rows have none.
std::vector<TrafficCounter> WifiTrafficCounters(const WifiSample& wifi, const std::string& source,
                                                const std::string& ap_key);

/// The AP-, radio- and SSID rows of a controller's sample grouped by AP key (controller-wide SSID
/// rows and scalars left out), so each AP is summarized from its own rows: a controller poll
/// costs O(rows), not O(APs x rows).
std::unordered_map<std::string, WifiSample> SplitByAp(const WifiSample& wifi);

/// Sum of the controller-wide SSID rows (no AP key), or nullopt if there are none.
std::optional<std::uint64_t> ControllerSsidClients(const WifiSample& wifi);

}  // namespace surfzone::collectors
