#include "wifi_rows.hpp"

#include <charconv>
#include <cstdio>

namespace surfzone::collectors::detail {

std::map<std::vector<std::uint32_t>, Row> CollectRows(const PollResult& result,
                                                      const WifiCollector::TablePlan& plan) {
  std::map<std::vector<std::uint32_t>, Row> rows;
  if (plan.table >= result.tables.size()) return rows;
  const auto& cols = result.tables[plan.table];
  for (std::size_t c = 0; c < cols.size() && c < plan.columns.size(); ++c) {
    for (const auto& vb : cols[c]) {
      if (vb.value.IsException()) continue;
      auto index = vb.oid.Suffix(plan.columns[c]);
      if (index.empty()) continue;
      rows[std::move(index)][plan.roles[c]].push_back(&vb.value);
    }
  }
  return rows;
}

std::string MacText(const std::uint32_t* arcs) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", arcs[0] & 0xff, arcs[1] & 0xff,
                arcs[2] & 0xff, arcs[3] & 0xff, arcs[4] & 0xff, arcs[5] & 0xff);
  return buf;
}

std::optional<IndexKeys> SplitIndex(const std::vector<std::string>& parts,
                                    const std::vector<std::uint32_t>& arcs) {
  IndexKeys keys;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    keys.row += (i ? "." : "") + std::to_string(arcs[i]);
  }
  std::size_t pos = 0;
  for (const std::string& part : parts) {
    std::size_t n = 1;
    if (part == "ap_mac" || part == "mac") n = 6;
    if (part == "ap_mac_string" || part == "mac_string") {
      if (pos >= arcs.size() || arcs[pos] != 6) return std::nullopt;
      n = 7;
    }
    if (part == "string" || part == "ap_string") {
      if (pos >= arcs.size()) return std::nullopt;
      n = 1 + arcs[pos];
    }
    if (pos + n > arcs.size()) return std::nullopt;
    if (part == "string" || part == "ap_string") {
      std::string text;
      for (std::size_t i = pos + 1; i < pos + n; ++i) text += static_cast<char>(arcs[i] & 0xff);
      (part == "string" ? keys.text : keys.ap) = std::move(text);
    }
    if (part == "ap_mac") keys.ap = MacText(&arcs[pos]);
    if (part == "ap_mac_string") keys.ap = MacText(&arcs[pos + 1]);
    if (part == "ap_index") keys.ap = std::to_string(arcs[pos]);
    if (part == "radio") keys.radio = std::to_string(arcs[pos]);
    pos += n;
  }
  if (!parts.empty() && pos != arcs.size()) return std::nullopt;
  return keys;
}

std::string CellText(const snmp::Value* v) {
  if (!v) return {};
  switch (v->type) {
    case snmp::ValueType::kOctetString:
      return v->AsText().value_or("");
    case snmp::ValueType::kObjectId:
      return v->oid.ToString();
    case snmp::ValueType::kIpAddress: {
      std::string out;
      for (unsigned char c : v->bytes) out += (out.empty() ? "" : ".") + std::to_string(c);
      return out;
    }
    default:
      if (auto i = v->AsInteger()) return std::to_string(*i);
      if (auto u = v->AsUnsigned()) return std::to_string(*u);
      return {};
  }
}

std::optional<std::uint64_t> CellCount(const snmp::Value* v) {
  if (!v) return std::nullopt;
  if (v->type == snmp::ValueType::kOctetString) {
    const std::string text = v->AsText().value_or("");
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::nullopt;
    const auto last = text.find_last_not_of(" \t\r\n");
    std::uint64_t n = 0;
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    const auto [ptr, ec] = std::from_chars(begin, end, n);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return n;
  }
  if (v->type == snmp::ValueType::kInteger) {
    if (v->integer < 0) return std::nullopt;
    return static_cast<std::uint64_t>(v->integer);
  }
  return v->AsUnsigned();
}

std::optional<std::uint64_t> CellSum(const std::vector<const snmp::Value*>& cells) {
  std::optional<std::uint64_t> total;
  for (const snmp::Value* v : cells) {
    if (auto n = CellCount(v)) total = total.value_or(0) + *n;
  }
  return total;
}

std::optional<std::int64_t> CellNumber(const snmp::Value* v) {
  if (!v) return std::nullopt;
  if (v->type != snmp::ValueType::kOctetString) return v->AsInteger();
  const std::string text = v->AsText().value_or("");
  std::int64_t n = 0;
  std::size_t digits = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || digits > 9) break;
    n = n * 10 + (c - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  return n;
}

std::string BandFromChannel(std::int64_t channel) {
  if (channel >= 1 && channel <= 14) return "2.4GHz";
  if (channel >= 32 && channel <= 177) return "5GHz";
  return "unknown";
}

std::string BandFromFrequency(std::int64_t mhz) {
  if (mhz >= 2400 && mhz < 2500) return "2.4GHz";
  if (mhz >= 4900 && mhz < 5925) return "5GHz";
  if (mhz >= 5925 && mhz <= 7125) return "6GHz";
  return "unknown";
}

}  // namespace surfzone::collectors::detail
