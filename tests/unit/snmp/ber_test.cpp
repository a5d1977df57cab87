#include "surfzone/snmp/ber.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>

namespace surfzone::snmp::ber {
namespace {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using Bytes = std::vector<std::uint8_t>;

Bytes Encode(const Message& m) {
  Bytes out;
  EncodeMessage(m, out);
  return out;
}

Message Request(PduType type, std::vector<Oid> oids, std::int32_t id = 1) {
  Message m;
  m.community = "public";
  m.type = type;
  m.request_id = id;
  for (auto& o : oids) m.varbinds.push_back({std::move(o), Value{}});
  return m;
}

// The bytes a value encodes to, without the surrounding varbind.
Bytes ValueBytes(const Value& v) {
  Message m;
  m.community = "";
  m.type = PduType::kResponse;
  m.varbinds.push_back({Oid{1, 3}, v});
  const Bytes all = Encode(m);
  // The value follows the varbind's name, 06 01 2b (nothing before it contains those bytes).
  const Bytes name = {0x06, 0x01, 0x2b};
  auto at = std::search(all.begin(), all.end(), name.begin(), name.end());
  if (at == all.end()) {
    ADD_FAILURE() << "no varbind name in the encoding";
    return {};
  }
  return Bytes(at + 3, all.end());
}

TEST(BerEncode, GetRequestMatchesNetSnmpBytes) {
  // What `snmpget -v2c -c public <host> 1.3.6.1.2.1.1.3.0` sends with request-id 1.
  const Bytes want = {0x30, 0x26, 0x02, 0x01, 0x01, 0x04, 0x06, 'p',  'u',  'b',
                      'l',  'i',  'c',  0xa0, 0x19, 0x02, 0x01, 0x01, 0x02, 0x01,
                      0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08,
                      0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x03, 0x00, 0x05, 0x00};
  EXPECT_EQ(Encode(Request(PduType::kGet, {Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}})), want);
}

TEST(BerEncode, UnsignedGetsLeadingZeroWhenHighBitSet) {
  EXPECT_EQ(ValueBytes(Value::Unsigned(ValueType::kCounter32, 0xffffffffu)),
            (Bytes{0x41, 0x05, 0x00, 0xff, 0xff, 0xff, 0xff}));
  EXPECT_EQ(ValueBytes(Value::Unsigned(ValueType::kGauge32, 128)), (Bytes{0x42, 0x02, 0x00, 0x80}));
  EXPECT_EQ(ValueBytes(Value::Unsigned(ValueType::kGauge32, 127)), (Bytes{0x42, 0x01, 0x7f}));
  EXPECT_EQ(ValueBytes(Value::Unsigned(ValueType::kTimeTicks, 0)), (Bytes{0x43, 0x01, 0x00}));
  EXPECT_EQ(ValueBytes(Value::Unsigned(ValueType::kCounter64, ~0ull)),
            (Bytes{0x46, 0x09, 0x00, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}));
}

TEST(BerEncode, SignedIntegersAreMinimal) {
  EXPECT_EQ(ValueBytes(Value::Integer(-1)), (Bytes{0x02, 0x01, 0xff}));
  EXPECT_EQ(ValueBytes(Value::Integer(-128)), (Bytes{0x02, 0x01, 0x80}));
  EXPECT_EQ(ValueBytes(Value::Integer(-129)), (Bytes{0x02, 0x02, 0xff, 0x7f}));
  EXPECT_EQ(ValueBytes(Value::Integer(128)), (Bytes{0x02, 0x02, 0x00, 0x80}));
  EXPECT_EQ(ValueBytes(Value::Integer(0)), (Bytes{0x02, 0x01, 0x00}));
}

TEST(BerEncode, OidArcsAbove127UseBase128) {
  EXPECT_EQ(ValueBytes(Value::ObjectId(Oid{1, 3, 6, 1, 4, 1, 99999})),
            (Bytes{0x06, 0x08, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x86, 0x8d, 0x1f}));
  EXPECT_EQ(ValueBytes(Value::ObjectId(Oid{1, 3, 4294967295u})),
            (Bytes{0x06, 0x06, 0x2b, 0x8f, 0xff, 0xff, 0xff, 0x7f}));
}

TEST(BerEncode, LongFormLength) {
  const Bytes b = ValueBytes(Value::String(std::string(300, 'x')));
  ASSERT_GE(b.size(), 4u);
  EXPECT_EQ(Bytes(b.begin(), b.begin() + 4), (Bytes{0x04, 0x82, 0x01, 0x2c}));
  EXPECT_EQ(b.size(), 304u);
}

TEST(BerEncode, EncodedSizesAreExact) {
  Message m = Request(PduType::kResponse, {});
  m.community = std::string(200, 'c');
  m.request_id = -70000;
  std::size_t vb_bytes = 0;
  for (int i = 0; i < 50; ++i) {
    snmp::Varbind vb{Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, 10, static_cast<std::uint32_t>(i * 1000)},
                     Value::String(std::string(static_cast<std::size_t>(i * 7), 'v'))};
    vb_bytes += EncodedSize(vb);
    m.varbinds.push_back(vb);
  }
  EXPECT_EQ(Encode(m).size(), EncodedEnvelopeSize(m, vb_bytes) + vb_bytes);
}

TEST(BerRoundTrip, ResponseWithEveryValueType) {
  Message m;
  m.version = kVersion2c;
  m.community = "s3cret";
  m.type = PduType::kResponse;
  m.request_id = std::numeric_limits<std::int32_t>::min();
  m.error_status = 2;
  m.error_index = 3;
  Value ip;
  ip.type = ValueType::kIpAddress;
  ip.bytes = std::string("\x0a\x00\x00\xfe", 4);
  Value opaque;
  opaque.type = ValueType::kOpaque;
  opaque.bytes = std::string("\x9f\x78\x04\x00\x00\x00\x00", 7);
  const std::vector<Value> values = {
      Value{},
      Value::Integer(std::numeric_limits<std::int64_t>::min()),
      Value::Integer(std::numeric_limits<std::int32_t>::max()),
      Value::String(std::string("bin\0\xff", 5)),
      Value::ObjectId(Oid{2, 999, 3}),
      ip,
      Value::Unsigned(ValueType::kCounter32, 0x80000000u),
      Value::Unsigned(ValueType::kGauge32, 4294967295u),
      Value::Unsigned(ValueType::kTimeTicks, 1),
      opaque,
      Value::Unsigned(ValueType::kCounter64, 0x8000000000000001ull),
      Value::Exception(ValueType::kNoSuchObject),
      Value::Exception(ValueType::kNoSuchInstance),
      Value::Exception(ValueType::kEndOfMibView),
  };
  for (std::uint32_t i = 0; i < values.size(); ++i) {
    m.varbinds.push_back({Oid{1, 3, 6, 1, 4, 1, 200 + i, 0}, values[i]});
  }
  const Bytes bytes = Encode(m);
  Message back;
  ASSERT_EQ(DecodeMessage(bytes, back), DecodeStatus::kOk);
  EXPECT_EQ(back.version, m.version);
  EXPECT_EQ(back.community, m.community);
  EXPECT_EQ(back.type, PduType::kResponse);
  EXPECT_EQ(back.request_id, m.request_id);
  EXPECT_EQ(back.error_status, 2);
  EXPECT_EQ(back.error_index, 3);
  EXPECT_EQ(back.varbinds, m.varbinds);
  // A response is not a request.
  EXPECT_EQ(DecodeRequest(bytes, back), DecodeStatus::kBadPduType);
}

TEST(BerRoundTrip, GetBulkRequestFields) {
  Message m = Request(PduType::kGetBulk,
                      {Oid{1, 3, 6, 1, 2, 1, 1, 3}, Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, 10}}, 77);
  m.error_status = 1;
  m.error_index = 25;
  Message back;
  back.varbinds.resize(9);  // stale content must not survive
  ASSERT_EQ(DecodeRequest(Encode(m), back), DecodeStatus::kOk);
  EXPECT_EQ(back.type, PduType::kGetBulk);
  EXPECT_EQ(back.request_id, 77);
  EXPECT_EQ(back.non_repeaters(), 1);
  EXPECT_EQ(back.max_repetitions(), 25);
  EXPECT_EQ(back.varbinds, m.varbinds);
}

TEST(BerDecode, AcceptsNonMinimalLongFormLengths) {
  Bytes b = Encode(Request(PduType::kGetNext, {Oid{1, 3, 6}}));
  // Re-encode the outer length as 0x84 00 00 00 LL (legal BER).
  const std::uint8_t len = b[1];
  b.erase(b.begin() + 1);
  b.insert(b.begin() + 1, {0x84, 0, 0, 0, len});
  Message back;
  ASSERT_EQ(DecodeRequest(b, back), DecodeStatus::kOk);
  EXPECT_EQ(back.type, PduType::kGetNext);
  EXPECT_EQ(back.varbinds[0].oid, (Oid{1, 3, 6}));
}

TEST(BerDecode, RejectsWhatIsNotAV1V2cRequest) {
  Message back;
  auto with = [](PduType t, int version) {
    Message m = Request(t, {Oid{1, 3}});
    m.version = version;
    return Encode(m);
  };
  EXPECT_EQ(DecodeRequest(with(PduType::kGetBulk, kVersion1), back), DecodeStatus::kBadPduType);
  EXPECT_EQ(DecodeRequest(with(PduType::kGet, 3), back), DecodeStatus::kBadVersion);
  Bytes set = with(PduType::kGet, kVersion2c);
  set[13] = 0xa3;  // SetRequest
  EXPECT_EQ(DecodeRequest(set, back), DecodeStatus::kBadPduType);
  Bytes trailing = with(PduType::kGet, kVersion2c);
  trailing.push_back(0);
  EXPECT_EQ(DecodeRequest(trailing, back), DecodeStatus::kTrailingBytes);
  Bytes indefinite = with(PduType::kGet, kVersion2c);
  indefinite[1] = 0x80;
  EXPECT_EQ(DecodeRequest(indefinite, back), DecodeStatus::kBadTag);
  Bytes huge_length = {0x30, 0x85, 1, 0, 0, 0, 0};
  EXPECT_EQ(DecodeRequest(huge_length, back), DecodeStatus::kBadLength);
  EXPECT_EQ(DecodeRequest(Bytes{}, back), DecodeStatus::kTruncated);
}

TEST(BerDecode, RejectsBadIntegersAndOids) {
  Message back;
  Message m = Request(PduType::kGet, {Oid{1, 3, 6, 1}});
  Bytes b = Encode(m);
  // Request-id 02 01 01 at offset 15 -> empty integer 02 00 (lengths shrink by one).
  Bytes empty_int = b;
  empty_int.erase(empty_int.begin() + 17);
  empty_int[16] = 0x00;
  empty_int[1] -= 1;
  empty_int[14] -= 1;
  EXPECT_EQ(DecodeRequest(empty_int, back), DecodeStatus::kBadInteger);

  Message big_id = m;
  Bytes with_big_id = Encode(big_id);
  // Replace request-id with 5-byte 0x01 00 00 00 00 (2^32): out of Integer32 range.
  with_big_id.erase(with_big_id.begin() + 15, with_big_id.begin() + 18);
  with_big_id.insert(with_big_id.begin() + 15, {0x02, 0x05, 0x01, 0, 0, 0, 0});
  with_big_id[1] += 4;
  with_big_id[14] += 4;
  EXPECT_EQ(DecodeRequest(with_big_id, back), DecodeStatus::kBadInteger);

  // An arc of 2^32 (0x90 0x80 0x80 0x80 0x00) does not fit 32 bits.
  Bytes arc = Encode(Request(PduType::kGet, {Oid{1, 3, 1, 2, 3, 4, 5}}));
  const std::size_t oid_at = arc.size() - 2 - 6;  // 2b 01 02 03 04 05 before 05 00
  ASSERT_EQ(arc[oid_at], 0x2b);
  std::copy_n(Bytes{0x2b, 0x90, 0x80, 0x80, 0x80}.begin(), 5,
              arc.begin() + static_cast<std::ptrdiff_t>(oid_at));
  EXPECT_EQ(DecodeRequest(arc, back), DecodeStatus::kBadOid);

  std::vector<std::uint32_t> long_arcs(kMaxOidArcs + 1, 1);
  long_arcs[0] = 1;
  long_arcs[1] = 3;
  EXPECT_EQ(DecodeRequest(Encode(Request(PduType::kGet, {Oid(long_arcs)})), back),
            DecodeStatus::kBadOid);
  long_arcs.pop_back();
  EXPECT_EQ(DecodeRequest(Encode(Request(PduType::kGet, {Oid(long_arcs)})), back),
            DecodeStatus::kOk);
}

}  // namespace
}  // namespace surfzone::snmp::ber
