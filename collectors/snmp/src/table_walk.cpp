#include "surfzone/snmp/table_walk.hpp"

namespace surfzone::snmp {

const char* ToString(WalkEnd end) {
  switch (end) {
    case WalkEnd::kNotYet:
      return "not_yet";
    case WalkEnd::kEndOfSubtree:
      return "end_of_subtree";
    case WalkEnd::kEndOfMibView:
      return "end_of_mib_view";
    case WalkEnd::kNonIncreasing:
      return "non_increasing_oid";
    case WalkEnd::kMaxRows:
      return "max_rows";
  }
  return "?";
}

TableWalk::TableWalk(std::vector<Oid> columns, std::size_t max_rows)
    : columns_(std::move(columns)),
      max_rows_(max_rows),
      cursor_(columns_),
      ends_(columns_.size(), WalkEnd::kNotYet),
      results_(columns_.size()) {}

std::vector<Oid> TableWalk::NextRequest() const {
  std::vector<Oid> out;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (ends_[c] == WalkEnd::kNotYet) out.push_back(cursor_[c]);
  }
  return out;
}

bool TableWalk::Done() const {
  for (auto e : ends_) {
    if (e == WalkEnd::kNotYet) return false;
  }
  return true;
}

void TableWalk::Feed(Varbinds response) {
  std::vector<std::size_t> active;
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (ends_[c] == WalkEnd::kNotYet) active.push_back(c);
  }
  if (active.empty()) return;
  // GETBULK with N repeaters answers row-major: vb[i] belongs to column active[i % N].
  std::size_t progressed = 0;
  for (std::size_t i = 0; i < response.size(); ++i) {
    const std::size_t c = active[i % active.size()];
    if (ends_[c] != WalkEnd::kNotYet) continue;
    Varbind& vb = response[i];
    if (vb.value.type == ValueType::kEndOfMibView) {
      ends_[c] = WalkEnd::kEndOfMibView;
    } else if (!vb.oid.StartsWith(columns_[c]) || vb.oid.size() == columns_[c].size()) {
      ends_[c] = WalkEnd::kEndOfSubtree;
    } else if (!(cursor_[c] < vb.oid)) {
      ends_[c] = WalkEnd::kNonIncreasing;
    } else if (results_[c].size() >= max_rows_) {
      ends_[c] = WalkEnd::kMaxRows;
    } else {
      cursor_[c] = vb.oid;
      results_[c].push_back(std::move(vb));
      ++progressed;
    }
  }
  // An empty answer would make the next request identical: stop rather than loop.
  if (progressed == 0) {
    for (auto c : active) {
      if (ends_[c] == WalkEnd::kNotYet) ends_[c] = WalkEnd::kEndOfMibView;
    }
  }
}

}  // namespace surfzone::snmp
