// A controller poll fans out to the APs it manages: matched by reported name (or by `mac:`),
// missing or reported down -> down, controller unreachable -> unknown. Reported APs that no
// location places are kept as "unassigned".
#include <set>
#include <unordered_map>

#include "surfzone/core/fleet.hpp"

namespace surfzone::core {
namespace {

using RowIndex = std::unordered_map<std::string, const collectors::ManagedAp*>;

/// The controller's row for a configured AP: by `mac:` when given, else by reported name.
const collectors::ManagedAp* Match(const config::AccessPoint& cfg, const RowIndex& by_name,
                                   const RowIndex& by_mac) {
  const RowIndex& index = cfg.mac.empty() ? by_name : by_mac;
  auto it = index.find(cfg.mac.empty() ? cfg.name : cfg.mac);
  return it == index.end() ? nullptr : it->second;
}

using Slices = std::unordered_map<std::string, collectors::WifiSample>;

/// The rows of one AP (empty if it has none).
const collectors::WifiSample& SliceOf(const Slices& slices, const std::string& key) {
  static const collectors::WifiSample kEmpty;
  auto it = slices.find(key);
  return it == slices.end() ? kEmpty : it->second;
}

WifiFacts FactsOf(const Slices& slices, const collectors::ManagedAp& row) {
  return {collectors::SummarizeAp(SliceOf(slices, row.key), row.key), row.model, row.firmware,
          row.serial, row.mac};
}

}  // namespace

void Fleet::ApplyControllerSample(ApEntry& controller, const collectors::ApSample& sample,
                                  double duration, double now) {
  controller.tracker.ApplySample(sample, "none", duration);
  const collectors::WifiSample& wifi = sample.wifi;
  const std::string& traffic = controller.profile->spec().traffic;
  const Slices slices = collectors::SplitByAp(wifi);
  // Rows by name and by MAC, so matching the configured APs is not O(APs x rows) either.
  std::unordered_map<std::string, const collectors::ManagedAp*> by_name, by_mac;
  for (const auto& row : wifi.aps) {
    by_name.emplace(row.name, &row);
    by_mac.emplace(row.mac.empty() ? row.key : row.mac, &row);
  }
  std::set<const collectors::ManagedAp*> placed;
  for (const auto& ap : aps_) {
    if (ap->cfg.controller != controller.cfg.name) continue;
    const std::optional<bool> before = ap->tracker.up();
    TrafficDelta delta;
    const collectors::ManagedAp* row = Match(ap->cfg, by_name, by_mac);
    if (row) placed.insert(row);
    if (row && row->up != false) {
      collectors::ApSample own;
      own.poll_time_seconds = sample.poll_time_seconds;
      own.wifi_traffic =
          collectors::WifiTrafficCounters(SliceOf(slices, row->key), traffic, row->key);
      std::string source = "none";
      if (!own.wifi_traffic.empty()) {
        source = traffic + (own.wifi_traffic.front().wide ? "-64" : "-32");
      }
      delta = ap->tracker.ApplySample(own, source, duration, FactsOf(slices, *row));
    } else {
      ap->tracker.ApplyFailure(sample.poll_time_seconds, duration);
    }
    RecordPoll(*ap, before, delta, now);
  }

  ControllerView view;
  const ControllerShardRole& role = controller.shard_role;
  std::uint64_t foreign_clients = 0;  // of its APs placed by other shards (see shard.hpp)
  for (const auto& row : wifi.aps) {
    if (row.up == false) {
      ++view.aps_down;
    } else {
      ++view.aps_up;
    }
    if (placed.contains(&row)) continue;
    if (role.foreign_names.contains(row.name) ||
        role.foreign_macs.contains(row.mac.empty() ? row.key : row.mac)) {
      foreign_clients += FactsOf(slices, row).clients.clients.value_or(0);
    } else if (role.home) {
      view.unassigned.push_back({row, FactsOf(slices, row)});
    }
  }
  if (wifi.aps.empty() && (wifi.aps_up || wifi.aps_total)) {
    // No AP table (or an empty one): the controller's own counts.
    const std::uint64_t up = wifi.aps_up.value_or(wifi.aps_total.value_or(0));
    const std::uint64_t total = wifi.aps_total.value_or(up);
    view.aps_up = static_cast<int>(up);
    view.aps_down = static_cast<int>(total > up ? total - up : 0);
  }
  view.clients = wifi.controller_clients;
  if (!view.clients) view.clients = collectors::ControllerSsidClients(wifi);
  if (!view.clients && !wifi.aps.empty()) {
    std::uint64_t sum = foreign_clients;
    for (const auto& u : view.unassigned) sum += u.wifi.clients.clients.value_or(0);
    for (const auto& ap : aps_) {
      if (ap->cfg.controller == controller.cfg.name) {
        sum += ap->tracker.wifi().clients.clients.value_or(0);
      }
    }
    view.clients = sum;
  }
  controller.controller_view = std::move(view);
}

void Fleet::ApplyControllerFailure(ApEntry& controller, double poll_time, double duration,
                                   double now) {
  controller.tracker.ApplyFailure(poll_time, duration);
  controller.controller_view = {};
  for (const auto& ap : aps_) {
    if (ap->cfg.controller != controller.cfg.name) continue;
    const std::optional<bool> before = ap->tracker.up();
    ap->tracker.MarkUnknown();
    RecordPoll(*ap, before, {}, now);
  }
}

}  // namespace surfzone::core
