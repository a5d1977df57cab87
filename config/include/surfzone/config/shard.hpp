#pragma once
/// Which part of the inventory one surfzoned instance polls (`shard:` / `--shard=i/n`).
/// Plain data; which locations fall in which shard is decided in surfzone::core (shard.hpp).

#include <optional>
#include <string>
#include <string_view>

namespace surfzone::config {

/// Shard `index` of `count`, 1-based: "1/1" is the whole inventory (unsharded).
struct Shard {
  int index = 1;
  int count = 1;
  /// "index/count".
  std::string ToString() const;
  friend bool operator==(const Shard&, const Shard&) = default;
};

/// The most shards an inventory may be split into.
inline constexpr int kMaxShards = 1024;

/// "i/n" with 1 <= i <= n <= kMaxShards (decimal, no signs, no spaces) -> Shard; nullopt if not.
std::optional<Shard> ParseShard(std::string_view text);

}  // namespace surfzone::config
