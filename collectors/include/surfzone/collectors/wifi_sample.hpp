#pragma once
/// What a Wi-Fi profile decoded from one poll: identity, per-radio and per-SSID rows and, for a
/// controller, its AP table. Rows carry the key of the AP they belong to ("" on a single AP; the
/// AP's MAC "aa:bb:..", or its index, on a controller). Counts are gauges whatever the MIB type.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace surfzone::collectors {

struct RadioRow {
  std::string ap;     ///< AP key ("" on a single AP)
  std::string radio;  ///< radio key: slot number, radio name ("ng") or ifIndex
  std::string band;   ///< "2.4GHz", "5GHz", "6GHz" or "unknown"
  std::optional<std::int64_t> channel;
  std::optional<std::uint64_t> clients;
  std::optional<std::uint64_t> rx_bytes, tx_bytes;
};

struct SsidRow {
  std::string ap;   ///< AP key; "" on a single AP or for controller-wide rows
  std::string row;  ///< the row's full index, unique within the table
  std::string ssid;
  std::string radio;  ///< radio key when the table says which radio (column or index)
  std::string band;   ///< from band_map on the radio value, else ""
  std::optional<std::uint64_t> clients;
  std::optional<std::uint64_t> rx_bytes, tx_bytes;
};

/// One row of a controller's AP table.
struct ManagedAp {
  std::string key;  ///< MAC "aa:bb:cc:dd:ee:ff" (ap_mac index) or the index number
  std::string name, mac, model, firmware, serial, address;
  std::optional<bool> up;  ///< from the status column; nullopt when it has none
  std::optional<std::uint64_t> clients;
};

/// One pair of byte counters (a radio or a VAP) of one AP; key is unique within the AP.
struct TrafficCounter {
  std::string key;
  std::uint64_t rx = 0, tx = 0;
  bool wide = false;  ///< 64-bit; 32-bit ones wrap within a minute at Wi-Fi rates
};

struct WifiSample {
  bool controller = false;
  std::string model, firmware, serial, mac;  ///< identity of a single AP (scalars)
  std::vector<RadioRow> radios;
  std::vector<SsidRow> ssids;
  std::vector<ManagedAp> aps;  ///< controller only
  /// scalars.clients: a controller's own total, or a single AP's own count, if any.
  std::optional<std::uint64_t> controller_clients;
  std::optional<std::uint64_t> aps_total, aps_up;  ///< controller's own AP counts, if any
  int counter_bits = 32;                           ///< width of the rx/tx columns above
  std::string clients_from;  ///< the profile's clients_from ("" = first available)
};

}  // namespace surfzone::collectors
