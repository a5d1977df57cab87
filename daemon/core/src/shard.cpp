#include "surfzone/core/shard.hpp"

namespace surfzone::core {

std::uint64_t Fnv1a64(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

int ShardOf(std::string_view name, int count) {
  if (count <= 1) return 1;
  return static_cast<int>(Fnv1a64(name) % static_cast<std::uint64_t>(count)) + 1;
}

ShardedConfig FilterShard(const config::Config& cfg, const config::Shard& shard) {
  ShardedConfig out;
  // Everything but the locations and controllers is shared by all shards.
  out.config.source_file = cfg.source_file;
  out.config.auths = cfg.auths;
  out.config.defaults = cfg.defaults;
  out.config.default_auth = cfg.default_auth;
  out.config.profiles = cfg.profiles;
  out.config.max_in_flight = cfg.max_in_flight;
  out.config.shard = cfg.shard;

  std::set<std::string> polled;  // controllers with an AP in one of this shard's locations
  std::map<std::string, ControllerShardRole> roles;
  for (const auto& loc : cfg.locations) {
    const bool mine = ShardOf(loc.name, shard.count) == shard.index;
    for (const auto& ap : loc.access_points) {
      if (ap.controller.empty()) continue;
      if (mine) {
        polled.insert(ap.controller);
      } else {
        ControllerShardRole& role = roles[ap.controller];
        // Matched the way the controller sync matches it: by `mac:` when given, else by name.
        if (ap.mac.empty()) {
          role.foreign_names.insert(ap.name);
        } else {
          role.foreign_macs.insert(ap.mac);
        }
      }
    }
    if (mine) out.config.locations.push_back(loc);
  }
  for (const auto& c : cfg.controllers) {
    const bool home = ShardOf(c.name, shard.count) == shard.index;
    if (!home && !polled.contains(c.name)) continue;
    out.config.controllers.push_back(c);
    ControllerShardRole role = std::move(roles[c.name]);
    role.home = home;
    out.controllers.emplace(c.name, std::move(role));
  }
  return out;
}

}  // namespace surfzone::core
