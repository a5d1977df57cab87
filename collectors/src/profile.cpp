#include "surfzone/collectors/profile.hpp"

namespace surfzone::collectors {

Profile::Profile(std::string name, std::vector<std::unique_ptr<Collector>> collectors)
    : name_(std::move(name)), collectors_(std::move(collectors)) {
  for (auto& c : collectors_) c->Plan(plan_);
}

void Profile::Decode(const PollResult& result, ApSample& sample) const {
  for (const auto& c : collectors_) c->Decode(result, sample);
}

std::string Profile::TrafficSource(const ApSample& sample) const {
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
