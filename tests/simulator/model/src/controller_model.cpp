#include "surfzone/sim/controller_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>

#include "controller_layout.hpp"
#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

constexpr std::int64_t kDayMs = 86400 * 1000LL;

std::int64_t ToMs(double sim_seconds) {
  if (!std::isfinite(sim_seconds)) throw std::invalid_argument("sim time must be finite");
  return static_cast<std::int64_t>(std::floor(sim_seconds * 1000.0));
}

}  // namespace

// Vendor OUIs as the recordings show them: Cisco 70:F0:96 (CBW240AC ifPhysAddress), Aruba
// 70:3A:0E (AP-225 aiAPMACAddress).
std::vector<MacAddress> AssignMacs(ControllerVendor vendor, const std::vector<std::string>& names,
                                   std::uint64_t fleet_seed) {
  const MacAddress oui = vendor == ControllerVendor::kCiscoWlc
                             ? MacAddress{0x70, 0xF0, 0x96, 0, 0, 0}
                             : MacAddress{0x70, 0x3A, 0x0E, 0, 0, 0};
  std::set<std::uint32_t> used;
  std::vector<MacAddress> out;
  for (const std::string& name : names) {
    const std::uint64_t seed = Mix64(SeedFromName(name) ^ fleet_seed);
    auto low = static_cast<std::uint32_t>(Hash(seed, 500) & 0xFFFFFF);
    while (!used.insert(low).second) low = (low + 1) & 0xFFFFFF;
    MacAddress mac = oui;
    mac[3] = static_cast<std::uint8_t>(low >> 16);
    mac[4] = static_cast<std::uint8_t>(low >> 8);
    mac[5] = static_cast<std::uint8_t>(low);
    out.push_back(mac);
  }
  return out;
}

const char* ToString(ControllerVendor vendor) {
  return vendor == ControllerVendor::kCiscoWlc ? "cisco-wlc" : "aruba-instant";
}

std::optional<ControllerVendor> ParseControllerVendor(std::string_view text) {
  if (text == "cisco-wlc") return ControllerVendor::kCiscoWlc;
  if (text == "aruba-instant") return ControllerVendor::kArubaInstant;
  return std::nullopt;
}

std::string ToString(const MacAddress& mac) {
  char buf[18];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3],
                mac[4], mac[5]);
  return buf;
}

ControllerModel::ControllerModel(ControllerOptions options, std::vector<ApModel*> aps,
                                 FaultSchedule faults)
    : options_(std::move(options)),
      seed_(Mix64(SeedFromName(options_.name) ^ options_.fleet_seed)),
      aps_(std::move(aps)),
      faults_(std::move(faults)),
      t_ms_(ToMs(options_.sim_start)),
      boot_ms_(t_ms_ - UniformInt(seed_, 201, 3600 * 1000, 40 * kDayMs)) {
  if (options_.ssids.empty() || options_.ssids.size() > static_cast<std::size_t>(kMaxSsids)) {
    throw std::invalid_argument("a controller needs 1 to 8 SSIDs");
  }
  for (const ApModel* ap : aps_) {
    if (ap == nullptr || ap->options().ssids.size() != options_.ssids.size()) {
      throw std::invalid_argument("every managed AP needs the controller's SSIDs");
    }
  }
  for (const Fault& f : faults_.faults()) {
    if (f.kind == FaultKind::kReboot) throw std::invalid_argument("controllers do not reboot");
  }
  std::vector<std::string> names;
  for (const ApModel* ap : aps_) names.push_back(ap->name());
  macs_ = AssignMacs(options_.vendor, names, options_.fleet_seed);
  Rebuild();
}

void ControllerModel::AdvanceTo(double sim_seconds) {
  const std::int64_t t_ms = ToMs(sim_seconds);
  if (t_ms > t_ms_) {
    t_ms_ = t_ms;
    for (ApModel* ap : aps_) ap->AdvanceTo(sim_seconds);
  }
  // Also without time passing: a fault injected on a managed AP changes what is reported.
  for (std::size_t i = 0; i < aps_.size(); ++i) {
    if (Reports(i) != reported_[i]) {
      Rebuild();
      return;
    }
  }
}

void ControllerModel::Rebuild() {
  reported_.assign(aps_.size(), false);
  for (std::size_t i = 0; i < aps_.size(); ++i) reported_[i] = Reports(i);
  entries_ = detail::BuildLayout(options_.vendor, macs_, reported_,
                                 static_cast<int>(options_.ssids.size()));
}

bool ControllerModel::ApUp(std::size_t i) const { return !aps_[i]->faults().IsDown(t_ms_); }

bool ControllerModel::Reports(std::size_t i) const {
  return options_.vendor == ControllerVendor::kArubaInstant || ApUp(i);
}

int ControllerModel::Clients() const {
  int sum = 0;
  for (const ApModel* ap : aps_) sum += ap->clients().total;
  return sum;
}

std::vector<int> ControllerModel::SsidClients() const {
  std::vector<int> out(options_.ssids.size(), 0);
  for (const ApModel* ap : aps_) {
    const ClientCounts c = ap->clients();
    for (std::size_t s = 0; s < out.size() && s < c.ssid.size(); ++s) out[s] += c.ssid[s];
  }
  return out;
}

Behaviour ControllerModel::behaviour() const { return faults_.BehaviourAt(t_ms_); }

std::chrono::milliseconds ControllerModel::slow_delay() const { return faults_.SlowDelayAt(t_ms_); }

void ControllerModel::InjectFault(FaultKind kind, double from, double to,
                                  std::chrono::milliseconds delay) {
  if (kind == FaultKind::kReboot) throw std::invalid_argument("controllers do not reboot");
  faults_.Add({kind, std::max(ToMs(from), t_ms_), ToMs(to), delay});
}

std::optional<snmp::Value> ControllerModel::Get(const snmp::Oid& oid) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), oid,
                             [](const Entry& e, const snmp::Oid& o) { return e.oid < o; });
  if (it == entries_.end() || it->oid != oid) return std::nullopt;
  return ValueOf(*it);
}

std::optional<snmp::Varbind> ControllerModel::Next(const snmp::Oid& oid) const {
  auto it = std::upper_bound(entries_.begin(), entries_.end(), oid,
                             [](const snmp::Oid& o, const Entry& e) { return o < e.oid; });
  if (it == entries_.end()) return std::nullopt;
  return snmp::Varbind{it->oid, ValueOf(*it)};
}

}  // namespace surfzone::sim
