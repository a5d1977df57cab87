#pragma once
/// The collector interface: a collector says which OIDs it needs (Plan) and turns what came
/// back into fields of an ApSample (Decode). It does no I/O; the plan executor fetches
/// everything the profile's collectors asked for with as few requests as possible (one GET for
/// all scalars, one multi-column GETBULK walk per table).

#include <map>
#include <string_view>
#include <vector>

#include "surfzone/collectors/ap_sample.hpp"
#include "surfzone/snmp/value.hpp"

namespace surfzone::collectors {

struct TableRequest {
  std::vector<snmp::Oid> columns;  // walked together, row by row
};

struct PollPlan {
  std::vector<snmp::Oid> scalars;
  std::vector<TableRequest> tables;
  /// Adds a table and returns its index (for PollResult::tables).
  std::size_t AddTable(std::vector<snmp::Oid> columns);
};

struct PollResult {
  std::map<snmp::Oid, snmp::Value> scalars;         // exceptions (noSuchObject ...) left out
  std::vector<std::vector<snmp::Varbinds>> tables;  // [table][column] -> cells in OID order
  const snmp::Value* Scalar(const snmp::Oid& oid) const;
};

class Collector {
 public:
  virtual ~Collector() = default;
  virtual std::string_view name() const = 0;
  /// Adds what this collector needs; remembers table indexes in `state` it keeps per plan.
  virtual void Plan(PollPlan& plan) = 0;
  virtual void Decode(const PollResult& result, ApSample& sample) const = 0;
};

}  // namespace surfzone::collectors
