// The text `surfzoned profile test` prints: what the daemon would export for the walked device.
#include <ostream>

#include "surfzone/collectors/profile_tester.hpp"
#include "surfzone/collectors/wifi_summary.hpp"

namespace surfzone::collectors {
namespace {

std::string Count(const std::optional<std::uint64_t>& n) {
  return n ? std::to_string(*n) : std::string("-");
}

void PrintClients(const ApClients& c, const std::string& indent, std::ostream& out) {
  out << indent << "clients: " << Count(c.clients) << '\n';
  for (const auto& r : c.radios) {
    out << indent << "  radio " << r.radio << " band " << r.band << ": " << r.clients
        << " clients\n";
  }
  for (const auto& [ssid, n] : c.ssids) {
    out << indent << "  ssid \"" << ssid << "\": " << n << " clients\n";
  }
}

void PrintSystem(const ProfileTestReport& r, std::ostream& out) {
  const SystemInfo& s = r.sample.system;
  out << "system: sysName \"" << s.sys_name << "\" sysObjectID "
      << (s.sys_object_id.empty() ? "-" : s.sys_object_id) << '\n';
  out << "uptime: ";
  if (s.engine_time_seconds) {
    out << "snmpEngineTime " << *s.engine_time_seconds << " s";
  } else if (s.sys_uptime_ticks) {
    out << (s.uptime_from_profile ? "scalars.uptime " : "sysUpTime ") << *s.sys_uptime_ticks
        << " ticks";
  } else {
    out << "none (no reboot detection)";
  }
  out << '\n';
  const WifiSample& w = r.sample.wifi;
  if (!w.model.empty() || !w.firmware.empty() || !w.serial.empty() || !w.mac.empty()) {
    out << "identity: model \"" << w.model << "\" firmware \"" << w.firmware << "\" serial \""
        << w.serial << "\" mac \"" << w.mac << "\"\n";
  }
}

void PrintController(const ProfileTestReport& r, std::ostream& out) {
  const WifiSample& w = r.sample.wifi;
  const auto ssid_total = ControllerSsidClients(w);
  const auto slices = SplitByAp(w);
  std::uint64_t ap_sum = 0;
  std::size_t up = 0;
  for (const auto& ap : w.aps) {
    auto it = slices.find(ap.key);
    const ApClients c = SummarizeAp(it == slices.end() ? WifiSample{} : it->second, ap.key);
    ap_sum += c.clients.value_or(0);
    if (ap.up != false) ++up;
  }
  // The same precedence as the daemon's surfzone_controller_clients (controller_sync.cpp).
  out << "controller clients: ";
  if (w.controller_clients) {
    out << *w.controller_clients << " (scalars.clients)";
  } else if (ssid_total) {
    out << *ssid_total << " (sum of controller-wide ssids rows)";
  } else if (!w.aps.empty()) {
    out << ap_sum << " (sum over its APs)";
  } else {
    out << "-";
  }
  out << '\n';
  out << "controller aps: table " << w.aps.size() << " rows, " << up << " up, " << w.aps.size() - up
      << " down; scalars aps_up " << Count(w.aps_up) << " aps_total " << Count(w.aps_total) << '\n';
  for (const auto& ap : w.aps) {
    auto it = slices.find(ap.key);
    const ApClients c = SummarizeAp(it == slices.end() ? WifiSample{} : it->second, ap.key);
    out << "ap " << (ap.name.empty() ? ap.key : ap.name) << " key " << ap.key << " state "
        << (ap.up == false ? "down" : "up")
        << (ap.up.has_value() ? "" : " (no status column value)");
    if (!ap.model.empty()) out << " model \"" << ap.model << '"';
    if (!ap.serial.empty()) out << " serial \"" << ap.serial << '"';
    if (!ap.address.empty()) out << " address " << ap.address;
    out << '\n';
    PrintClients(c, "  ", out);
  }
  if (ssid_total) {
    for (const auto& s : w.ssids) {
      if (!s.ap.empty()) continue;
      out << "controller ssid \"" << s.ssid << "\" row " << s.row << ": " << Count(s.clients)
          << " clients\n";
    }
  }
}

}  // namespace

void PrintReport(const ProfileTestReport& r, std::ostream& out) {
  out << "profile: " << r.profile << " (" << (r.controller ? "controller" : "access point")
      << "), walk of " << r.walk_oids << " OIDs\n";
  PrintSystem(r, out);
  if (r.controller) {
    PrintController(r, out);
  } else {
    out << "traffic source: " << r.traffic_source << '\n';
    PrintClients(SummarizeAp(r.sample.wifi, ""), "", out);
  }
  std::size_t own = 0;
  for (const auto& m : r.missing) own += m.profile_own ? 1 : 0;
  out << "missing from the walk: " << r.missing.size() << " OIDs (" << own
      << " of them the profile's own)\n";
  for (const auto& m : r.missing) out << "  " << m.oid << "  " << m.what << '\n';
  if (!r.poll_error.empty()) out << "poll error: " << r.poll_error << '\n';
  if (r.matched()) {
    out << "result: match (" << r.profile_oids_answered << " of " << r.profile_oids
        << " profile OIDs answered)\n";
  } else {
    out << "result: NO MATCH (none of the profile's " << r.profile_oids
        << " OIDs has data in the walk)\n";
  }
}

}  // namespace surfzone::collectors
