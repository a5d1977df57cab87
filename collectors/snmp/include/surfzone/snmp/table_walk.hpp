#pragma once
/// Pure bookkeeping of a multi-column GETBULK table walk (no I/O).
///
/// Several columns of one table are fetched with one GETBULK per round: the request carries the
/// last OID seen in each unfinished column; the response interleaves max-repetitions rows of
/// those columns. A column ends when the agent leaves its subtree, answers endOfMibView, returns
/// a non-increasing OID (buggy agents that would loop forever), or after `max_rows` rows.

#include <cstddef>
#include <string>
#include <vector>

#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

enum class WalkEnd { kNotYet, kEndOfSubtree, kEndOfMibView, kNonIncreasing, kMaxRows };
const char* ToString(WalkEnd end);

class TableWalk {
 public:
  TableWalk(std::vector<Oid> columns, std::size_t max_rows);

  /// OIDs for the next GETBULK (one per unfinished column); empty when the walk is done.
  std::vector<Oid> NextRequest() const;
  /// Feed the varbinds answering the request NextRequest() returned (moved into results();
  /// pass an rvalue to avoid a copy).
  void Feed(Varbinds response);
  bool Done() const;

  /// Per column: the varbinds found below that column, in order.
  const std::vector<Varbinds>& results() const { return results_; }
  std::vector<Varbinds>& results() { return results_; }
  const std::vector<Oid>& columns() const { return columns_; }
  WalkEnd end(std::size_t column) const { return ends_[column]; }

 private:
  std::vector<Oid> columns_;
  std::size_t max_rows_;
  std::vector<Oid> cursor_;  // last OID seen per column
  std::vector<WalkEnd> ends_;
  std::vector<Varbinds> results_;
  std::vector<std::size_t> pending_;  // column indexes in the last request, in order
};

}  // namespace surfzone::snmp
