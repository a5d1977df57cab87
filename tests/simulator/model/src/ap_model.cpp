#include "surfzone/sim/ap_model.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

constexpr std::int64_t kDayMs = 86400 * 1000LL;

std::vector<double> Weights(const ApOptions& o) {
  if (!o.ssid_weights.empty()) {
    if (o.ssid_weights.size() != o.ssids.size()) {
      throw std::invalid_argument("ssid_weights must have one weight per SSID");
    }
    return o.ssid_weights;
  }
  if (o.ssids.size() <= 1) return std::vector<double>(o.ssids.size(), 1.0);
  std::vector<double> w(o.ssids.size(), 0.15 / static_cast<double>(o.ssids.size() - 1));
  w[0] = 0.85;
  return w;
}

std::int64_t ToMs(double sim_seconds) {
  if (!std::isfinite(sim_seconds)) throw std::invalid_argument("sim time must be finite");
  return static_cast<std::int64_t>(std::floor(sim_seconds * 1000.0));
}

const char* const kOutdoorModels[] = {"UAP-AC-M", "UAP-AC-M-Pro", "U6-Mesh"};
const char* const kIndoorModels[] = {"UAP-AC-Pro", "UAP-nanoHD", "U6-Lite", "UAP-AC-Lite"};
const char* const kVersions[] = {"6.5.28.14491", "6.6.55.15189", "5.43.36.12724"};

}  // namespace

ApModel::ApModel(ApOptions options, FaultSchedule faults)
    : options_(std::move(options)),
      seed_(Mix64(SeedFromName(options_.name) ^ options_.fleet_seed)),
      faults_(std::move(faults)),
      traffic_(options_.kind, options_.capacity, seed_, Weights(options_)),
      layout_(SharedLayout(
          {options_.vendor, options_.counter_bits, static_cast<int>(options_.ssids.size())})),
      start_ms_(ToMs(options_.sim_start)),
      state_(traffic_.Start(start_ms_)),
      base_(state_.vap),
      offset_(state_.vap),
      boot_ms_(start_ms_),
      engine_boots_(1) {
  if (options_.history_before_start) {
    boot_ms_ = start_ms_ - UniformInt(seed_, 201, 3600 * 1000, 40 * kDayMs);
    engine_boots_ = UniformInt(seed_, 202, 1, 30);
    for (std::size_t v = 0; v < offset_.size(); ++v) {
      offset_[v].rx = static_cast<std::uint64_t>(UniformInt(seed_, 300 + 2 * v, 0, 1LL << 31));
      offset_[v].tx = static_cast<std::uint64_t>(UniformInt(seed_, 301 + 2 * v, 0, 1LL << 31));
    }
  }
  const bool outdoor = options_.kind != LocationKind::kBuilding;
  model_ = outdoor ? kOutdoorModels[Hash(seed_, 203) % 3] : kIndoorModels[Hash(seed_, 203) % 4];
  version_ = kVersions[Hash(seed_, 204) % 3];
  sys_descr_ = options_.vendor == Vendor::kUnifi
                   ? model_ + " " + version_
                   : "Linux " + options_.name + " 5.4.164 #1 SMP PREEMPT armv7l";
  RefreshClients();
}

void ApModel::AdvanceTo(double sim_seconds) {
  const std::int64_t t_ms = ToMs(sim_seconds);
  if (t_ms <= state_.t_ms) return;
  const auto& reboots = faults_.reboots();
  for (auto it = std::upper_bound(reboots.begin(), reboots.end(), state_.t_ms);
       it != reboots.end() && *it <= t_ms; ++it) {
    traffic_.Advance(state_, *it, faults_);
    base_ = state_.vap;
    std::fill(offset_.begin(), offset_.end(), ByteTotals{});
    boot_ms_ = *it;
    ++engine_boots_;
    ++reboots_;
  }
  traffic_.Advance(state_, t_ms, faults_);
  RefreshClients();
}

void ApModel::RefreshClients() {
  // Clients change only at minute boundaries and down edges; recomputing them on every request
  // would cost a day-profile evaluation per SNMP request.
  const std::int64_t minute = FloorDiv(state_.t_ms, kMinuteMs);
  const bool down = faults_.IsDown(state_.t_ms);
  if (minute == clients_minute_ && down == clients_down_) return;
  clients_ = traffic_.ClientsAt(state_.t_ms, faults_);
  clients_minute_ = minute;
  clients_down_ = down;
}

Behaviour ApModel::behaviour() const { return faults_.BehaviourAt(state_.t_ms); }

std::chrono::milliseconds ApModel::slow_delay() const { return faults_.SlowDelayAt(state_.t_ms); }

std::int64_t ApModel::ClampToNow(double sim_seconds) const {
  return std::max(ToMs(sim_seconds), state_.t_ms);
}

void ApModel::InjectReboot(double at, double boot_seconds) {
  // Strictly after now: AdvanceTo applies reboots in (now, t].
  const std::int64_t start = std::max(ToMs(at), state_.t_ms + 1);
  const std::int64_t boot = std::max<std::int64_t>(0, ToMs(boot_seconds));
  faults_.Add({FaultKind::kReboot, start, start + boot, {}});
}

void ApModel::InjectDown(double from, double to) {
  faults_.Add({FaultKind::kDown, ClampToNow(from), ToMs(to), {}});
  RefreshClients();
}

void ApModel::InjectFault(FaultKind kind, double from, double to, std::chrono::milliseconds delay) {
  if (kind != FaultKind::kSlow && kind != FaultKind::kGarbage &&
      kind != FaultKind::kWrongRequestId) {
    throw std::invalid_argument("InjectFault takes slow, garbage or wrong_request_id");
  }
  faults_.Add({kind, ClampToNow(from), ToMs(to), delay});
}

ByteTotals ApModel::RadioBytes(int radio) const {
  ByteTotals sum;
  const int n = traffic_.ssids();
  for (int s = 0; s < n; ++s) sum += state_.vap[radio * n + s];
  return sum;
}

ByteTotals ApModel::BytesAt(double sim_seconds) const {
  const std::int64_t t_ms = ToMs(sim_seconds);
  if (t_ms <= start_ms_) return {};
  TrafficModel::State s = t_ms >= state_.t_ms ? state_ : traffic_.Start(start_ms_);
  traffic_.Advance(s, t_ms, faults_);
  return s.Total();
}

ClientCounts ApModel::ClientsAt(double sim_seconds) const {
  return traffic_.ClientsAt(ToMs(sim_seconds), faults_);
}

std::uint64_t ApModel::VapCounter(int vap, bool rx) const {
  const auto& now = state_.vap[vap];
  const auto& base = base_[vap];
  const auto& off = offset_[vap];
  return rx ? off.rx + now.rx - base.rx : off.tx + now.tx - base.tx;
}

std::uint64_t ApModel::InterfaceCounter(int if_index, bool rx) const {
  if (if_index < 3) return 0;  // lo and eth0 carry no modelled traffic (see header)
  const int radio = if_index - 3;
  const int n = traffic_.ssids();
  std::uint64_t sum = 0;
  for (int s = 0; s < n; ++s) sum += VapCounter(radio * n + s, rx);
  return sum;
}

}  // namespace surfzone::sim
