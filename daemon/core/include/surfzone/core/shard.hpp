#pragma once
/// Sharding by location: every instance of a region is handed the same inventory and keeps the
/// locations whose stable hash falls in its shard (`--shard=i/n` or `shard:`).
///
/// The hash is FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the bytes
/// of the location's name as written in the config (UTF-8); location `name` lands in shard
/// `FNV1a64(name) % n + 1`. It depends on nothing but the name and n, so it is the same on
/// every build, machine and run (std::hash is not). Renaming a location may move it.
///
/// A location never splits: all its APs (direct and behind a controller) go with it, so its
/// totals are exact in one shard. A controller is polled by every shard that has one of its
/// locations, plus its home shard (`FNV1a64(controller name) % n + 1`). Each shard exports only
/// its own locations' APs; rows of APs configured in other shards are ignored. The controller's
/// own series (surfzone_controller_*) and the APs it reports that no location places
/// (location "unassigned") are exported by the home shard only, so nothing is counted twice.

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "surfzone/config/config.hpp"

namespace surfzone::core {

/// FNV-1a 64 of `text`'s bytes.
std::uint64_t Fnv1a64(std::string_view text);

/// The 1-based shard of `count` that location (or controller) `name` belongs to.
int ShardOf(std::string_view name, int count);

/// What a shard does with one controller it polls.
struct ControllerShardRole {
  /// Exports the controller's own series and its unassigned APs.
  bool home = true;
  /// Names and `mac:`s of its APs configured in other shards' locations: their rows are
  /// neither this shard's APs nor unassigned.
  std::set<std::string> foreign_names, foreign_macs;
  friend bool operator==(const ControllerShardRole&, const ControllerShardRole&) = default;
};

/// A config cut down to one shard.
struct ShardedConfig {
  config::Config config;  ///< only the shard's locations and the controllers it polls
  /// By controller name, for every controller in `config` (absent: home, nothing foreign).
  std::map<std::string, ControllerShardRole> controllers;
};

/// Keeps the locations of `shard` (all of them for count 1) and the controllers it polls.
ShardedConfig FilterShard(const config::Config& cfg, const config::Shard& shard);

}  // namespace surfzone::core
