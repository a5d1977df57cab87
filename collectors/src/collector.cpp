#include "surfzone/collectors/collector.hpp"

namespace surfzone::collectors {

std::size_t PollPlan::AddTable(std::vector<snmp::Oid> columns) {
  tables.push_back({std::move(columns)});
  return tables.size() - 1;
}

const snmp::Value* PollResult::Scalar(const snmp::Oid& oid) const {
  auto it = scalars.find(oid);
  return it == scalars.end() ? nullptr : &it->second;
}

}  // namespace surfzone::collectors
