// `profiles:` entries and built-in profile files: YAML -> ProfileSpec, every problem reported
// as file:line:col: field: message.
#include <algorithm>
#include <cctype>
#include <set>

#include "diagnostics.hpp"
#include "sections.hpp"
#include "surfzone/config/profile_spec.hpp"

namespace surfzone::config::detail {
namespace {

bool IsOid(const std::string& text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  bool digit = false;
  for (char c : text) {
    if (c == '.') {
      if (!digit) return false;
      digit = false;
    } else if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else {
      return false;
    }
  }
  return std::count(text.begin(), text.end(), '.') >= 1;
}

bool OneOf(std::span<const std::string_view> list, const std::string& value) {
  for (auto v : list) {
    if (v == value) return true;
  }
  return false;
}

std::string Join(std::span<const std::string_view> list) {
  std::string out;
  for (auto v : list) out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

/// Roles whose value may be a list of OIDs, summed (a count split over several scalars or over
/// tables with the same index).
constexpr std::string_view kSummableRoles[] = {"clients", "aps_total", "aps_up", "rx_bytes",
                                               "tx_bytes"};

/// A map of role -> OID (several joined by kOidSum when the YAML gives a list); roles must be in
/// `roles`.
std::map<std::string, std::string> OidMap(FileReader& reader, const YAML::Node& node,
                                          const std::string& path,
                                          std::span<const std::string_view> roles) {
  std::map<std::string, std::string> out;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectMap(node, path)) return out;
  reader.CheckKeys(node, path, roles);
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string key = entry.first.Scalar();
    if (!OneOf(roles, key)) continue;
    const std::string key_path = JoinPath(path, key);
    if (entry.second.IsSequence()) {
      if (!OneOf(kSummableRoles, key)) {
        reader.Error(entry.second, key_path,
                     "a list of OIDs (summed) is allowed only for " + Join(kSummableRoles));
        continue;
      }
      std::string joined;
      bool ok = entry.second.size() > 0;
      for (std::size_t i = 0; i < entry.second.size(); ++i) {
        const YAML::Node item = entry.second[i];
        if (!item.IsScalar() || !IsOid(item.Scalar())) {
          reader.Error(item, IndexPath(key_path, i), "invalid OID " + Describe(item));
          ok = false;
          continue;
        }
        joined += (joined.empty() ? "" : std::string(kOidSum)) + item.Scalar();
      }
      if (entry.second.size() == 0) reader.Error(entry.second, key_path, "empty list of OIDs");
      if (ok) out[key] = joined;
      continue;
    }
    const auto oid = reader.String(node, path, key);
    if (!oid) continue;
    if (!IsOid(*oid)) {
      reader.Error(
          entry.second, key_path,
          "invalid OID " + Quote(*oid) + "; expected dotted numbers like 1.3.6.1.2.1.1.5.0");
      continue;
    }
    out[key] = *oid;
  }
  return out;
}

/// A map of value text -> label, labels limited to `allowed` when not empty.
std::map<std::string, std::string> TextMap(FileReader& reader, const YAML::Node& node,
                                           const std::string& path,
                                           std::span<const std::string_view> allowed) {
  std::map<std::string, std::string> out;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectMap(node, path)) return out;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar() || !entry.second.IsScalar()) {
      reader.Error(entry.first, path, "expected value: label pairs of scalars");
      continue;
    }
    const std::string label = entry.second.Scalar();
    if (!allowed.empty() && !OneOf(allowed, label)) {
      reader.Error(entry.second, JoinPath(path, entry.first.Scalar()),
                   "unknown state " + Quote(label) + "; allowed: " + Join(allowed));
      continue;
    }
    out[entry.first.Scalar()] = label;
  }
  return out;
}

std::vector<std::string> OidList(FileReader& reader, const YAML::Node& node,
                                 const std::string& path) {
  std::vector<std::string> out;
  if (!node.IsDefined() || node.IsNull()) return out;
  if (node.IsScalar()) {
    if (IsOid(node.Scalar())) {
      out.push_back(node.Scalar());
    } else {
      reader.Error(node, path, "invalid OID " + Quote(node.Scalar()));
    }
    return out;
  }
  if (!reader.ExpectSequence(node, path)) return out;
  for (std::size_t i = 0; i < node.size(); ++i) {
    if (node[i].IsScalar() && IsOid(node[i].Scalar())) {
      out.push_back(node[i].Scalar());
    } else {
      reader.Error(node[i], IndexPath(path, i), "invalid OID " + Describe(node[i]));
    }
  }
  return out;
}

std::optional<TableSpec> ParseTable(FileReader& reader, const YAML::Node& node,
                                    const std::string& path,
                                    std::span<const std::string_view> roles, bool needs_ap) {
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (!reader.ExpectMap(node, path)) return std::nullopt;
  reader.CheckKeys(node, path, kTableKeys);
  TableSpec t;
  const YAML::Node index = node["index"];
  const std::string index_path = JoinPath(path, "index");
  if (!index.IsDefined()) {
    reader.Missing(node, path, "index");
  } else if (reader.ExpectSequence(index, index_path)) {
    for (std::size_t i = 0; i < index.size(); ++i) {
      const std::string part = index[i].IsScalar() ? index[i].Scalar() : "";
      if (!OneOf(kIndexParts, part)) {
        reader.Error(
            index[i], IndexPath(index_path, i),
            "unknown index part " + Describe(index[i]) + "; allowed: " + Join(kIndexParts));
        continue;
      }
      t.index.push_back(part);
    }
    const bool has_ap = std::count(t.index.begin(), t.index.end(), "ap_mac") +
                            std::count(t.index.begin(), t.index.end(), "ap_mac_string") +
                            std::count(t.index.begin(), t.index.end(), "ap_string") +
                            std::count(t.index.begin(), t.index.end(), "ap_index") >
                        0;
    if (needs_ap && !has_ap && !t.index.empty()) {
      reader.Error(index, index_path,
                   "the AP table's index must contain ap_mac or ap_index (or ap_mac_string, "
                   "ap_string)");
    }
  }
  t.columns = OidMap(reader, node["columns"], JoinPath(path, "columns"), roles);
  if (!Has(node, "columns")) reader.Missing(node, path, "columns");
  t.band_map = TextMap(reader, node["band_map"], JoinPath(path, "band_map"), {});
  constexpr std::string_view kStates[] = {"up", "down"};
  t.status_map = TextMap(reader, node["status_map"], JoinPath(path, "status_map"), kStates);
  if (const auto from = reader.String(node, path, "band_from")) {
    if (*from != "channel" && *from != "frequency") {
      reader.Error(node["band_from"], JoinPath(path, "band_from"),
                   "unknown band_from " + Quote(*from) + "; allowed: channel, frequency");
    } else {
      t.band_from = *from;
    }
  }
  if (const auto bits = reader.Integer(node, path, "counter_bits", 32, 64)) {
    if (*bits != 32 && *bits != 64) {
      reader.Error(node["counter_bits"], JoinPath(path, "counter_bits"),
                   "counter_bits must be 32 or 64");
    } else {
      t.counter_bits = static_cast<int>(*bits);
    }
  }
  return t;
}

}  // namespace

ProfileSpec ParseProfile(FileReader& reader, const YAML::Node& map, const std::string& path) {
  ProfileSpec p;
  reader.CheckKeys(map, path, kProfileKeys);
  p.source = reader.At(map, path).Position();
  if (const auto name = LabelText(reader, map, path, "name", Need::kRequired)) {
    if (name->empty() || *name == "auto") {
      reader.Error(map["name"], JoinPath(path, "name"),
                   "profile name must not be empty or \"auto\"");
    }
    p.name = *name;
  }
  if (Has(map, "controller")) {
    const YAML::Node c = map["controller"];
    if (c.IsScalar() && (c.Scalar() == "true" || c.Scalar() == "false")) {
      p.controller = c.Scalar() == "true";
    } else {
      reader.Error(c, JoinPath(path, "controller"), "expected true or false, got " + Describe(c));
    }
  }
  if (const YAML::Node d = map["detect"]; d.IsDefined() && !d.IsNull()) {
    const std::string dpath = JoinPath(path, "detect");
    if (reader.ExpectMap(d, dpath)) {
      reader.CheckKeys(d, dpath, kDetectKeys);
      p.detect_sys_object_id =
          OidList(reader, d["sys_object_id"], JoinPath(dpath, "sys_object_id"));
      p.detect_probe = OidList(reader, d["probe"], JoinPath(dpath, "probe"));
    }
  }
  if (const auto traffic = reader.String(map, path, "traffic")) {
    if (!OneOf(kTrafficSources, *traffic)) {
      reader.Error(
          map["traffic"], JoinPath(path, "traffic"),
          "unknown traffic source " + Quote(*traffic) + "; allowed: " + Join(kTrafficSources));
    } else {
      p.traffic = *traffic;
    }
  }
  if (const auto from = reader.String(map, path, "clients_from")) {
    if (!OneOf(kClientsFrom, *from)) {
      reader.Error(map["clients_from"], JoinPath(path, "clients_from"),
                   "unknown clients_from " + Quote(*from) + "; allowed: " + Join(kClientsFrom));
    } else {
      p.clients_from = *from;
    }
  }
  p.scalars = OidMap(reader, map["scalars"], JoinPath(path, "scalars"), kScalarRoles);
  p.aps = ParseTable(reader, map["aps"], JoinPath(path, "aps"), kApColumns, true);
  p.radios = ParseTable(reader, map["radios"], JoinPath(path, "radios"), kRadioColumns, false);
  p.ssids = ParseTable(reader, map["ssids"], JoinPath(path, "ssids"), kSsidColumns, false);
  if (p.controller && !p.aps) {
    reader.Missing(map, path, "aps", "a controller profile needs an AP table");
  }
  if (!p.controller && p.aps) {
    reader.Error(map["aps"], JoinPath(path, "aps"), "an AP table needs \"controller: true\"");
  }
  if (p.traffic == "radio" && (!p.radios || !p.radios->columns.contains("rx_bytes"))) {
    reader.Error(map["traffic"], JoinPath(path, "traffic"),
                 "traffic: radio needs radios.columns.rx_bytes and tx_bytes");
  }
  if (p.traffic == "vap" && (!p.ssids || !p.ssids->columns.contains("rx_bytes"))) {
    reader.Error(map["traffic"], JoinPath(path, "traffic"),
                 "traffic: vap needs ssids.columns.rx_bytes and tx_bytes");
  }
  return p;
}

std::vector<ProfileSpec> ParseProfiles(FileReader& reader, const YAML::Node& node) {
  std::vector<ProfileSpec> out;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectSequence(node, "profiles")) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string path = IndexPath("profiles", i);
    if (!reader.ExpectMap(node[i], path)) continue;
    ProfileSpec p = ParseProfile(reader, node[i], path);
    if (!p.name.empty() && !seen.insert(p.name).second) {
      reader.Error(node[i]["name"], JoinPath(path, "name"),
                   "duplicate profile name " + Quote(p.name));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace surfzone::config::detail

namespace surfzone::config {

ProfileSpec ParseProfileText(const std::string& yaml, const std::string& name) {
  detail::Diagnostics diag;
  ProfileSpec spec;
  try {
    const YAML::Node root = YAML::Load(yaml);
    detail::FileReader reader(name, diag);
    if (reader.ExpectMap(root, "")) spec = detail::ParseProfile(reader, root, "");
  } catch (const YAML::Exception& e) {
    diag.Add(detail::Where{name, e.mark, ""}, "YAML syntax error: " + e.msg);
  }
  if (!diag.empty()) throw diag.Exception();
  return spec;
}

}  // namespace surfzone::config
