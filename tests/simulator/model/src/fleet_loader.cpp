#include "surfzone/sim/fleet_loader.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "fleet_yaml.hpp"

namespace surfzone::sim {
namespace {

using detail::YamlReader;

void ReadApFields(YamlReader& r, const YAML::Node& n, const std::string& what, ApSpec& ap) {
  if (n["vendor"]) {
    if (auto s = r.String(n["vendor"], what + ".vendor")) {
      if (auto v = ParseVendor(*s)) {
        ap.vendor = *v;
      } else {
        r.Error(n["vendor"], what + ".vendor: unknown vendor \"" + *s + "\" (unifi, generic)");
      }
    }
  }
  if (n["profile"]) {
    if (auto s = r.String(n["profile"], what + ".profile")) ap.profile = *s;
  }
  if (n["counters"]) {
    if (auto c = r.Int(n["counters"], what + ".counters", 32, 64)) {
      if (*c == 32 || *c == 64) {
        ap.counter_bits = static_cast<int>(*c);
      } else {
        r.Error(n["counters"], what + ".counters: must be 32 or 64");
      }
    }
  }
  if (n["capacity"]) {
    if (auto c = r.Double(n["capacity"], what + ".capacity", 0, 10000)) ap.capacity = *c;
  }
  if (n["controller"]) {
    if (auto s = r.String(n["controller"], what + ".controller")) ap.controller = *s;
  }
}

void ReadController(YamlReader& r, const YAML::Node& n, const std::string& what,
                    ControllerSpec& c) {
  if (!r.CheckMap(n, what, {"name", "vendor"})) return;
  if (!n["name"]) {
    r.Error(n, what + ": missing \"name\"");
  } else if (auto s = r.String(n["name"], what + ".name")) {
    c.name = *s;
  }
  if (!n["vendor"]) {
    r.Error(n, what + ": missing \"vendor\" (cisco-wlc, aruba-instant)");
  } else if (auto s = r.String(n["vendor"], what + ".vendor")) {
    if (auto v = ParseControllerVendor(*s)) {
      c.vendor = *v;
    } else {
      r.Error(n["vendor"], what + ".vendor: unknown controller vendor \"" + *s +
                               "\" (cisco-wlc, aruba-instant)");
    }
  }
}

void ReadSim(YamlReader& r, const YAML::Node& n, SimSettings& sim) {
  if (!r.CheckMap(
          n, "sim",
          {"start", "speed", "host", "base_port", "addressing", "community", "ssids", "seed"})) {
    return;
  }
  if (n["start"]) {
    bool now = false;
    if (auto t = r.Time(n["start"], "sim.start", &now)) sim.start = *t;
  }
  if (n["speed"]) {
    if (auto s = r.Double(n["speed"], "sim.speed", 1, 10000)) sim.speed = *s;
  }
  if (n["host"]) {
    if (auto s = r.String(n["host"], "sim.host")) sim.host = *s;
  }
  if (n["base_port"]) {
    if (auto p = r.Int(n["base_port"], "sim.base_port", 1, 65535)) {
      sim.base_port = static_cast<std::uint16_t>(*p);
    }
  }
  if (n["addressing"]) {
    if (auto s = r.String(n["addressing"], "sim.addressing")) {
      if (*s == "ports" || *s == "hosts") {
        sim.addressing = *s;
      } else {
        r.Error(n["addressing"], "sim.addressing: expected ports or hosts, got \"" + *s + "\"");
      }
    }
  }
  if (n["community"]) {
    if (auto s = r.String(n["community"], "sim.community")) sim.community = *s;
  }
  if (n["ssids"]) {
    const YAML::Node& list = n["ssids"];
    if (!list.IsSequence() || list.size() < 1 || list.size() > 8) {
      r.Error(list, "sim.ssids: expected a list of 1 to 8 names");
    } else {
      sim.ssids.clear();
      for (const auto& s : list) {
        if (auto v = r.String(s, "sim.ssids[]")) sim.ssids.push_back(*v);
      }
    }
  }
  if (n["seed"]) {
    if (auto s = r.Int(n["seed"], "sim.seed", 0, INT64_MAX)) {
      sim.seed = static_cast<std::uint64_t>(*s);
    }
  }
}

void ReadLocation(YamlReader& r, const YAML::Node& n, const std::string& what, LocationSpec& loc) {
  if (!r.CheckMap(n, what,
                  {"name", "kind", "district", "lat", "lon", "vendor", "profile", "counters",
                   "capacity", "controller", "aps"})) {
    return;
  }
  if (!n["name"]) {
    r.Error(n, what + ": missing \"name\"");
  } else if (auto s = r.String(n["name"], what + ".name")) {
    loc.name = *s;
  }
  if (!n["kind"]) {
    r.Error(n, what + ": missing \"kind\"");
  } else if (auto s = r.String(n["kind"], what + ".kind")) {
    if (auto k = ParseLocationKind(*s)) {
      loc.kind = *k;
    } else {
      r.Error(n["kind"], what + ".kind: unknown kind \"" + *s +
                             "\" (square, park, street, harbour, building, other)");
    }
  }
  if (n["district"]) {
    if (auto s = r.String(n["district"], what + ".district")) loc.district = *s;
  }
  if (n["lat"]) loc.lat = r.Double(n["lat"], what + ".lat", -90, 90);
  if (n["lon"]) loc.lon = r.Double(n["lon"], what + ".lon", -180, 180);
  if (n["lat"].IsDefined() != n["lon"].IsDefined()) {
    r.Error(n, what + ": lat and lon go together");
  }
  ApSpec defaults;
  ReadApFields(r, n, what, defaults);
  const YAML::Node& aps = n["aps"];
  if (!aps) {
    r.Error(n, what + ": missing \"aps\" (a count or a list)");
    return;
  }
  if (aps.IsScalar()) {
    if (auto count = r.Int(aps, what + ".aps", 1, 10000)) {
      for (std::int64_t i = 1; i <= *count; ++i) {
        ApSpec ap = defaults;
        ap.name = Slug(loc.name) + "-" + std::to_string(i);
        loc.aps.push_back(ap);
      }
    }
    return;
  }
  if (!aps.IsSequence() || aps.size() == 0) {
    r.Error(aps, what + ".aps: expected a count or a non-empty list");
    return;
  }
  for (std::size_t i = 0; i < aps.size(); ++i) {
    const std::string ap_what = what + ".aps[" + std::to_string(i) + "]";
    const YAML::Node& a = aps[i];
    if (!r.CheckMap(a, ap_what,
                    {"name", "vendor", "profile", "counters", "capacity", "controller"})) {
      continue;
    }
    ApSpec ap = defaults;
    if (!a["name"]) {
      r.Error(a, ap_what + ": missing \"name\"");
    } else if (auto s = r.String(a["name"], ap_what + ".name")) {
      ap.name = *s;
    }
    ReadApFields(r, a, ap_what, ap);
    loc.aps.push_back(ap);
  }
}

void ReadFault(YamlReader& r, const YAML::Node& n, const std::string& what, FaultSpec& f) {
  if (!r.CheckMap(n, what, {"ap", "location", "controller", "kind", "at", "duration", "delay"})) {
    return;
  }
  const int targets = (n["ap"] ? 1 : 0) + (n["location"] ? 1 : 0) + (n["controller"] ? 1 : 0);
  if (targets != 1) {
    r.Error(n, what + ": give exactly one of \"ap\", \"location\" and \"controller\"");
  } else if (n["ap"]) {
    if (auto s = r.String(n["ap"], what + ".ap")) f.ap = *s;
  } else if (n["location"]) {
    if (auto s = r.String(n["location"], what + ".location")) f.location = *s;
  } else if (auto s = r.String(n["controller"], what + ".controller")) {
    f.controller = *s;
  }
  if (!n["kind"]) {
    r.Error(n, what + ": missing \"kind\"");
  } else if (auto s = r.String(n["kind"], what + ".kind")) {
    if (auto k = ParseFaultKind(*s)) {
      f.kind = *k;
    } else {
      r.Error(n["kind"], what + ".kind: unknown fault \"" + *s +
                             "\" (reboot, down, slow, garbage, wrong_request_id)");
    }
  }
  if (!n["at"]) {
    r.Error(n, what + ": missing \"at\"");
  } else if (auto s = r.Seconds(n["at"], what + ".at")) {
    f.at = *s;
    // The model applies reboots strictly after the time it starts from.
    if (f.kind == FaultKind::kReboot && f.at <= 0) {
      r.Error(n["at"], what + ".at: a reboot must come after sim start");
    }
  }
  if (n["duration"]) {
    if (auto s = r.Seconds(n["duration"], what + ".duration")) f.duration = *s;
  } else if (f.kind != FaultKind::kReboot) {
    r.Error(n, what + ": missing \"duration\"");
  }
  f.delay = std::chrono::milliseconds(1500);
  if (n["delay"]) {
    if (f.kind != FaultKind::kSlow) r.Error(n["delay"], what + ".delay: only for kind slow");
    if (auto s = r.Seconds(n["delay"], what + ".delay")) {
      f.delay = std::chrono::milliseconds(static_cast<std::int64_t>(*s * 1000));
    }
  }
}

// Cross-checks: unique names, faults refer to existing targets, ports fit.
void Validate(YamlReader& r, const YAML::Node& root, const FleetSpec& spec) {
  std::set<std::string> locations, aps, controllers;
  const YAML::Node& ctls = root["controllers"];
  for (std::size_t i = 0; i < spec.controllers.size(); ++i) {
    const auto& c = spec.controllers[i];
    if (!c.name.empty() && !controllers.insert(c.name).second) {
      r.Error(ctls[i]["name"], "duplicate controller name \"" + c.name + "\"");
    }
  }
  const YAML::Node& locs = root["locations"];
  for (std::size_t i = 0; i < spec.locations.size(); ++i) {
    const auto& loc = spec.locations[i];
    if (!loc.name.empty() && !locations.insert(loc.name).second) {
      r.Error(locs[i]["name"], "duplicate location name \"" + loc.name + "\"");
    }
    for (const auto& ap : loc.aps) {
      if (!ap.name.empty() && !aps.insert(ap.name).second) {
        r.Error(locs[i], "duplicate access point name \"" + ap.name + "\"");
      }
      if (controllers.contains(ap.name)) {
        r.Error(locs[i], "access point \"" + ap.name + "\" has the name of a controller");
      }
      if (!ap.controller.empty() && !controllers.contains(ap.controller)) {
        r.Error(locs[i],
                "access point \"" + ap.name + "\": unknown controller \"" + ap.controller + "\"");
      }
    }
  }
  if (spec.sim.addressing == "hosts") {
    if (spec.AgentCount() > kMaxHostAddressedAps)
      r.Error(root, "too many access points for hosts addressing");
  } else if (spec.sim.base_port + spec.AgentCount() - 1 > 65535) {
    r.Error(root, "too many access points for base_port " + std::to_string(spec.sim.base_port));
  }
  const YAML::Node& faults = root["faults"];
  for (std::size_t i = 0; i < spec.faults.size(); ++i) {
    const auto& f = spec.faults[i];
    if (!f.ap.empty() && !aps.contains(f.ap)) {
      r.Error(faults[i]["ap"],
              "faults[" + std::to_string(i) + "].ap: unknown access point \"" + f.ap + "\"");
    }
    if (!f.location.empty() && !locations.contains(f.location)) {
      r.Error(faults[i]["location"], "faults[" + std::to_string(i) +
                                         "].location: unknown location \"" + f.location + "\"");
    }
    if (!f.controller.empty()) {
      if (!controllers.contains(f.controller)) {
        r.Error(faults[i]["controller"], "faults[" + std::to_string(i) +
                                             "].controller: unknown controller \"" + f.controller +
                                             "\"");
      } else if (f.kind == FaultKind::kReboot) {
        r.Error(faults[i]["kind"], "faults[" + std::to_string(i) +
                                       "]: a controller takes down, slow, garbage or "
                                       "wrong_request_id, not reboot");
      }
    }
  }
}

}  // namespace

std::string FleetError::ToString() const {
  std::ostringstream out;
  out << file;
  if (line > 0) out << ':' << line << ':' << column;
  out << ": " << message;
  return out.str();
}

FleetException::FleetException(std::vector<FleetError> errors)
    : std::runtime_error([&] {
        std::string all;
        for (const auto& e : errors) all += (all.empty() ? "" : "\n") + e.ToString();
        return all;
      }()),
      errors_(std::move(errors)) {}

FleetSpec LoadFleetString(const std::string& yaml, const std::string& name) {
  YamlReader r(name);
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::ParserException& e) {
    r.Error(e.mark.line + 1, e.mark.column + 1, "YAML syntax error: " + e.msg);
    throw FleetException(std::move(r.errors()));
  }
  FleetSpec spec;
  spec.source = name;
  if (r.CheckMap(root, "fleet file", {"sim", "controllers", "locations", "faults"})) {
    if (root["sim"]) ReadSim(r, root["sim"], spec.sim);
    if (const YAML::Node& ctls = root["controllers"]) {
      if (!ctls.IsSequence()) {
        r.Error(ctls, "controllers: expected a list");
      } else {
        for (std::size_t i = 0; i < ctls.size(); ++i) {
          ControllerSpec c;
          ReadController(r, ctls[i], "controllers[" + std::to_string(i) + "]", c);
          spec.controllers.push_back(std::move(c));
        }
      }
    }
    const YAML::Node& locs = root["locations"];
    if (!locs || !locs.IsSequence() || locs.size() == 0) {
      r.Error(locs ? locs : root, "locations: expected a non-empty list");
    } else {
      for (std::size_t i = 0; i < locs.size(); ++i) {
        LocationSpec loc;
        ReadLocation(r, locs[i], "locations[" + std::to_string(i) + "]", loc);
        spec.locations.push_back(std::move(loc));
      }
    }
    if (const YAML::Node& faults = root["faults"]) {
      if (!faults.IsSequence()) {
        r.Error(faults, "faults: expected a list");
      } else {
        for (std::size_t i = 0; i < faults.size(); ++i) {
          FaultSpec f;
          ReadFault(r, faults[i], "faults[" + std::to_string(i) + "]", f);
          spec.faults.push_back(std::move(f));
        }
      }
    }
    Validate(r, root, spec);
  }
  if (!r.errors().empty()) throw FleetException(std::move(r.errors()));
  return spec;
}

FleetSpec LoadFleetFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw FleetException({{path, 0, 0, "cannot open file"}});
  std::ostringstream text;
  text << in.rdbuf();
  return LoadFleetString(text.str(), path);
}

}  // namespace surfzone::sim
