#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

const char* ToString(ValueType type) {
  switch (type) {
    case ValueType::kNull:
      return "Null";
    case ValueType::kInteger:
      return "INTEGER";
    case ValueType::kOctetString:
      return "OCTET STRING";
    case ValueType::kObjectId:
      return "OBJECT IDENTIFIER";
    case ValueType::kIpAddress:
      return "IpAddress";
    case ValueType::kCounter32:
      return "Counter32";
    case ValueType::kGauge32:
      return "Gauge32";
    case ValueType::kTimeTicks:
      return "TimeTicks";
    case ValueType::kOpaque:
      return "Opaque";
    case ValueType::kCounter64:
      return "Counter64";
    case ValueType::kNoSuchObject:
      return "noSuchObject";
    case ValueType::kNoSuchInstance:
      return "noSuchInstance";
    case ValueType::kEndOfMibView:
      return "endOfMibView";
  }
  return "?";
}

std::optional<std::uint64_t> Value::AsUnsigned() const {
  switch (type) {
    case ValueType::kCounter32:
    case ValueType::kGauge32:
    case ValueType::kTimeTicks:
    case ValueType::kCounter64:
      return unsigned_;
    case ValueType::kInteger:
      if (integer < 0) return std::nullopt;
      return static_cast<std::uint64_t>(integer);
    default:
      return std::nullopt;
  }
}

std::optional<std::int64_t> Value::AsInteger() const {
  if (type == ValueType::kInteger) return integer;
  if (auto u = AsUnsigned(); u && *u <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(*u);
  }
  return std::nullopt;
}

std::optional<std::string> Value::AsText() const {
  if (type != ValueType::kOctetString) return std::nullopt;
  std::string s = bytes;
  while (!s.empty() && s.back() == '\0') s.pop_back();
  return s;
}

}  // namespace surfzone::snmp
