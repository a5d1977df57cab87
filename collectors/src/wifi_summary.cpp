#include "surfzone/collectors/wifi_summary.hpp"

namespace surfzone::collectors {

ApClients SummarizeAp(const WifiSample& wifi, const std::string& ap_key) {
  ApClients out;
  std::map<std::string, RadioClients> radios;
  std::map<std::string, std::uint64_t> by_radio;
  bool any_ssid_count = false;
  std::uint64_t ssid_total = 0;
  const bool single = ap_key.empty();
  for (const auto& s : wifi.ssids) {
    if (s.ap != ap_key || (!single && s.ap.empty())) continue;
    if (!s.clients) continue;
    any_ssid_count = true;
    ssid_total += *s.clients;
    out.ssids[s.ssid] += *s.clients;
    if (!s.radio.empty()) {
      by_radio[s.radio] += *s.clients;
      RadioClients& r = radios[s.radio];
      r.radio = s.radio;
      if (r.band.empty()) r.band = s.band.empty() ? "unknown" : s.band;
    }
  }
  bool any_radio_count = false;
  std::uint64_t radio_total = 0;
  for (const auto& row : wifi.radios) {
    if (row.ap != ap_key) continue;
    RadioClients& r = radios[row.radio];
    r.radio = row.radio;
    r.band = row.band;
    if (row.clients) {
      any_radio_count = true;
      r.clients = *row.clients;
      radio_total += *row.clients;
    }
  }
  for (auto& [key, r] : radios) {
    if (!any_radio_count) r.clients = by_radio[key];
    out.radios.push_back(r);
  }
  std::optional<std::uint64_t> own;  // the AP table's count
  for (const auto& ap : wifi.aps) {
    if (ap.key == ap_key && ap.clients) own = ap.clients;
  }
  // A single AP's own total (scalars.clients, e.g. a `.0` instance).
  const std::optional<std::uint64_t> scalar =
      single && !wifi.controller ? wifi.controller_clients : std::nullopt;
  const std::optional<std::uint64_t> radio_sum =
      any_radio_count ? std::optional<std::uint64_t>(radio_total) : std::nullopt;
  const std::optional<std::uint64_t> ssid_sum =
      any_ssid_count ? std::optional<std::uint64_t>(ssid_total) : std::nullopt;
  const std::string& from = wifi.clients_from;
  if (from == "scalar") {
    out.clients = scalar;
  } else if (from == "aps") {
    out.clients = own;
  } else if (from == "radios") {
    out.clients = radio_sum;
  } else if (from == "ssids") {
    out.clients = ssid_sum;
  } else {
    out.clients = scalar ? scalar : own ? own : radio_sum ? radio_sum : ssid_sum;
  }
  return out;
}

std::vector<TrafficCounter> WifiTrafficCounters(const WifiSample& wifi, const std::string& source,
                                                const std::string& ap_key) {
  std::vector<TrafficCounter> out;
  const bool wide = wifi.counter_bits == 64;
  if (source == "radio") {
    for (const auto& r : wifi.radios) {
      if (r.ap != ap_key || !r.rx_bytes || !r.tx_bytes) continue;
      out.push_back({"radio:" + r.radio, *r.rx_bytes, *r.tx_bytes, wide});
    }
  } else if (source == "vap") {
    for (const auto& s : wifi.ssids) {
      if (s.ap != ap_key || !s.rx_bytes || !s.tx_bytes) continue;
      out.push_back({"vap:" + s.row, *s.rx_bytes, *s.tx_bytes, wide});
    }
  }
  return out;
}

std::unordered_map<std::string, WifiSample> SplitByAp(const WifiSample& wifi) {
  std::unordered_map<std::string, WifiSample> out;
  auto slice = [&](const std::string& key) -> WifiSample& {
    WifiSample& s = out[key];
    s.controller = wifi.controller;
    s.counter_bits = wifi.counter_bits;
    s.clients_from = wifi.clients_from;
    return s;
  };
  for (const auto& a : wifi.aps) slice(a.key).aps.push_back(a);
  for (const auto& r : wifi.radios) {
    if (!r.ap.empty()) slice(r.ap).radios.push_back(r);
  }
  for (const auto& s : wifi.ssids) {
    if (!s.ap.empty()) slice(s.ap).ssids.push_back(s);
  }
  return out;
}

std::optional<std::uint64_t> ControllerSsidClients(const WifiSample& wifi) {
  std::optional<std::uint64_t> total;
  for (const auto& s : wifi.ssids) {
    if (!s.ap.empty() || !s.clients) continue;
    total = total.value_or(0) + *s.clients;
  }
  return total;
}

}  // namespace surfzone::collectors
