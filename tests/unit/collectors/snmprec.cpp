#include "snmprec.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace surfzone::collectors::testing {

namespace {

std::string FromHex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

snmp::Value Parse(const std::string& type, const std::string& text) {
  using snmp::Value;
  using snmp::ValueType;
  if (type == "2") return Value::Integer(std::stoll(text));
  if (type == "4") return Value::String(text);
  if (type == "4x") return Value::String(FromHex(text));
  if (type == "6") return Value::ObjectId(snmp::Oid::Parse(text).value());
  if (type == "65") return Value::Unsigned(ValueType::kCounter32, std::stoull(text));
  if (type == "66") return Value::Unsigned(ValueType::kGauge32, std::stoull(text));
  if (type == "67") return Value::Unsigned(ValueType::kTimeTicks, std::stoull(text));
  if (type == "70") return Value::Unsigned(ValueType::kCounter64, std::stoull(text));
  if (type == "64") {
    Value v;
    v.type = ValueType::kIpAddress;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, '.')) v.bytes += static_cast<char>(std::stoi(part));
    return v;
  }
  return Value::String(text);  // other types do not matter to the profiles
}

}  // namespace

Walk LoadWalk(const std::string& name) {
  const std::string path = std::string(SURFZONE_WALKS_DIR) + "/" + name + ".snmprec";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  Walk walk;
  std::string line;
  while (std::getline(in, line)) {
    const auto a = line.find('|');
    const auto b = line.find('|', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    auto oid = snmp::Oid::Parse(line.substr(0, a));
    if (!oid) continue;
    walk[*oid] = Parse(line.substr(a + 1, b - a - 1), line.substr(b + 1));
  }
  return walk;
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
