#include "surfzone/sim/fleet_generator.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <string>

#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

struct KindMix {
  LocationKind kind;
  double share;  // of locations
  int min_aps;
  int max_aps;
  const char* noun;
  double capacity;
};

constexpr std::array<KindMix, 6> kMix = {{
    {LocationKind::kStreet, 0.30, 1, 4, "gatan", 30},
    {LocationKind::kBuilding, 0.25, 1, 6, "huset", 50},
    {LocationKind::kPark, 0.20, 2, 10, "parken", 60},
    {LocationKind::kSquare, 0.15, 3, 8, "torget", 50},
    {LocationKind::kHarbour, 0.05, 3, 8, "kajen", 60},
    {LocationKind::kOther, 0.05, 1, 3, "platsen", 30},
}};

constexpr std::array<const char*, 20> kDistricts = {
    "Centrum",  "Norr",        "Söder",        "Tågaborg",     "Eneborg",
    "Olympia",  "Ramlösa",     "Råå",          "Gantofta",     "Påarp",
    "Ödåkra",   "Mariastaden", "Dalhem",       "Drottninghög", "Fredriksdal",
    "Husensjö", "Stattena",    "Slottshöjden", "Berga",        "Planteringen"};

const KindMix& PickKind(std::uint64_t seed, std::uint64_t key) {
  double u = Unit(seed, key);
  for (const auto& m : kMix) {
    if (u < m.share) return m;
    u -= m.share;
  }
  return kMix.back();
}

}  // namespace

FleetSpec GenerateFleet(std::size_t n_aps, std::uint64_t seed, std::size_t controllers) {
  if (n_aps == 0 || n_aps > 60000) throw std::invalid_argument("n_aps must be 1..60000");
  FleetSpec spec;
  spec.source = "<generated>";
  spec.sim.seed = seed;
  // Beyond 10,000 APs one socket per AP would run into the open-file limit (20,000 here):
  // give every AP its own loopback address on one shared port instead.
  if (n_aps > 10000) {
    spec.sim.addressing = "hosts";
    spec.sim.base_port = 16100;
  } else {
    spec.sim.base_port = static_cast<std::uint16_t>(std::min<std::size_t>(16100, 65536 - n_aps));
  }
  std::size_t made = 0;
  std::uint64_t key = 0;
  std::size_t park_with_outage = SIZE_MAX;
  while (made < n_aps) {
    const std::size_t index = spec.locations.size();
    const KindMix& mix = PickKind(seed, key++);
    const char* district = kDistricts[Hash(seed, key++) % kDistricts.size()];
    LocationSpec loc;
    loc.kind = mix.kind;
    loc.district = district;
    loc.name = std::string(district) + " " + mix.noun + " " + std::to_string(index + 1);
    loc.lat = 56.04 + (Unit(seed, key++) - 0.5) * 0.12;
    loc.lon = 12.69 + (Unit(seed, key++) - 0.5) * 0.16;
    auto count = static_cast<std::size_t>(UniformInt(seed, key++, mix.min_aps, mix.max_aps));
    count = std::min(count, n_aps - made);
    const std::string slug = Slug(loc.name);
    for (std::size_t i = 1; i <= count; ++i) {
      ApSpec ap;
      ap.name = slug + "-" + std::to_string(i);
      ap.vendor = Unit(seed, key++) < 0.85 ? Vendor::kUnifi : Vendor::kGeneric;
      ap.counter_bits = Unit(seed, key++) < 0.1 ? 32 : 64;
      ap.capacity = mix.capacity * (0.7 + 0.6 * Unit(seed, key++));
      if (Hash(seed, key++) % 200 == 0) {
        FaultSpec f;
        f.ap = ap.name;
        f.kind = FaultKind::kReboot;
        f.at = static_cast<double>(UniformInt(seed, key++, 600, 86400));
        f.duration = 60;
        spec.faults.push_back(f);
      }
      loc.aps.push_back(std::move(ap));
    }
    if (mix.kind == LocationKind::kPark && park_with_outage == SIZE_MAX) park_with_outage = index;
    made += count;
    spec.locations.push_back(std::move(loc));
  }
  if (park_with_outage != SIZE_MAX) {
    FaultSpec f;
    f.location = spec.locations[park_with_outage].name;
    f.kind = FaultKind::kDown;
    f.at = 2 * 3600;
    f.duration = 3600;
    spec.faults.push_back(f);
  }
  // Own hash stream, so the rest of the fleet stays that of controllers = 0.
  constexpr std::uint64_t kControllerKey = 0xC047'0011'E500ull;
  for (std::size_t c = 1; c <= controllers; ++c) {
    spec.controllers.push_back({"wlc-" + std::to_string(c), c % 2 == 1
                                                                ? ControllerVendor::kCiscoWlc
                                                                : ControllerVendor::kArubaInstant});
  }
  for (std::size_t l = 0; controllers > 0 && l < spec.locations.size(); ++l) {
    if (Unit(seed ^ kControllerKey, 2 * l) >= 0.5) continue;
    const std::string& name =
        spec.controllers[Hash(seed ^ kControllerKey, 2 * l + 1) % controllers].name;
    for (auto& ap : spec.locations[l].aps) ap.controller = name;
  }
  return spec;
}

}  // namespace surfzone::sim
