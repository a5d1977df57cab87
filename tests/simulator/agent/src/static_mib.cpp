#include "surfzone/sim/static_mib.hpp"

namespace surfzone::sim {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;

std::optional<Value> StaticMib::Get(const Oid& oid) const {
  auto it = values_.find(oid);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::optional<snmp::Varbind> StaticMib::Next(const Oid& oid) const {
  auto it = values_.upper_bound(oid);
  if (it == values_.end()) return std::nullopt;
  return snmp::Varbind{it->first, it->second};
}

StaticMib SmallApMib(unsigned seed) {
  StaticMib mib;
  const Oid sys{1, 3, 6, 1, 2, 1, 1};
  const std::string name = "ap-" + std::to_string(seed);
  mib.Set(sys.Child({1, 0}), Value::String("surfzone simulated AP " + name));
  mib.Set(sys.Child({2, 0}), Value::ObjectId(Oid{1, 3, 6, 1, 4, 1, 99999, 1, 1}));
  mib.Set(sys.Child({3, 0}), Value::Unsigned(ValueType::kTimeTicks, 123456u + seed));
  mib.Set(sys.Child({4, 0}), Value::String("noc@example.org"));
  mib.Set(sys.Child({5, 0}), Value::String(name));
  mib.Set(sys.Child({6, 0}), Value::String("Beach promenade"));
  mib.Set(sys.Child({7, 0}), Value::Integer(72));
  const Oid if_number{1, 3, 6, 1, 2, 1, 2, 1, 0};
  mib.Set(if_number, Value::Integer(3));
  const Oid if_entry{1, 3, 6, 1, 2, 1, 2, 2, 1};
  const Oid ifx_entry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};
  const char* names[] = {"lo", "eth0", "wlan0"};
  for (std::uint32_t i = 1; i <= 3; ++i) {
    const std::uint64_t base = (seed + 1) * 1000003ull * i;
    mib.Set(if_entry.Child({1, i}), Value::Integer(i));
    mib.Set(if_entry.Child({2, i}), Value::String(names[i - 1]));
    mib.Set(if_entry.Child({3, i}), Value::Integer(i == 1 ? 24 : (i == 2 ? 6 : 71)));
    mib.Set(if_entry.Child({5, i}), Value::Unsigned(ValueType::kGauge32, 1000000000u));
    mib.Set(if_entry.Child({7, i}), Value::Integer(1));
    mib.Set(if_entry.Child({8, i}), Value::Integer(1));
    mib.Set(if_entry.Child({10, i}), Value::Unsigned(ValueType::kCounter32, base & 0xffffffffu));
    mib.Set(if_entry.Child({14, i}), Value::Unsigned(ValueType::kCounter32, 0));
    mib.Set(if_entry.Child({16, i}),
            Value::Unsigned(ValueType::kCounter32, (base * 3) & 0xffffffffu));
    mib.Set(if_entry.Child({20, i}), Value::Unsigned(ValueType::kCounter32, i));
    mib.Set(ifx_entry.Child({1, i}), Value::String(names[i - 1]));
    mib.Set(ifx_entry.Child({6, i}), Value::Unsigned(ValueType::kCounter64, base << 8));
    mib.Set(ifx_entry.Child({10, i}), Value::Unsigned(ValueType::kCounter64, base << 9));
    mib.Set(ifx_entry.Child({15, i}), Value::Unsigned(ValueType::kGauge32, 1000));
    mib.Set(ifx_entry.Child({18, i}), Value::String(i == 3 ? "guest wifi" : ""));
  }
  return mib;
}

}  // namespace surfzone::sim
