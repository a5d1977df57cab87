#pragma once
/// A minimal, allocation-free look at the outer BER layers of an SNMP message: enough to tell
/// garbage from a real message and to read its version and (v1/v2c) request-id without parsing
/// the varbinds. Used to classify packets net-snmp silently discards.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace surfzone::snmp {

struct MessagePeek {
  long version = -1;                       // 0 = v1, 1 = v2c, 3 = v3
  std::optional<std::int64_t> request_id;  // v1/v2c only (v3 PDUs may be encrypted)
  std::uint8_t pdu_type = 0;               // v1/v2c: 0xA0..0xA8
};

/// nullopt if the bytes are not a well-formed SNMP message header.
std::optional<MessagePeek> PeekMessage(std::span<const std::uint8_t> bytes);

}  // namespace surfzone::snmp
