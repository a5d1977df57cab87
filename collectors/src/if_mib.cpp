#include "surfzone/collectors/if_mib.hpp"

#include <algorithm>
#include <map>

namespace surfzone::collectors {
namespace {

const snmp::Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
const snmp::Oid kIfXEntry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};

// Column order in the plan; Decode relies on it.
enum IfColumn { kDescr, kType, kSpeed, kOperStatus, kInOctets, kOutOctets };
enum IfXColumn { kName, kHcIn, kHcOut, kHighSpeed };

}  // namespace

bool InterfaceFilter::Matches(const InterfaceSample& i) const {
  if (exclude_loopback && (i.type == 24 || i.name == "lo")) return false;
  if (!types.empty() && std::find(types.begin(), types.end(), i.type) == types.end()) return false;
  if (name && !std::regex_search(i.name, *name)) return false;
  if (descr && !std::regex_search(i.descr, *descr)) return false;
  return true;
}

void IfMibCollector::Plan(PollPlan& plan) {
  if_table_ = plan.AddTable({kIfEntry.Child({2}), kIfEntry.Child({3}), kIfEntry.Child({5}),
                             kIfEntry.Child({8}), kIfEntry.Child({10}), kIfEntry.Child({16})});
  ifx_table_ = plan.AddTable(
      {kIfXEntry.Child({1}), kIfXEntry.Child({6}), kIfXEntry.Child({10}), kIfXEntry.Child({15})});
}

void IfMibCollector::Decode(const PollResult& result, ApSample& sample) const {
  std::map<std::uint32_t, InterfaceSample> by_index;
  auto row = [&](const snmp::Varbind& vb, const snmp::Oid& column) -> InterfaceSample* {
    auto idx = vb.oid.Suffix(column);
    if (idx.size() != 1) return nullptr;
    InterfaceSample& s = by_index[idx[0]];
    s.index = idx[0];
    return &s;
  };
  if (if_table_ < result.tables.size()) {
    const auto& cols = result.tables[if_table_];
    const std::vector<snmp::Oid> names = {kIfEntry.Child({2}),  kIfEntry.Child({3}),
                                          kIfEntry.Child({5}),  kIfEntry.Child({8}),
                                          kIfEntry.Child({10}), kIfEntry.Child({16})};
    for (std::size_t c = 0; c < cols.size() && c < names.size(); ++c) {
      for (const auto& vb : cols[c]) {
        InterfaceSample* s = row(vb, names[c]);
        if (!s) continue;
        switch (c) {
          case kDescr:
            s->descr = vb.value.AsText().value_or("");
            break;
          case kType:
            s->type = vb.value.AsInteger().value_or(0);
            break;
          case kSpeed:
            if (!s->speed_bps) s->speed_bps = vb.value.AsUnsigned().value_or(0);
            break;
          case kOperStatus:
            s->oper_status = vb.value.AsInteger().value_or(0);
            break;
          case kInOctets:
            s->in_octets = vb.value.AsUnsigned();
            break;
          case kOutOctets:
            s->out_octets = vb.value.AsUnsigned();
            break;
          default:
            break;
        }
      }
    }
  }
  std::map<std::uint32_t, std::uint64_t> hc_in, hc_out;
  if (ifx_table_ < result.tables.size()) {
    const auto& cols = result.tables[ifx_table_];
    const std::vector<snmp::Oid> names = {kIfXEntry.Child({1}), kIfXEntry.Child({6}),
                                          kIfXEntry.Child({10}), kIfXEntry.Child({15})};
    // Only rows that ifTable also has: ifXTable alone does not make an interface.
    for (std::size_t c = 0; c < cols.size() && c < names.size(); ++c) {
      for (const auto& vb : cols[c]) {
        auto idx = vb.oid.Suffix(names[c]);
        if (idx.size() != 1) continue;
        auto it = by_index.find(idx[0]);
        if (it == by_index.end()) continue;
        InterfaceSample& s = it->second;
        switch (c) {
          case kName:
            s.name = vb.value.AsText().value_or("");
            break;
          case kHcIn:
            if (vb.value.type == snmp::ValueType::kCounter64) hc_in[idx[0]] = vb.value.unsigned_;
            break;
          case kHcOut:
            if (vb.value.type == snmp::ValueType::kCounter64) hc_out[idx[0]] = vb.value.unsigned_;
            break;
          case kHighSpeed:
            if (auto mbps = vb.value.AsUnsigned(); mbps && *mbps > 0) s.speed_bps = *mbps * 1000000;
            break;
          default:
            break;
        }
      }
    }
  }
  sample.interfaces.clear();
  sample.interfaces.reserve(by_index.size());
  for (auto& [index, s] : by_index) {
    if (s.name.empty()) s.name = s.descr;
    // 64-bit only when both directions have it, so the two never differ in width.
    auto in = hc_in.find(index);
    auto out = hc_out.find(index);
    if (in != hc_in.end() && out != hc_out.end()) {
      s.in_octets = in->second;
      s.out_octets = out->second;
      s.width = CounterWidth::k64;
    }
    s.carries_wifi_traffic = filter_.Matches(s);
    sample.interfaces.push_back(std::move(s));
  }
}

}  // namespace surfzone::collectors
