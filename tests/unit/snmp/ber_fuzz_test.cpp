// Malformed input: random truncations, bit flips and splices of valid messages must yield an
// error (or, for flips that happen to stay valid, a message that re-encodes), never a crash or an
// out-of-bounds read. Run under -DSURFZONE_SANITIZE=address,undefined to make the latter visible.
#include <gtest/gtest.h>

#include <random>

#include "surfzone/snmp/ber.hpp"

namespace surfzone::snmp::ber {
namespace {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using Bytes = std::vector<std::uint8_t>;

std::vector<Bytes> Seeds() {
  std::vector<Bytes> seeds;
  Message m;
  m.community = "public";
  m.type = PduType::kGetBulk;
  m.request_id = 123456789;
  m.error_status = 1;
  m.error_index = 25;
  m.varbinds = {{Oid{1, 3, 6, 1, 2, 1, 1, 3}, Value{}},
                {Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, 10, 4294967295u}, Value{}}};
  seeds.emplace_back();
  EncodeMessage(m, seeds.back());
  m.type = PduType::kResponse;
  m.varbinds = {
      {Oid{1, 3, 6, 1, 2, 1, 1, 1, 0}, Value::String(std::string(200, 'd'))},
      {Oid{1, 3, 6, 1, 2, 1, 1, 2, 0}, Value::ObjectId(Oid{1, 3, 6, 1, 4, 1, 99999})},
      {Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}, Value::Unsigned(ValueType::kTimeTicks, 4000000000u)},
      {Oid{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6, 1}, Value::Unsigned(ValueType::kCounter64, ~0ull)},
      {Oid{1, 3, 6, 1, 2, 1, 2, 1, 0}, Value::Integer(-5)},
      {Oid{1, 3, 6, 1, 2, 1, 9}, Value::Exception(ValueType::kEndOfMibView)}};
  seeds.emplace_back();
  EncodeMessage(m, seeds.back());
  return seeds;
}

// A successfully decoded message must survive a re-encode/decode unchanged.
void CheckConsistent(const Message& m) {
  Bytes again;
  EncodeMessage(m, again);
  Message back;
  ASSERT_EQ(DecodeMessage(again, back), DecodeStatus::kOk);
  EXPECT_EQ(back.varbinds, m.varbinds);
  EXPECT_EQ(back.request_id, m.request_id);
}

TEST(BerFuzz, EveryTruncationIsAnError) {
  Message out;
  for (const Bytes& seed : Seeds()) {
    for (std::size_t n = 0; n < seed.size(); ++n) {
      // A copy of exactly n bytes, so ASan sees reads past the end.
      const Bytes cut(seed.begin(), seed.begin() + static_cast<std::ptrdiff_t>(n));
      EXPECT_NE(DecodeMessage(cut, out), DecodeStatus::kOk) << "prefix of " << n;
    }
  }
}

TEST(BerFuzz, BitFlipsAndSplicesNeverCrash) {
  std::mt19937_64 rng(20240611);
  Message out;
  std::size_t ok = 0, errors = 0;
  const auto seeds = Seeds();
  for (int round = 0; round < 20000; ++round) {
    Bytes b = seeds[static_cast<std::size_t>(round) % seeds.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % b.size();
      switch (rng() % 4) {
        case 0:
          b[at] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
          break;
        case 1:
          b[at] = static_cast<std::uint8_t>(rng());
          break;
        case 2:
          b.erase(b.begin() + static_cast<std::ptrdiff_t>(at));
          break;
        default:
          b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), static_cast<std::uint8_t>(rng()));
          break;
      }
      if (b.empty()) b.push_back(0x30);
    }
    if (rng() % 3 == 0) b.resize(rng() % (b.size() + 1));
    if (DecodeMessage(b, out) == DecodeStatus::kOk) {
      ++ok;
      CheckConsistent(out);
    } else {
      ++errors;
    }
  }
  // Both outcomes occur; the point is that neither crashed.
  EXPECT_GT(errors, 10000u);
  EXPECT_GT(ok, 0u);
}

TEST(BerFuzz, RandomBytesAreRejected) {
  std::mt19937_64 rng(7);
  Message out;
  for (int round = 0; round < 5000; ++round) {
    Bytes b(rng() % 64);
    for (auto& x : b) x = static_cast<std::uint8_t>(rng());
    if (!b.empty() && round % 2) b[0] = 0x30;  // get past the first check half the time
    EXPECT_NE(DecodeRequest(b, out), DecodeStatus::kOk);
  }
}

// The client path: DecodeHeader, then DecodeVarbindList on what it found.
DecodeStatus DecodeResponse(const Bytes& b, snmp::Varbinds& out) {
  MessageHeader h;
  if (auto s = DecodeHeader(b, h); s != DecodeStatus::kOk) return s;
  return DecodeVarbindList(h.varbind_list, out);
}

TEST(BerFuzz, ClientPathRejectsEveryTruncationOfAResponse) {
  const Bytes response = Seeds()[1];
  snmp::Varbinds out;
  ASSERT_EQ(DecodeResponse(response, out), DecodeStatus::kOk);
  EXPECT_EQ(out.size(), 6u);
  for (std::size_t n = 0; n < response.size(); ++n) {
    const Bytes cut(response.begin(), response.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_NE(DecodeResponse(cut, out), DecodeStatus::kOk) << "prefix of " << n;
  }
}

TEST(BerFuzz, ClientPathRejectsHostileLengthsTagsIntegersAndNesting) {
  snmp::Varbinds out;
  // Outer length far past the datagram, in every long form.
  for (const Bytes& b :
       {Bytes{0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x01},
        Bytes{0x30, 0x82, 0x7f, 0xff, 0x02, 0x01, 0x01}, Bytes{0x30, 0x88, 1, 0, 0, 0, 0, 0, 0, 0},
        Bytes{0x30, 0x80, 0x00, 0x00}}) {
    EXPECT_NE(DecodeResponse(b, out), DecodeStatus::kOk);
  }
  // A valid response with one value replaced: `value` is the whole value TLV.
  const auto with_value = [](Bytes value) {
    Message m;
    m.community = "public";
    m.type = PduType::kResponse;
    m.varbinds = {{Oid{1, 3, 6, 1}, Value::String(std::string(value.size() - 2, 'x'))}};
    Bytes b;
    EncodeMessage(m, b);
    std::copy(value.begin(), value.end(), b.end() - static_cast<std::ptrdiff_t>(value.size()));
    return b;
  };
  EXPECT_EQ(DecodeResponse(with_value({0x04, 0x02, 'o', 'k'}), out), DecodeStatus::kOk);
  // Oversized numbers: 10-byte Counter32 / Counter64, 9-byte INTEGER, 9 bytes without 0x00.
  EXPECT_EQ(DecodeResponse(with_value({0x41, 0x0a, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), out),
            DecodeStatus::kBadInteger);
  EXPECT_EQ(DecodeResponse(with_value({0x46, 0x0a, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9}), out),
            DecodeStatus::kBadInteger);
  EXPECT_EQ(DecodeResponse(with_value({0x46, 0x09, 1, 1, 2, 3, 4, 5, 6, 7, 8}), out),
            DecodeStatus::kBadInteger);
  EXPECT_EQ(DecodeResponse(with_value({0x02, 0x09, 0, 1, 2, 3, 4, 5, 6, 7, 8}), out),
            DecodeStatus::kBadInteger);
  EXPECT_EQ(DecodeResponse(with_value({0x43, 0x00}), out), DecodeStatus::kBadInteger);
  // Wrong tags: a SET PDU value type, a multi-byte tag, a constructed value.
  EXPECT_EQ(DecodeResponse(with_value({0xa3, 0x00}), out), DecodeStatus::kBadValue);
  EXPECT_EQ(DecodeResponse(with_value({0x1f, 0x00}), out), DecodeStatus::kBadTag);
  // Nesting: a value made of 200 nested SEQUENCEs is a bad value, read without recursion.
  Bytes nested;
  for (int i = 0; i < 200; ++i) nested.insert(nested.begin(), {0x30, 0x00});
  for (std::size_t i = 0; i < nested.size(); i += 2) {
    nested[i + 1] = static_cast<std::uint8_t>(std::min<std::size_t>(nested.size() - i - 2, 0x7f));
  }
  nested.resize(std::min<std::size_t>(nested.size(), 0x7f + 2));
  nested[1] = static_cast<std::uint8_t>(nested.size() - 2);
  EXPECT_NE(DecodeResponse(with_value(nested), out), DecodeStatus::kOk);
  // The PDU tag of a response is not checked by DecodeHeader, only its form.
  Bytes not_pdu = with_value({0x04, 0x02, 'o', 'k'});
  not_pdu[13] = 0x04;
  MessageHeader h;
  EXPECT_EQ(DecodeHeader(not_pdu, h), DecodeStatus::kBadPduType);
}

TEST(BerFuzz, ClientPathSurvivesBitFlips) {
  std::mt19937_64 rng(99);
  const Bytes seed = Seeds()[1];
  snmp::Varbinds out;
  std::size_t ok = 0;
  for (int round = 0; round < 20000; ++round) {
    Bytes b = seed;
    for (int e = 0, edits = 1 + static_cast<int>(rng() % 3); e < edits; ++e) {
      b[rng() % b.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
    }
    ok += DecodeResponse(b, out) == DecodeStatus::kOk;
  }
  EXPECT_LT(ok, 20000u);  // the point is that nothing crashed (run under ASan/UBSan)
}

}  // namespace
}  // namespace surfzone::snmp::ber
