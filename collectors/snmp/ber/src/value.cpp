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
  std::string_view s = bytes;
  while (!s.empty() && s.back() == '\0') s.remove_suffix(1);
  return ValidUtf8(s);
}

namespace {

// Length of the well-formed UTF-8 sequence at the start of `s`, 0 if there is none.
std::size_t SequenceLength(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < n || b(1) < lo || b(1) > hi) return 0;
  for (std::size_t i = 2; i < n; ++i) {
    if (b(i) < 0x80 || b(i) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

std::string ValidUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  while (!bytes.empty()) {
    const std::size_t n = SequenceLength(bytes);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      bytes.remove_prefix(1);
    } else {
      out.append(bytes.substr(0, n));
      bytes.remove_prefix(n);
    }
  }
  return out;
}

}  // namespace surfzone::snmp
