#include <cctype>
#include <string>

#include "sections.hpp"

namespace surfzone::config::detail {
namespace {

constexpr std::string_view kLocationKeys[] = {"name", "kind", "district",
                                              "lat",  "lon",  "access_points"};
constexpr std::string_view kAccessPointKeys[] = {"name",    "address",    "auth",
                                                 "profile", "controller", "mac"};

/// "aa:bb:cc:dd:ee:ff" (any case, ':' or '-') -> lower case with ':'; empty if malformed.
std::string NormalizeMac(const std::string& text) {
  std::string hex;
  for (char c : text) {
    if (c == ':' || c == '-') continue;
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
    hex += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (hex.size() != 12) return {};
  std::string out;
  for (std::size_t i = 0; i < 12; i += 2) out += (i ? ":" : "") + hex.substr(i, 2);
  return out;
}

/// An AP reached through a controller: `controller:` (and `mac:`) instead of `address:`.
void ParseManaged(FileReader& reader, const YAML::Node& map, const std::string& path,
                  CrossChecker& checker, AccessPoint& ap) {
  if (Has(map, "address")) {
    reader.Error(map["address"], JoinPath(path, "address"),
                 "give either \"address\" or \"controller\", not both");
  }
  if (Has(map, "profile")) {
    reader.Error(map["profile"], JoinPath(path, "profile"),
                 "an AP behind a controller takes its profile from the controller");
  }
  if (const auto controller = LabelText(reader, map, path, "controller")) {
    ap.controller = *controller;
    if (auto profile =
            checker.AccessPointController(*controller, reader.AtKey(map, path, "controller"))) {
      ap.profile = *profile;
    }
  }
  if (const auto mac = reader.String(map, path, "mac")) {
    ap.mac = NormalizeMac(*mac);
    if (ap.mac.empty()) {
      reader.Error(
          map["mac"], JoinPath(path, "mac"),
          "invalid MAC " + Quote(*mac) + "; expected six hex octets like 00:1a:2b:3c:4d:5e");
    }
  }
}

AccessPoint ParseAccessPoint(FileReader& reader, const YAML::Node& map, const std::string& path,
                             const PollSettings& defaults, CrossChecker& checker) {
  AccessPoint ap;
  reader.CheckKeys(map, path, kAccessPointKeys, kPollKeys);
  ap.name = RequiredName(reader, map, path);
  if (!ap.name.empty()) checker.AccessPointName(ap.name, reader.AtKey(map, path, "name"));
  const bool managed = Has(map, "controller");
  if (!managed && Has(map, "mac")) {
    reader.Error(map["mac"], JoinPath(path, "mac"), "\"mac\" only applies with \"controller\"");
  }
  if (managed) {
    ParseManaged(reader, map, path, checker, ap);
  } else {
    ReadAddress(reader, map, path, checker, ap.name, ap.address);
  }

  ReadAuth(reader, map, path, checker, ap.auth);

  if (const auto profile = managed ? std::nullopt : LabelText(reader, map, path, "profile")) {
    ap.profile = *profile;
    checker.Profile(ap.profile, reader.AtKey(map, path, "profile"));
  }
  ap.poll = ReadPollSettings(reader, map, path, defaults);
  return ap;
}

Location ParseLocation(FileReader& reader, const YAML::Node& map, const std::string& path,
                       const PollSettings& defaults, CrossChecker& checker) {
  Location location;
  reader.CheckKeys(map, path, kLocationKeys);
  location.name = RequiredName(reader, map, path);
  if (!location.name.empty()) checker.LocationName(location.name, reader.AtKey(map, path, "name"));
  if (const auto kind = reader.Enum(map, path, "kind", kLocationKinds, Need::kRequired)) {
    location.kind = *kind;
  }
  if (const auto district = LabelText(reader, map, path, "district")) {
    location.district = *district;
  }
  location.lat = reader.Real(map, path, "lat", -90, 90);
  location.lon = reader.Real(map, path, "lon", -180, 180);
  // One coordinate alone cannot be placed on a map; it is a half-finished edit.
  if (Has(map, "lat") != Has(map, "lon")) {
    const char* missing = Has(map, "lat") ? "lon" : "lat";
    reader.Missing(map, path, missing, "lat and lon go together");
  }

  const YAML::Node aps = map["access_points"];
  if (!aps.IsDefined() || aps.IsNull()) return location;
  const std::string aps_path = JoinPath(path, "access_points");
  if (!reader.ExpectSequence(aps, aps_path)) return location;
  location.access_points.reserve(aps.size());
  for (std::size_t i = 0; i < aps.size(); ++i) {
    const std::string ap_path = IndexPath(aps_path, i);
    if (!reader.ExpectMap(aps[i], ap_path)) continue;
    location.access_points.push_back(ParseAccessPoint(reader, aps[i], ap_path, defaults, checker));
  }
  return location;
}

}  // namespace

void ParseLocationItem(FileReader& reader, const YAML::Node& node, std::size_t index,
                       const PollSettings& defaults, CrossChecker& checker,
                       std::vector<Location>& out) {
  const std::string path = IndexPath("locations", index);
  if (!reader.ExpectMap(node, path)) return;
  out.push_back(ParseLocation(reader, node, path, defaults, checker));
}

void ParseLocations(FileReader& reader, const YAML::Node& node, const PollSettings& defaults,
                    CrossChecker& checker, std::vector<Location>& out) {
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectSequence(node, "locations")) return;
  for (std::size_t i = 0; i < node.size(); ++i) {
    ParseLocationItem(reader, node[i], i, defaults, checker, out);
  }
}

}  // namespace surfzone::config::detail
