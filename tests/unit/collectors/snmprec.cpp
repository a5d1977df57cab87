#include "snmprec.hpp"

#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::collectors::testing {

Walk LoadWalk(const std::string& name) {
  return snmp::LoadSnmprecFile(std::string(SURFZONE_WALKS_DIR) + "/" + name + ".snmprec").values();
}

PollResult Answer(const PollPlan& plan, const Walk& walk) {
  PollResult r;
  for (const auto& oid : plan.scalars) {
    if (auto it = walk.find(oid); it != walk.end()) r.scalars[oid] = it->second;
  }
  for (const auto& table : plan.tables) {
    auto& cols = r.tables.emplace_back();
    for (const auto& column : table.columns) {
      auto& cells = cols.emplace_back();
      for (auto it = walk.upper_bound(column); it != walk.end() && it->first.StartsWith(column);
           ++it) {
        cells.push_back({it->first, it->second});
      }
    }
  }
  return r;
}

}  // namespace surfzone::collectors::testing
