#pragma once
/// Synthetic cities of any size, for benchmarks (e.g. 20,000 APs).

#include <cstddef>
#include <cstdint>

#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

/// A deterministic fleet of exactly `n_aps` access points (n_aps >= 1) around Helsingborg
/// (56.04 N, 12.69 E): locations of every kind in a realistic mix (streets 30 %, buildings 25 %,
/// parks 20 %, squares 15 %, harbour 5 %, other 5 % of locations; parks, squares and harbour
/// have more APs each), in named districts; UniFi mostly, some generic agents, about one AP in
/// ten with 32-bit counters only. A few faults are scheduled: about one AP in 200 reboots in the
/// first day and one park goes dark for an hour. Ports start at 16100 unless that would overflow
/// (then at 65536 - n_aps). Same (n_aps, seed, controllers) -> same fleet.
/// `controllers` > 0 adds that many wireless controllers ("wlc-1", ...; odd numbers cisco-wlc,
/// even aruba-instant) and makes every AP of about half of the locations (chosen by hash)
/// managed by one of them; the locations, APs and faults are otherwise exactly those of
/// controllers = 0.
/// Throws std::invalid_argument if n_aps is 0 or larger than 60000.
FleetSpec GenerateFleet(std::size_t n_aps, std::uint64_t seed, std::size_t controllers = 0);

}  // namespace surfzone::sim
