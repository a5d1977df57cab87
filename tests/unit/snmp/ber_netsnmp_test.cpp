// The native v1/v2c codec against net-snmp itself: requests we encode must be the bytes
// net-snmp's snmp_build produces for the same PDU, and every response must decode to the same
// Values through our decoder as through net-snmp's snmp_parse + the conversion the v3 path uses
// (detail::DecodeVarbinds), including the encodings agents get wrong that net-snmp tolerates.
#include <gtest/gtest.h>

#include <random>

#include "detail/netsnmp.hpp"
#include "surfzone/snmp/ber.hpp"
#include "surfzone/snmp/engine.hpp"

namespace surfzone::snmp {
// Readable gtest output for the comparisons below.
void PrintTo(const Value& v, std::ostream* os) {
  *os << ToString(v.type) << " i=" << v.integer << " u=" << v.unsigned_
      << " bytes=" << v.bytes.size() << " oid=" << v.oid.ToString();
}
void PrintTo(const Varbind& vb, std::ostream* os) {
  *os << vb.oid.ToString() << " = ";
  PrintTo(vb.value, os);
}

namespace ber {
namespace {

using Bytes = std::vector<std::uint8_t>;

// net-snmp's encoding of a request PDU (reverse or forward ASN.1 builder, whichever is built in).
Bytes NetsnmpRequest(int version, const std::string& community, int command, long reqid,
                     long non_repeaters, long max_repetitions, const std::vector<Oid>& oids) {
  netsnmp_session s;
  snmp_sess_init(&s);
  s.version = version == kVersion1 ? SNMP_VERSION_1 : SNMP_VERSION_2c;
  s.community = reinterpret_cast<u_char*>(const_cast<char*>(community.c_str()));
  s.community_len = community.size();
  netsnmp_pdu* pdu = detail::BuildRequest(command, oids);
  pdu->version = s.version;
  pdu->reqid = reqid;
  pdu->msgid = reqid;
  if (command == SNMP_MSG_GETBULK) {
    pdu->non_repeaters = non_repeaters;
    pdu->max_repetitions = max_repetitions;
  }
  std::size_t len = 2048, offset = 0;
  auto* buf = static_cast<u_char*>(malloc(len));
  const int rc = snmp_build(&buf, &len, &offset, &s, pdu);
  Bytes out;
  if (rc == 0) {
#ifdef NETSNMP_USE_REVERSE_ASNENCODING
    out.assign(buf + len - offset, buf + len);
#else
    out.assign(buf, buf + offset);
#endif
  }
  free(buf);
  snmp_free_pdu(pdu);
  return out;
}

// What net-snmp makes of a v1/v2c message; nullopt if it refuses it.
std::optional<Varbinds> NetsnmpDecode(const Bytes& bytes) {
  netsnmp_session s;
  snmp_sess_init(&s);
  netsnmp_pdu* pdu = snmp_pdu_create(0);
  Bytes copy = bytes;
  const int rc = snmp_parse(nullptr, &s, pdu, copy.data(), copy.size());
  std::optional<Varbinds> out;
  if (rc == 0) out = detail::DecodeVarbinds(pdu);
  snmp_free_pdu(pdu);
  return out;
}

std::optional<Varbinds> NativeDecode(const Bytes& bytes) {
  MessageHeader h;
  if (DecodeHeader(bytes, h) != DecodeStatus::kOk) return std::nullopt;
  Varbinds out;
  if (DecodeVarbindList(h.varbind_list, out) != DecodeStatus::kOk) return std::nullopt;
  return out;
}

class BerVsNetsnmp : public ::testing::Test {
 protected:
  Engine engine_;  // initialises net-snmp (no config files, no MIBs)
};

TEST_F(BerVsNetsnmp, RequestsAreByteForByteNetsnmps) {
  const std::vector<std::vector<Oid>> oid_sets = {
      {Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}},
      {Oid{1, 3, 6, 1, 2, 1, 1, 1, 0}, Oid{1, 3, 6, 1, 2, 1, 1, 5, 0},
       Oid{1, 3, 6, 1, 4, 1, 41112, 1, 6, 1, 2, 1, 4294967295u}},
      {Oid{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6}, Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, 10, 128}},
  };
  const std::vector<std::string> communities = {"public", "", std::string(200, 'c')};
  const std::vector<std::int32_t> ids = {1, 127, 128, 65535, 0x7fffffff, 1234567};
  int checked = 0;
  for (const auto& oids : oid_sets) {
    for (const auto& community : communities) {
      for (const std::int32_t id : ids) {
        for (const int version : {kVersion1, kVersion2c}) {
          for (const auto& [type, command] : {std::pair{PduType::kGet, SNMP_MSG_GET},
                                              std::pair{PduType::kGetNext, SNMP_MSG_GETNEXT},
                                              std::pair{PduType::kGetBulk, SNMP_MSG_GETBULK}}) {
            if (version == kVersion1 && type == PduType::kGetBulk) continue;
            const int nr = type == PduType::kGetBulk ? 1 : 0;
            const int mr = type == PduType::kGetBulk ? 25 : 0;
            Bytes ours;
            EncodeRequest({.version = version,
                           .community = community,
                           .type = type,
                           .request_id = id,
                           .non_repeaters = nr,
                           .max_repetitions = mr},
                          oids, ours);
            const Bytes theirs = NetsnmpRequest(version, community, command, id, nr, mr, oids);
            ASSERT_FALSE(theirs.empty());
            EXPECT_EQ(ours, theirs) << "version " << version << " type " << int(type) << " id "
                                    << id << " community " << community.size();
            ++checked;
          }
        }
      }
    }
  }
  EXPECT_EQ(checked, 3 * 3 * 6 * 5);
}

Value Raw(ValueType t, std::string bytes) {
  Value v;
  v.type = t;
  v.bytes = std::move(bytes);
  return v;
}

TEST_F(BerVsNetsnmp, EveryValueTypeDecodesAsNetsnmpDecodesIt) {
  Message m;
  m.community = "public";
  m.type = PduType::kResponse;
  m.request_id = 4711;
  const std::vector<Value> values = {
      Value{},
      Value::Integer(0),
      Value::Integer(-1),
      Value::Integer(std::numeric_limits<std::int32_t>::min()),
      Value::Integer(std::numeric_limits<std::int32_t>::max()),
      Value::String(""),
      Value::String(std::string("bin\0\xff", 5)),
      Value::String(std::string(1000, 'x')),
      Value::ObjectId(Oid{1, 3, 6, 1, 4, 1, 99999, 4294967295u}),
      Value::ObjectId(Oid{2, 999, 3}),
      Raw(ValueType::kIpAddress, std::string("\x0a\x00\x00\xfe", 4)),
      Value::Unsigned(ValueType::kCounter32, 0),
      Value::Unsigned(ValueType::kCounter32, 0x80000000u),
      Value::Unsigned(ValueType::kGauge32, 4294967295u),
      Value::Unsigned(ValueType::kTimeTicks, 123456789),
      Raw(ValueType::kOpaque, std::string("\x30\x01\x00", 3)),
      Value::Unsigned(ValueType::kCounter64, 0),
      Value::Unsigned(ValueType::kCounter64, 0x8000000000000001ull),
      Value::Unsigned(ValueType::kCounter64, ~0ull),
      Value::Exception(ValueType::kNoSuchObject),
      Value::Exception(ValueType::kNoSuchInstance),
      Value::Exception(ValueType::kEndOfMibView),
  };
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    m.varbinds.push_back({Oid{1, 3, 6, 1, 4, 1, 200 + i, 0}, values[i]});
  }
  for (const int version : {kVersion1, kVersion2c}) {
    m.version = version;
    Bytes bytes;
    EncodeMessage(m, bytes);
    const auto theirs = NetsnmpDecode(bytes);
    ASSERT_TRUE(theirs);
    const auto ours = NativeDecode(bytes);
    ASSERT_TRUE(ours);
    ASSERT_EQ(ours->size(), theirs->size());
    for (std::size_t i = 0; i < ours->size(); ++i) {
      EXPECT_EQ((*ours)[i], (*theirs)[i]) << "varbind " << i;
      EXPECT_EQ((*ours)[i], m.varbinds[i]) << "varbind " << i;  // and both are what was sent
    }
  }
}

// One response varbind whose value TLV is `value` (tag, short length, content as given): an
// OCTET STRING of the same content is encoded, then its tag is swapped.
Bytes ResponseWithValue(const Bytes& value) {
  Message m;
  m.community = "public";
  m.type = PduType::kResponse;
  m.request_id = 99;
  m.varbinds.push_back(
      {Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}, Value::String(std::string(value.begin() + 2, value.end()))});
  Bytes bytes;
  EncodeMessage(m, bytes);
  bytes[bytes.size() - value.size()] = value[0];
  return bytes;
}

TEST_F(BerVsNetsnmp, LenientEncodingsDecodeAsNetsnmpDecodesThem) {
  const std::vector<Bytes> values = {
      {0x41, 0x04, 0xb2, 0xd0, 0x5e, 0x00},                          // Counter32 without leading 0
      {0x41, 0x05, 0x01, 0x00, 0x00, 0x00, 0x07},                    // Counter32 over 32 bits
      {0x42, 0x01, 0xff},                                            // Gauge32 "-1"
      {0x43, 0x08, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff},  // TimeTicks, 8 bytes
      {0x46, 0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe},  // Counter64 no leading 0
      {0x46, 0x01, 0x80},                                            // Counter64 "-128"
      {0x44, 0x03, 0x01, 0x02, 0x03},                                // Opaque
      {0x40, 0x00},                                                  // empty IpAddress
      {0x40, 0x03, 1, 2, 3},                                         // 3-byte IpAddress
      {0x40, 0x06, 1, 2, 3, 4, 5, 6},                                // 6-byte IpAddress
      {0x04, 0x02, 'o', 'k'},                                        // OCTET STRING
      {0x02, 0x04, 0x80, 0x00, 0x00, 0x00},                          // INTEGER32 min
  };
  int accepted = 0;
  for (const Bytes& v : values) {
    const Bytes bytes = ResponseWithValue(v);
    // Equal: both refuse the message, or both decode it to the same values.
    EXPECT_EQ(NativeDecode(bytes), NetsnmpDecode(bytes))
        << "value tag " << int(v[0]) << " length " << int(v[1]);
    accepted += NativeDecode(bytes).has_value();
  }
  EXPECT_GE(accepted, 8);  // not a comparison of two refusals
}

TEST_F(BerVsNetsnmp, OpaqueFloatStaysRawBytesWhereNetsnmpGaveNull) {
  // The one known difference: net-snmp unwraps an Opaque holding a float (9f 78 04 ...) into
  // its own float type, which the net-snmp conversion (netsnmp_pdu.cpp) maps to Null. We keep
  // the Opaque's bytes. Nothing downstream reads either as a number.
  const Bytes bytes = ResponseWithValue({0x44, 0x07, 0x9f, 0x78, 0x04, 0x3f, 0x80, 0x00, 0x00});
  const auto theirs = NetsnmpDecode(bytes);
  const auto ours = NativeDecode(bytes);
  ASSERT_TRUE(theirs && ours);
  EXPECT_EQ((*theirs)[0].value.type, ValueType::kNull);
  EXPECT_EQ((*ours)[0].value,
            Raw(ValueType::kOpaque, std::string("\x9f\x78\x04\x3f\x80\x00\x00", 7)));
}

TEST_F(BerVsNetsnmp, RandomResponsesDecodeAlike) {
  std::mt19937_64 rng(20261123);
  for (int round = 0; round < 300; ++round) {
    Message m;
    m.version = round % 2 ? kVersion2c : kVersion1;
    m.community = std::string(rng() % 40, 'k');
    m.type = PduType::kResponse;
    m.request_id = static_cast<std::int32_t>(rng());
    const int n = static_cast<int>(rng() % 30);
    for (int i = 0; i < n; ++i) {
      std::vector<std::uint32_t> arcs = {1, 3};
      for (int a = 0, len = static_cast<int>(rng() % 20); a < len; ++a) {
        arcs.push_back(static_cast<std::uint32_t>(rng() >> (rng() % 64)));
      }
      Value v;
      switch (rng() % 7) {
        case 0:
          v = Value::Integer(static_cast<std::int32_t>(rng()));
          break;
        case 1:
          v = Value::String(std::string(rng() % 300, static_cast<char>(rng())));
          break;
        case 2:
          v = Value::Unsigned(ValueType::kCounter32, static_cast<std::uint32_t>(rng()));
          break;
        case 3:
          v = Value::Unsigned(ValueType::kCounter64, rng() >> (rng() % 64));
          break;
        case 4:
          v = Value::Unsigned(ValueType::kTimeTicks, static_cast<std::uint32_t>(rng() >> 40));
          break;
        case 5:
          v = Value::ObjectId(Oid{1, 3, 6, static_cast<std::uint32_t>(rng())});
          break;
        default:
          v = Value::Exception(ValueType::kNoSuchInstance);
          break;
      }
      m.varbinds.push_back({Oid(arcs), v});
    }
    Bytes bytes;
    EncodeMessage(m, bytes);
    const auto theirs = NetsnmpDecode(bytes);
    const auto ours = NativeDecode(bytes);
    ASSERT_TRUE(theirs && ours) << "round " << round;
    EXPECT_EQ(*ours, *theirs) << "round " << round;
  }
}

}  // namespace
}  // namespace ber
}  // namespace surfzone::snmp
