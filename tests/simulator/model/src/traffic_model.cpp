#include "surfzone/sim/traffic_model.hpp"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

// Distinct hash streams.
constexpr std::uint64_t kNoiseKey = 0x1000;
constexpr std::uint64_t kRadioSplitKey = 0x2000;
constexpr std::uint64_t kSsidSplitKey = 0x3000;

int StochasticRound(double x, double u) { return static_cast<int>(std::floor(x + u)); }

}  // namespace

TrafficModel::TrafficModel(LocationKind kind, double capacity, std::uint64_t seed,
                           std::vector<double> ssid_weights)
    : kind_(kind), capacity_(capacity), seed_(seed), weights_(std::move(ssid_weights)) {
  if (weights_.empty() || weights_.size() > static_cast<std::size_t>(kMaxSsids)) {
    throw std::invalid_argument("an AP needs 1 to 8 SSIDs");
  }
  if (!(capacity >= 0 && capacity <= 10000)) {
    throw std::invalid_argument("capacity must be between 0 and 10000");
  }
  double sum = 0;
  for (double w : weights_) {
    if (!(w > 0)) throw std::invalid_argument("SSID weights must be positive");
    sum += w;
  }
  for (double& w : weights_) w /= sum;
  const std::uint64_t rx = static_cast<std::uint64_t>(UniformInt(seed_, 101, 4000, 12000));
  const std::uint64_t tx = static_cast<std::uint64_t>(UniformInt(seed_, 102, 20000, 60000));
  rate_[0] = {rx * 6 / 10, tx * 6 / 10};
  rate_[1] = {rx, tx};
}

void TrafficModel::VapClients(std::int64_t minute, std::vector<int>& out) const {
  out.assign(static_cast<std::size_t>(vaps()), 0);
  const auto key = static_cast<std::uint64_t>(minute);
  const double noise = 0.8 + 0.4 * Unit(seed_ ^ kNoiseKey, key);
  const double expected =
      ExpectedClients(kind_, static_cast<double>(minute) * 60.0, capacity_) * noise;
  const int total = static_cast<int>(std::lround(expected));
  if (total <= 0) return;
  int on_24 = StochasticRound(total * 0.3, Unit(seed_ ^ kRadioSplitKey, key));
  on_24 = std::min(on_24, total);
  const std::array<int, kRadios> per_radio{on_24, total - on_24};
  for (int r = 0; r < kRadios; ++r) {
    int rest = per_radio[r];
    for (int s = 0; s < ssids(); ++s) {
      int c = rest;
      if (s + 1 < ssids()) {
        const double u = Unit(seed_ ^ kSsidSplitKey, key * 16 + r * kMaxSsids + s);
        c = std::min(rest, StochasticRound(per_radio[r] * weights_[s], u));
      }
      out[r * ssids() + s] = c;
      rest -= c;
    }
  }
}

ClientCounts TrafficModel::ClientsAt(std::int64_t t_ms, const FaultSchedule& faults) const {
  ClientCounts out;
  out.vap.assign(static_cast<std::size_t>(vaps()), 0);
  out.ssid.assign(static_cast<std::size_t>(ssids()), 0);
  if (faults.IsDown(t_ms)) return out;
  VapClients(FloorDiv(t_ms, kMinuteMs), out.vap);
  for (int v = 0; v < vaps(); ++v) {
    out.total += out.vap[v];
    out.radio[v / ssids()] += out.vap[v];
    out.ssid[v % ssids()] += out.vap[v];
  }
  return out;
}

ByteTotals TrafficModel::State::Total() const {
  ByteTotals sum;
  for (const auto& v : vap) sum += v;
  return sum;
}

TrafficModel::State TrafficModel::Start(std::int64_t start_ms) const {
  State s;
  s.t_ms = start_ms;
  s.vap.assign(static_cast<std::size_t>(vaps()), ByteTotals{});
  return s;
}

void TrafficModel::Advance(State& state, std::int64_t t_ms, const FaultSchedule& faults) const {
  std::vector<int> clients;
  while (state.t_ms < t_ms) {
    const std::int64_t minute = FloorDiv(state.t_ms, kMinuteMs);
    const std::int64_t minute_start = minute * kMinuteMs;
    const std::int64_t end = std::min(t_ms, minute_start + kMinuteMs);
    VapClients(minute, clients);
    const auto active_from = faults.ActiveMs(minute_start, state.t_ms);
    const auto active_to = active_from + faults.ActiveMs(state.t_ms, end);
    for (int v = 0; v < vaps(); ++v) {
      if (clients[v] == 0) continue;
      const ByteTotals& rate = rate_[v / ssids()];
      const auto c = static_cast<std::uint64_t>(clients[v]);
      const auto from = static_cast<std::uint64_t>(active_from);
      const auto to = static_cast<std::uint64_t>(active_to);
      // Difference of floors, not floor of the difference: this is what makes it telescope.
      state.vap[v].rx += c * rate.rx * to / 1000 - c * rate.rx * from / 1000;
      state.vap[v].tx += c * rate.tx * to / 1000 - c * rate.tx * from / 1000;
    }
    state.t_ms = end;
  }
}

}  // namespace surfzone::sim
