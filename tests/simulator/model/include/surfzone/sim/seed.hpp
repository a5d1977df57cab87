#pragma once
/// Deterministic pseudo-randomness: everything random in the simulator is a pure function of a
/// seed (derived from an AP's name) and a small key (minute number, column, ...).

#include <cstdint>
#include <string_view>

namespace surfzone::sim {

/// SplitMix64 finalizer: a strong 64-bit mix.
constexpr std::uint64_t Mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

/// Hash of (seed, key), uniform over 64 bits.
constexpr std::uint64_t Hash(std::uint64_t seed, std::uint64_t key) {
  return Mix64(seed ^ Mix64(key + 0x632BE59BD9B4E019ull));
}

/// Uniform in [0, 1) from (seed, key).
constexpr double Unit(std::uint64_t seed, std::uint64_t key) {
  return static_cast<double>(Hash(seed, key) >> 11) * 0x1.0p-53;
}

/// Uniform integer in [lo, hi] from (seed, key); requires lo <= hi.
constexpr std::int64_t UniformInt(std::uint64_t seed, std::uint64_t key, std::int64_t lo,
                                  std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(Hash(seed, key) % span);
}

/// FNV-1a of a name, mixed: the seed of an AP is SeedFromName(name) ^ fleet seed.
constexpr std::uint64_t SeedFromName(std::string_view name) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return Mix64(h);
}

}  // namespace surfzone::sim
