#include "surfzone/snmp/mib.hpp"

#include <algorithm>

namespace surfzone::snmp {

void Mib::EraseSubtree(const Oid& prefix) {
  auto it = values_.lower_bound(prefix);
  while (it != values_.end() && it->first.StartsWith(prefix)) it = values_.erase(it);
}

Varbind Mib::Get(const Oid& oid) const {
  const auto it = values_.find(oid);
  if (it == values_.end()) return {oid, Value::Exception(ValueType::kNoSuchInstance)};
  return {it->first, it->second};
}

Varbind Mib::Next(const Oid& oid) const {
  const auto it = values_.upper_bound(oid);
  if (it == values_.end()) return {oid, Value::Exception(ValueType::kEndOfMibView)};
  return {it->first, it->second};
}

Varbinds Mib::Bulk(const std::vector<Oid>& oids, int non_repeaters, int max_repetitions) const {
  const std::size_t n = std::min(oids.size(), static_cast<std::size_t>(std::max(non_repeaters, 0)));
  Varbinds out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(Next(oids[i]));
  std::vector<Oid> cursor(oids.begin() + static_cast<std::ptrdiff_t>(n), oids.end());
  for (int row = 0; row < max_repetitions && !cursor.empty(); ++row) {
    bool any_left = false;
    for (Oid& at : cursor) {
      Varbind vb = Next(at);
      if (!vb.value.IsException()) {
        at = vb.oid;
        any_left = true;
      }
      out.push_back(std::move(vb));
    }
    if (!any_left) break;  // every column is at the end: agents stop here
  }
  return out;
}

}  // namespace surfzone::snmp
