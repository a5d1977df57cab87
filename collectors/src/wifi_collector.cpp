#include "surfzone/collectors/wifi_collector.hpp"

#include "wifi_rows.hpp"

namespace surfzone::collectors {
namespace {

snmp::Oid ParseOid(std::string_view text) {
  return snmp::Oid::Parse(text).value_or(snmp::Oid{});  // validated by the profile parser
}

/// The OIDs of a role: one, or several joined by config::kOidSum (summed).
std::vector<snmp::Oid> ParseOids(const std::string& text) {
  std::vector<snmp::Oid> out;
  std::string_view rest = text;
  while (true) {
    const auto sep = rest.find(config::kOidSum);
    out.push_back(ParseOid(rest.substr(0, sep)));
    if (sep == std::string_view::npos) break;
    rest.remove_prefix(sep + config::kOidSum.size());
  }
  return out;
}

WifiCollector::TablePlan MakeTablePlan(const std::optional<config::TableSpec>& spec) {
  WifiCollector::TablePlan plan;
  if (!spec) return plan;
  plan.spec = &*spec;
  for (const auto& [role, oids] : spec->columns) {
    for (auto& oid : ParseOids(oids)) {
      plan.roles.push_back(role);
      plan.columns.push_back(std::move(oid));
    }
  }
  return plan;
}

const snmp::Value* Cell(const detail::Row& row, const char* role) {
  auto it = row.find(role);
  return it == row.end() || it->second.empty() ? nullptr : it->second.front();
}

/// A count role's value: the sum over its columns.
std::optional<std::uint64_t> Count(const detail::Row& row, const char* role) {
  auto it = row.find(role);
  return it == row.end() ? std::nullopt : detail::CellSum(it->second);
}

std::string MapBand(const config::TableSpec& spec, const std::string& value) {
  auto it = spec.band_map.find(value);
  return it == spec.band_map.end() ? std::string() : it->second;
}

}  // namespace

WifiCollector::WifiCollector(config::ProfileSpec spec) : spec_(std::move(spec)) {
  for (const auto& [role, oids] : spec_.scalars) {
    for (auto& oid : ParseOids(oids)) scalars_.emplace_back(role, std::move(oid));
  }
  aps_ = MakeTablePlan(spec_.aps);
  radios_ = MakeTablePlan(spec_.radios);
  ssids_ = MakeTablePlan(spec_.ssids);
}

void WifiCollector::Plan(PollPlan& plan) {
  for (const auto& [role, oid] : scalars_) plan.scalars.push_back(oid);
  for (TablePlan* t : {&aps_, &radios_, &ssids_}) {
    if (t->spec && !t->columns.empty()) t->table = plan.AddTable(t->columns);
  }
}

void WifiCollector::Decode(const PollResult& result, ApSample& sample) const {
  WifiSample& out = sample.wifi;
  out = WifiSample{};
  out.controller = spec_.controller;
  out.clients_from = spec_.clients_from;
  std::map<std::string, std::vector<const snmp::Value*>> counts;  // summed over their OIDs
  for (const auto& [role, oid] : scalars_) {
    const snmp::Value* v = result.Scalar(oid);
    if (!v) continue;
    if (role == "model") out.model = detail::CellText(v);
    if (role == "firmware") out.firmware = detail::CellText(v);
    if (role == "serial") out.serial = detail::CellText(v);
    if (role == "mac") {
      out.mac =
          v->bytes.size() == 6
              ? detail::MacText(std::vector<std::uint32_t>(v->bytes.begin(), v->bytes.end()).data())
              : detail::CellText(v);
    }
    if (role == "clients" || role == "aps_total" || role == "aps_up") counts[role].push_back(v);
    if (role == "uptime" && !sample.system.sys_uptime_ticks) {
      // No sysUpTime.0: the profile's stand-in (e.g. HOST-RESOURCES-MIB hrSystemUptime).
      if (auto ticks = v->AsUnsigned(); ticks && *ticks <= 0xffffffffULL) {
        sample.system.sys_uptime_ticks = static_cast<std::uint32_t>(*ticks);
        sample.system.uptime_from_profile = true;
      }
    }
  }
  out.controller_clients = detail::CellSum(counts["clients"]);
  out.aps_total = detail::CellSum(counts["aps_total"]);
  out.aps_up = detail::CellSum(counts["aps_up"]);
  DecodeAps(result, out);
  DecodeRadios(result, out);
  DecodeSsids(result, out);
}

void WifiCollector::DecodeAps(const PollResult& result, WifiSample& out) const {
  if (!aps_.spec) return;
  for (const auto& [arcs, row] : detail::CollectRows(result, aps_)) {
    auto keys = detail::SplitIndex(aps_.spec->index, arcs);
    if (!keys || keys->ap.empty()) continue;
    ManagedAp ap;
    ap.key = keys->ap;
    const std::string& first = aps_.spec->index.front();
    ap.mac = first == "ap_mac" || first == "ap_mac_string" ? keys->ap : std::string();
    ap.name = detail::CellText(Cell(row, "name"));
    if (const snmp::Value* mac = Cell(row, "mac"); mac && mac->bytes.size() == 6) {
      const std::vector<std::uint32_t> octets(mac->bytes.begin(), mac->bytes.end());
      ap.mac = detail::MacText(octets.data());
    }
    ap.model = detail::CellText(Cell(row, "model"));
    ap.firmware = detail::CellText(Cell(row, "firmware"));
    ap.serial = detail::CellText(Cell(row, "serial"));
    ap.address = detail::CellText(Cell(row, "address"));
    if (const snmp::Value* status = Cell(row, "status")) {
      auto it = aps_.spec->status_map.find(detail::CellText(status));
      ap.up = it != aps_.spec->status_map.end() && it->second == "up";
    }
    ap.clients = Count(row, "clients");
    out.aps.push_back(std::move(ap));
  }
}

void WifiCollector::DecodeRadios(const PollResult& result, WifiSample& out) const {
  if (!radios_.spec) return;
  const config::TableSpec& spec = *radios_.spec;
  out.counter_bits = spec.counter_bits;
  for (const auto& [arcs, row] : detail::CollectRows(result, radios_)) {
    auto keys = detail::SplitIndex(spec.index, arcs);
    if (!keys) continue;
    RadioRow r;
    r.ap = keys->ap;
    r.radio = keys->radio.empty() ? keys->row : keys->radio;
    r.channel = detail::CellNumber(Cell(row, "channel"));
    r.clients = Count(row, "clients");
    r.rx_bytes = Count(row, "rx_bytes");
    r.tx_bytes = Count(row, "tx_bytes");
    if (const snmp::Value* band = Cell(row, "band")) {
      r.band = MapBand(spec, detail::CellText(band));
    } else if (spec.band_from == "channel" && r.channel) {
      r.band = detail::BandFromChannel(*r.channel);
    } else if (spec.band_from == "frequency") {
      if (auto mhz = detail::CellNumber(Cell(row, "frequency"))) {
        r.band = detail::BandFromFrequency(*mhz);
      }
    } else {
      r.band = MapBand(spec, r.radio);
    }
    if (r.band.empty()) r.band = "unknown";
    out.radios.push_back(std::move(r));
  }
}

void WifiCollector::DecodeSsids(const PollResult& result, WifiSample& out) const {
  if (!ssids_.spec) return;
  const config::TableSpec& spec = *ssids_.spec;
  if (spec.columns.contains("rx_bytes") && spec_.traffic == "vap") {
    out.counter_bits = spec.counter_bits;
  }
  for (const auto& [arcs, row] : detail::CollectRows(result, ssids_)) {
    auto keys = detail::SplitIndex(spec.index, arcs);
    if (!keys) continue;
    SsidRow s;
    s.ap = keys->ap;
    s.row = keys->row;
    s.ssid = Cell(row, "ssid") ? detail::CellText(Cell(row, "ssid")) : keys->text;
    s.radio = Cell(row, "radio") ? detail::CellText(Cell(row, "radio")) : keys->radio;
    s.band = MapBand(spec, s.radio);
    s.clients = Count(row, "clients");
    s.rx_bytes = Count(row, "rx_bytes");
    s.tx_bytes = Count(row, "tx_bytes");
    out.ssids.push_back(std::move(s));
  }
}

}  // namespace surfzone::collectors
