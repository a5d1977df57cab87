#pragma once
/// Clients and bytes of one simulated AP as pure functions of (seed, time, faults).
///
/// Clients are piecewise constant per simulated minute (absolute unix minute m):
///   total(m) = round(Occupancy(kind, 60 m) * capacity * noise(seed, m)), noise in [0.8, 1.2),
/// split over the radios (2.4 GHz ~30 %, 5 GHz ~70 %) and, per radio, over the SSIDs by weight,
/// with seeded stochastic rounding. A VAP is one (radio, SSID) pair; VAP v = radio * ssids + ssid.
/// While the AP is down every count is 0.
///
/// Bytes: each VAP moves clients * per-client rate bytes per second (per AP seeded rates, rx
/// 4-12 kB/s and tx 20-60 kB/s per client on 5 GHz, 60 % of that on 2.4 GHz). Integration is
/// exact integer arithmetic on milliseconds: within minute m, with A(x) the non-down ms of
/// [60000 m, x), the VAP's bytes up to x are floor(R * A(x) / 1000). Segments telescope, so any
/// sequence of Advance() calls reaches the same totals (no drift, path independent).

#include <array>
#include <cstdint>
#include <vector>

#include "surfzone/sim/day_profile.hpp"
#include "surfzone/sim/fault_schedule.hpp"

namespace surfzone::sim {

inline constexpr int kRadios = 2;    // 0 = 2.4 GHz ("ng"), 1 = 5 GHz ("na")
inline constexpr int kMaxSsids = 8;  // per radio
inline constexpr std::int64_t kMinuteMs = 60000;

/// rx = received by the AP (client uploads, ifInOctets), tx = sent (downloads, ifOutOctets).
struct ByteTotals {
  std::uint64_t rx = 0;
  std::uint64_t tx = 0;
  ByteTotals& operator+=(const ByteTotals& o) {
    rx += o.rx;
    tx += o.tx;
    return *this;
  }
  friend ByteTotals operator-(ByteTotals a, const ByteTotals& b) {
    a.rx -= b.rx;
    a.tx -= b.tx;
    return a;
  }
  friend bool operator==(const ByteTotals&, const ByteTotals&) = default;
};

struct ClientCounts {
  int total = 0;
  std::array<int, kRadios> radio{};
  std::vector<int> vap;   // radio * ssids + ssid
  std::vector<int> ssid;  // summed over radios
  friend bool operator==(const ClientCounts&, const ClientCounts&) = default;
};

class TrafficModel {
 public:
  /// `ssid_weights`: one positive weight per SSID (1..kMaxSsids); normalised internally.
  /// Throws std::invalid_argument on bad arguments.
  TrafficModel(LocationKind kind, double capacity, std::uint64_t seed,
               std::vector<double> ssid_weights);

  int ssids() const { return static_cast<int>(weights_.size()); }
  int vaps() const { return kRadios * ssids(); }
  /// Bytes per second per client on `radio` (faults aside).
  ByteTotals RatePerClient(int radio) const { return rate_[radio]; }

  /// Clients per VAP in minute `minute`, ignoring faults. `out` gets vaps() entries.
  void VapClients(std::int64_t minute, std::vector<int>& out) const;
  /// Counts at `t_ms` (all 0 while down).
  ClientCounts ClientsAt(std::int64_t t_ms, const FaultSchedule& faults) const;

  /// Cumulative bytes per VAP since the state's start.
  struct State {
    std::int64_t t_ms = 0;
    std::vector<ByteTotals> vap;
    ByteTotals Total() const;
  };
  State Start(std::int64_t start_ms) const;
  /// Integrates from state.t_ms to t_ms (no-op if t_ms <= state.t_ms).
  /// Faults may only change after state.t_ms, or totals stop being path independent.
  void Advance(State& state, std::int64_t t_ms, const FaultSchedule& faults) const;

 private:
  LocationKind kind_;
  double capacity_;
  std::uint64_t seed_;
  std::vector<double> weights_;
  std::array<ByteTotals, kRadios> rate_{};
};

/// floor(a / b) for b > 0.
constexpr std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

}  // namespace surfzone::sim
