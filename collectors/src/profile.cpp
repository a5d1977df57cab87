#include "surfzone/collectors/profile.hpp"

#include "surfzone/collectors/if_mib.hpp"
#include "surfzone/collectors/system_mib.hpp"
#include "surfzone/collectors/wifi_collector.hpp"
#include "surfzone/collectors/wifi_summary.hpp"

namespace surfzone::collectors {

Profile::Profile(config::ProfileSpec spec) : spec_(std::move(spec)) {
  collectors_.push_back(std::make_unique<SystemMibCollector>());
  if (!spec_.controller) collectors_.push_back(std::make_unique<IfMibCollector>());
  if (!spec_.scalars.empty() || spec_.aps || spec_.radios || spec_.ssids) {
    collectors_.push_back(std::make_unique<WifiCollector>(spec_));
  }
  for (auto& c : collectors_) c->Plan(plan_);
}

void Profile::Decode(const PollResult& result, ApSample& sample) const {
  for (const auto& c : collectors_) c->Decode(result, sample);
  sample.wifi_traffic.clear();
  if (spec_.controller || spec_.traffic == "if-mib") return;
  sample.wifi_traffic = WifiTrafficCounters(sample.wifi, spec_.traffic, "");
  if (sample.wifi_traffic.empty()) return;  // the agent lacks them: IF-MIB it is
  for (auto& i : sample.interfaces) i.carries_wifi_traffic = false;
}

std::string Profile::TrafficSource(const ApSample& sample) const {
  if (!sample.wifi_traffic.empty()) {
    return spec_.traffic + (sample.wifi_traffic.front().wide ? "-64" : "-32");
  }
  bool any = false, all64 = true;
  for (const auto& i : sample.interfaces) {
    if (!i.carries_wifi_traffic || !i.in_octets) continue;
    any = true;
    all64 = all64 && i.width == CounterWidth::k64;
  }
  if (!any) return "none";
  return all64 ? "if-mib-64" : "if-mib-32";
}

}  // namespace surfzone::collectors
