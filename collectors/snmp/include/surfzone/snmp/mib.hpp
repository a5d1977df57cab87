#pragma once
/// An agent's MIB held in memory: values ordered by OID, with the GET / GETNEXT / GETBULK
/// semantics of RFC 3416 (noSuchInstance for a missing GET, endOfMibView past the end).

#include <map>
#include <optional>
#include <vector>

#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

class Mib {
 public:
  void Set(Oid oid, Value value) { values_[std::move(oid)] = std::move(value); }
  void Erase(const Oid& oid) { values_.erase(oid); }
  /// Removes every OID at or below `prefix`.
  void EraseSubtree(const Oid& prefix);
  std::size_t size() const { return values_.size(); }
  bool empty() const { return values_.empty(); }
  const std::map<Oid, Value>& values() const { return values_; }

  /// The value at exactly `oid`: noSuchInstance when absent.
  Varbind Get(const Oid& oid) const;
  /// The first value after `oid`: endOfMibView (at `oid`) past the end.
  Varbind Next(const Oid& oid) const;
  /// A GETBULK response: GETNEXT of the first `non_repeaters` OIDs, then up to
  /// `max_repetitions` rows of GETNEXT of the rest (a column past the end yields endOfMibView
  /// and stays there, as agents do).
  Varbinds Bulk(const std::vector<Oid>& oids, int non_repeaters, int max_repetitions) const;

 private:
  std::map<Oid, Value> values_;
};

}  // namespace surfzone::snmp
