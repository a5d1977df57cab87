#pragma once
/// SNMP values and varbinds, decoded out of net-snmp's PDUs into plain C++ types.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surfzone/snmp/oid.hpp"

namespace surfzone::snmp {

enum class ValueType : std::uint8_t {
  kNull,
  kInteger,
  kOctetString,
  kObjectId,
  kIpAddress,
  kCounter32,
  kGauge32,
  kTimeTicks,
  kOpaque,
  kCounter64,
  kNoSuchObject,
  kNoSuchInstance,
  kEndOfMibView,
};

const char* ToString(ValueType type);

struct Value {
  ValueType type = ValueType::kNull;
  std::int64_t integer = 0;     // kInteger (signed)
  std::uint64_t unsigned_ = 0;  // kCounter32, kGauge32, kTimeTicks, kCounter64
  std::string bytes;            // kOctetString, kOpaque, kIpAddress (4 raw bytes)
  Oid oid;                      // kObjectId

  /// noSuchObject / noSuchInstance / endOfMibView: the agent has no value here.
  bool IsException() const {
    return type == ValueType::kNoSuchObject || type == ValueType::kNoSuchInstance ||
           type == ValueType::kEndOfMibView;
  }
  /// Numeric value of any integer-like type; nullopt otherwise.
  std::optional<std::uint64_t> AsUnsigned() const;
  std::optional<std::int64_t> AsInteger() const;
  /// Text of an OCTET STRING (DisplayString), trailing NULs dropped; nullopt for other types.
  /// Always valid UTF-8 (ValidUtf8): agents send Latin-1, truncated multi-byte characters or
  /// garbage, and one bad label value makes Prometheus reject the whole /metrics page.
  std::optional<std::string> AsText() const;

  static Value Integer(std::int64_t v) {
    Value out;
    out.type = ValueType::kInteger;
    out.integer = v;
    return out;
  }
  static Value Unsigned(ValueType t, std::uint64_t v) {
    Value out;
    out.type = t;
    out.unsigned_ = v;
    return out;
  }
  static Value String(std::string s) {
    Value out;
    out.type = ValueType::kOctetString;
    out.bytes = std::move(s);
    return out;
  }
  static Value ObjectId(Oid o) {
    Value out;
    out.type = ValueType::kObjectId;
    out.oid = std::move(o);
    return out;
  }
  static Value Exception(ValueType t) {
    Value out;
    out.type = t;
    return out;
  }

  friend bool operator==(const Value&, const Value&) = default;
};

/// `bytes` with every byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
/// overlong forms, surrogates or code points above U+10FFFF) replaced by U+FFFD.
std::string ValidUtf8(std::string_view bytes);

struct Varbind {
  Oid oid;
  Value value;
  friend bool operator==(const Varbind&, const Varbind&) = default;
};

using Varbinds = std::vector<Varbind>;

}  // namespace surfzone::snmp
