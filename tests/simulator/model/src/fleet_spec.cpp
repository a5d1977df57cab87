#include "surfzone/sim/fleet_spec.hpp"

#include <cctype>

namespace surfzone::sim {

std::size_t FleetSpec::ApCount() const {
  std::size_t n = 0;
  for (const auto& l : locations) n += l.aps.size();
  return n;
}

std::size_t FleetSpec::AgentCount() const {
  std::size_t n = controllers.size();
  for (const auto& l : locations) {
    for (const auto& ap : l.aps) n += ap.controller.empty() ? 1 : 0;
  }
  return n;
}

std::optional<LocationKind> ParseLocationKind(std::string_view text) {
  if (text == "square") return LocationKind::kSquare;
  if (text == "park") return LocationKind::kPark;
  if (text == "street") return LocationKind::kStreet;
  if (text == "harbour") return LocationKind::kHarbour;
  if (text == "building") return LocationKind::kBuilding;
  if (text == "other") return LocationKind::kOther;
  return std::nullopt;
}

std::optional<Vendor> ParseVendor(std::string_view text) {
  if (text == "unifi") return Vendor::kUnifi;
  if (text == "generic") return Vendor::kGeneric;
  return std::nullopt;
}

std::optional<FaultKind> ParseFaultKind(std::string_view text) {
  if (text == "reboot") return FaultKind::kReboot;
  if (text == "down") return FaultKind::kDown;
  if (text == "slow") return FaultKind::kSlow;
  if (text == "garbage") return FaultKind::kGarbage;
  if (text == "wrong_request_id") return FaultKind::kWrongRequestId;
  return std::nullopt;
}

std::string Slug(std::string_view name) {
  std::string out;
  bool dash = false;
  auto put = [&](char c) {
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += c;
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      // Latin-1 supplement letters in UTF-8: fold the Swedish (and a few other) ones to ASCII.
      const auto d = static_cast<unsigned char>(name[++i]) | 0x20;  // lower case
      if (d == 0xA5 || d == 0xA4 || d == 0xA0 || d == 0xA1) {
        put('a');
      } else if (d == 0xB6 || d == 0xB8 || d == 0xB3) {
        put('o');
      } else if (d == 0xA9 || d == 0xA8) {
        put('e');
      } else if (d == 0xBC) {
        put('u');
      } else {
        dash = true;
      }
    } else if (std::isalnum(c) && c < 0x80) {
      put(static_cast<char>(std::tolower(c)));
    } else {
      dash = true;
    }
  }
  return out;
}

ApEndpoint EndpointOf(const SimSettings& sim, std::size_t index) {
  if (sim.addressing != "hosts") {
    return {sim.host, static_cast<std::uint16_t>(sim.base_port + index)};
  }
  // 127.A.B.C with B, C in 1..250 (no .0 or .255 host parts) and A from 1.
  const std::size_t c = 1 + index % 250;
  const std::size_t b = 1 + (index / 250) % 250;
  const std::size_t a = 1 + index / (250 * 250);
  return {"127." + std::to_string(a) + "." + std::to_string(b) + "." + std::to_string(c),
          sim.base_port};
}

}  // namespace surfzone::sim
