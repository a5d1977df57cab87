#pragma once
/// A small BER codec for SNMP v1/v2c messages (RFC 1157 / RFC 3416 over X.690 BER): the client
/// side of Session for v1/v2c (requests out, responses in) and the simulator's agents and load
/// generator. Decoding never reads outside the given bytes and never throws on malformed input:
/// it returns a DecodeStatus. Encoding writes minimal-length definite-form TLVs into a
/// caller-owned buffer so a steady-state caller does not allocate.
///
/// Values are read as net-snmp 5.9 reads them where agents bend the rules (checked against it in
/// tests/unit/snmp/ber_netsnmp_test.cpp): Counter32, Gauge32 and TimeTicks of up to 8 bytes (9
/// with a leading zero), the bytes taken as the magnitude (no sign) and cut to 32 bits; Counter64
/// likewise to 64 bits. Two differences: an INTEGER keeps up to 64 bits (net-snmp cuts one out of
/// Integer32 range, which agents must not send), and an Opaque stays its raw bytes (net-snmp
/// unwraps an opaque-encoded float/double, which our net-snmp conversion turned into Null).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp::ber {

/// BER tags of the SNMP application types and context-specific exceptions.
namespace tag {
inline constexpr std::uint8_t kInteger = 0x02;
inline constexpr std::uint8_t kOctetString = 0x04;
inline constexpr std::uint8_t kNull = 0x05;
inline constexpr std::uint8_t kObjectId = 0x06;
inline constexpr std::uint8_t kSequence = 0x30;
inline constexpr std::uint8_t kIpAddress = 0x40;
inline constexpr std::uint8_t kCounter32 = 0x41;
inline constexpr std::uint8_t kGauge32 = 0x42;
inline constexpr std::uint8_t kTimeTicks = 0x43;
inline constexpr std::uint8_t kOpaque = 0x44;
inline constexpr std::uint8_t kCounter64 = 0x46;
inline constexpr std::uint8_t kNoSuchObject = 0x80;
inline constexpr std::uint8_t kNoSuchInstance = 0x81;
inline constexpr std::uint8_t kEndOfMibView = 0x82;
}  // namespace tag

enum class PduType : std::uint8_t {
  kGet = 0xA0,
  kGetNext = 0xA1,
  kResponse = 0xA2,
  kGetBulk = 0xA5,
};

/// SNMP error-status values used by the simulator and the tests.
namespace error_status {
inline constexpr std::int32_t kNoError = 0;
inline constexpr std::int32_t kTooBig = 1;
inline constexpr std::int32_t kNoSuchName = 2;
inline constexpr std::int32_t kGenErr = 5;
}  // namespace error_status

inline constexpr int kVersion1 = 0;
inline constexpr int kVersion2c = 1;
/// SNMP's limit on sub-identifiers per OID (RFC 2578); longer OIDs are rejected as malformed.
inline constexpr std::size_t kMaxOidArcs = 128;

/// One v1/v2c message. For GETBULK the two middle fields are non-repeaters / max-repetitions.
struct Message {
  int version = kVersion2c;  // kVersion1 or kVersion2c
  std::string community;
  PduType type = PduType::kGet;
  std::int32_t request_id = 0;
  std::int32_t error_status = 0;  // GETBULK: non-repeaters
  std::int32_t error_index = 0;   // GETBULK: max-repetitions
  snmp::Varbinds varbinds;        // requests: values are kNull

  std::int32_t non_repeaters() const { return error_status; }
  std::int32_t max_repetitions() const { return error_index; }
};

enum class DecodeStatus : std::uint8_t {
  kOk,
  kTruncated,      // a length runs past the end of its enclosing TLV
  kBadTag,         // an unexpected tag (or indefinite length form)
  kBadLength,      // length field malformed or too long
  kBadVersion,     // not v1 (0) or v2c (1)
  kBadPduType,     // not GET/GETNEXT/GETBULK (or RESPONSE where allowed); GETBULK in v1
  kBadInteger,     // empty, too long or out of range
  kBadOid,         // malformed sub-identifiers, arc > 2^32-1 or more than kMaxOidArcs arcs
  kBadValue,       // a varbind value of an unknown type or wrong size
  kTrailingBytes,  // bytes after the message
};

const char* ToString(DecodeStatus status);

/// A v1/v2c message's fixed fields, with the community and the varbind list left as views into
/// the decoded bytes: enough to match a response to its request before decoding its varbinds.
struct MessageHeader {
  int version = kVersion2c;
  std::span<const std::uint8_t> community;
  std::uint8_t pdu_tag = 0;  // any context-specific constructed tag 0xA0..0xBE
  std::int32_t request_id = 0;
  std::int32_t error_status = 0;               // GETBULK: non-repeaters
  std::int32_t error_index = 0;                // GETBULK: max-repetitions
  std::span<const std::uint8_t> varbind_list;  // content of the VarBindList SEQUENCE
};

/// Decodes a v1/v2c message up to (not into) its varbind list; the PDU type is not checked.
DecodeStatus DecodeHeader(std::span<const std::uint8_t> bytes, MessageHeader& out);
/// Decodes a VarBindList's content (MessageHeader::varbind_list) into `out`, which is
/// overwritten (its elements reused) and reserved to the exact count first.
DecodeStatus DecodeVarbindList(std::span<const std::uint8_t> list, snmp::Varbinds& out);

/// Decodes a GET, GETNEXT or GETBULK request (GETBULK only in v2c). `out` is overwritten; its
/// buffers are reused. On error `out` holds unspecified partial content.
DecodeStatus DecodeRequest(std::span<const std::uint8_t> bytes, Message& out);
/// Decodes any v1/v2c message of the types above or a RESPONSE (for load generators and tests).
DecodeStatus DecodeMessage(std::span<const std::uint8_t> bytes, Message& out);

/// Encodes `msg` (any PduType) into `out`, which is cleared first. Request values are encoded
/// from the varbinds as given (use kNull for requests).
void EncodeMessage(const Message& msg, std::vector<std::uint8_t>& out);

/// The fields of a request built from bare OIDs (see EncodeRequest).
struct RequestFields {
  int version = kVersion2c;
  std::string_view community;
  PduType type = PduType::kGet;
  std::int32_t request_id = 0;
  std::int32_t non_repeaters = 0;    // GETBULK only, else 0 (error-status)
  std::int32_t max_repetitions = 0;  // GETBULK only, else 0 (error-index)
};

/// Encodes a request for `oids` (each with a NULL value) into `out`, which is cleared first:
/// the same bytes EncodeMessage gives for the equivalent Message, without building varbinds.
void EncodeRequest(const RequestFields& fields, std::span<const snmp::Oid> oids,
                   std::vector<std::uint8_t>& out);

/// Exact encoded size in bytes of one varbind TLV (SEQUENCE { name, value }).
std::size_t EncodedSize(const snmp::Varbind& vb);
/// Exact encoded size of `msg` with an empty varbind list, i.e. the bytes a response spends
/// outside its varbinds, given that the varbinds will total `varbind_bytes`.
std::size_t EncodedEnvelopeSize(const Message& msg, std::size_t varbind_bytes);

}  // namespace surfzone::snmp::ber
