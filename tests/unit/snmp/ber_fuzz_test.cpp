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

}  // namespace
}  // namespace surfzone::snmp::ber
