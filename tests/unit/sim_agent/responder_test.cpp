#include "surfzone/sim/responder.hpp"

#include <gtest/gtest.h>

#include "surfzone/sim/static_mib.hpp"

namespace surfzone::sim {
namespace {

using ber::Message;
using ber::PduType;
using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using snmp::Varbind;

const Oid kSysDescr{1, 3, 6, 1, 2, 1, 1, 1, 0};
const Oid kSysUpTime{1, 3, 6, 1, 2, 1, 1, 3, 0};
const Oid kIfDescr{1, 3, 6, 1, 2, 1, 2, 2, 1, 2};
const Oid kIfInOctets{1, 3, 6, 1, 2, 1, 2, 2, 1, 10};
const Oid kIfHcIn{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6};

StaticMib TestMib() {
  StaticMib mib;
  mib.Set(kSysDescr, Value::String("test agent"));
  mib.Set(kSysUpTime, Value::Unsigned(ValueType::kTimeTicks, 4242));
  for (std::uint32_t i = 1; i <= 2; ++i) {
    mib.Set(kIfDescr.Child({i}), Value::String("if" + std::to_string(i)));
    mib.Set(kIfInOctets.Child({i}), Value::Unsigned(ValueType::kCounter32, 100 * i));
    mib.Set(kIfHcIn.Child({i}), Value::Unsigned(ValueType::kCounter64, 1000 * i));
  }
  return mib;
}

class ResponderTest : public ::testing::Test {
 protected:
  Message Ask(PduType type, std::vector<Oid> oids, int version = ber::kVersion2c,
              std::int32_t non_rep = 0, std::int32_t max_rep = 0) {
    Message req;
    req.version = version;
    req.community = "public";
    req.type = type;
    req.request_id = 99;
    req.error_status = non_rep;
    req.error_index = max_rep;
    for (auto& o : oids) req.varbinds.push_back({std::move(o), Value{}});
    Message resp;
    answered_ = Respond(req, mib_, "public", options_, resp);
    EXPECT_EQ(resp.type, PduType::kResponse);
    EXPECT_EQ(resp.request_id, 99);
    return resp;
  }

  StaticMib mib_ = TestMib();
  ResponderOptions options_;
  bool answered_ = false;
};

Value End() { return Value::Exception(ValueType::kEndOfMibView); }

TEST_F(ResponderTest, GetAnswersValuesAndV2cExceptions) {
  Message r = Ask(PduType::kGet, {kSysDescr, Oid{1, 3, 6, 1, 2, 1, 1, 1, 7},
                                  Oid{1, 3, 6, 1, 2, 1, 1, 99, 0}, kSysUpTime});
  ASSERT_TRUE(answered_);
  EXPECT_EQ(r.error_status, 0);
  ASSERT_EQ(r.varbinds.size(), 4u);
  EXPECT_EQ(r.varbinds[0].value, Value::String("test agent"));
  EXPECT_EQ(r.varbinds[1].value.type, ValueType::kNoSuchInstance);
  EXPECT_EQ(r.varbinds[2].value.type, ValueType::kNoSuchObject);
  EXPECT_EQ(r.varbinds[2].oid, (Oid{1, 3, 6, 1, 2, 1, 1, 99, 0}));
  EXPECT_EQ(r.varbinds[3].value, Value::Unsigned(ValueType::kTimeTicks, 4242));
}

TEST_F(ResponderTest, V1GetMissingIsNoSuchNameAtItsIndex) {
  Message r = Ask(PduType::kGet, {kSysDescr, Oid{1, 3, 6, 1, 2, 1, 1, 9, 0}}, ber::kVersion1);
  ASSERT_TRUE(answered_);
  EXPECT_EQ(r.version, ber::kVersion1);
  EXPECT_EQ(r.error_status, ber::error_status::kNoSuchName);
  EXPECT_EQ(r.error_index, 2);
  ASSERT_EQ(r.varbinds.size(), 2u);
  EXPECT_EQ(r.varbinds[0].value, Value{});  // the request echoed
}

TEST_F(ResponderTest, V1NeverSeesCounter64) {
  Message get = Ask(PduType::kGet, {kIfHcIn.Child({1})}, ber::kVersion1);
  EXPECT_EQ(get.error_status, ber::error_status::kNoSuchName);
  Message next = Ask(PduType::kGetNext, {kIfInOctets.Child({2})}, ber::kVersion1);
  EXPECT_EQ(next.error_status, ber::error_status::kNoSuchName);  // only Counter64 after it
  Message v2 = Ask(PduType::kGetNext, {kIfInOctets.Child({2})});
  EXPECT_EQ(v2.varbinds.at(0).value, Value::Unsigned(ValueType::kCounter64, 1000));
}

TEST_F(ResponderTest, GetNextWalksAndEndsWithEndOfMibView) {
  Message r = Ask(PduType::kGetNext, {Oid{1}, kSysUpTime, kIfHcIn.Child({2}), kIfDescr});
  ASSERT_EQ(r.varbinds.size(), 4u);
  EXPECT_EQ(r.varbinds[0].oid, kSysDescr);
  EXPECT_EQ(r.varbinds[1].oid, kIfDescr.Child({1}));
  EXPECT_EQ(r.varbinds[2].oid, kIfHcIn.Child({2}));
  EXPECT_EQ(r.varbinds[2].value, End());
  EXPECT_EQ(r.varbinds[3].oid, kIfDescr.Child({1}));
  Message v1 = Ask(PduType::kGetNext, {kSysDescr, kIfHcIn.Child({2})}, ber::kVersion1);
  EXPECT_EQ(v1.error_status, ber::error_status::kNoSuchName);
  EXPECT_EQ(v1.error_index, 2);
}

TEST_F(ResponderTest, GetBulkNonRepeatersThenRows) {
  Message r = Ask(PduType::kGetBulk, {Oid{1, 3, 6, 1, 2, 1, 1}, kIfDescr, kIfInOctets},
                  ber::kVersion2c, 1, 3);
  ASSERT_EQ(r.varbinds.size(), 1u + 2 * 3);
  EXPECT_EQ(r.varbinds[0].oid, kSysDescr);
  // Row-major: ifDescr.1 ifInOctets.1 | ifDescr.2 ifInOctets.2 | ifInOctets.1 ifInOctets.2...
  EXPECT_EQ(r.varbinds[1].oid, kIfDescr.Child({1}));
  EXPECT_EQ(r.varbinds[2].oid, kIfInOctets.Child({1}));
  EXPECT_EQ(r.varbinds[3].oid, kIfDescr.Child({2}));
  EXPECT_EQ(r.varbinds[4].oid, kIfInOctets.Child({2}));
  EXPECT_EQ(r.varbinds[5].oid, kIfInOctets.Child({1}));  // ifDescr column ran out
  EXPECT_EQ(r.varbinds[6].oid, kIfHcIn.Child({1}));
}

TEST_F(ResponderTest, GetBulkStopsAfterFirstAllEndRow) {
  Message r = Ask(PduType::kGetBulk, {kIfInOctets.Child({2}), kIfHcIn}, ber::kVersion2c, 0, 1000);
  // Rows: (hc.1, hc.1) (hc.2, hc.2) (end, end) -> stop.
  ASSERT_EQ(r.varbinds.size(), 6u);
  EXPECT_EQ(r.varbinds[0].oid, kIfHcIn.Child({1}));
  EXPECT_EQ(r.varbinds[3].oid, kIfHcIn.Child({2}));
  EXPECT_EQ(r.varbinds[4], (Varbind{kIfHcIn.Child({2}), End()}));
  EXPECT_EQ(r.varbinds[5], (Varbind{kIfHcIn.Child({2}), End()}));
}

TEST_F(ResponderTest, GetBulkRepeatsEndOfMibViewForFinishedColumns) {
  Message r = Ask(PduType::kGetBulk, {kIfHcIn.Child({1}), kSysDescr}, ber::kVersion2c, 0, 2);
  ASSERT_EQ(r.varbinds.size(), 4u);
  EXPECT_EQ(r.varbinds[0].oid, kIfHcIn.Child({2}));
  EXPECT_EQ(r.varbinds[1].oid, kSysUpTime);
  EXPECT_EQ(r.varbinds[2], (Varbind{kIfHcIn.Child({2}), End()}));
  EXPECT_EQ(r.varbinds[3].oid, kIfDescr.Child({1}));
}

TEST_F(ResponderTest, GetBulkClampsNegativeFields) {
  Message r = Ask(PduType::kGetBulk, {kSysDescr, kIfDescr}, ber::kVersion2c, -5, -1);
  EXPECT_TRUE(answered_);
  EXPECT_TRUE(r.varbinds.empty());
  Message nr = Ask(PduType::kGetBulk, {kSysDescr, kIfDescr}, ber::kVersion2c, 9, 5);
  ASSERT_EQ(nr.varbinds.size(), 2u);  // all are non-repeaters
  EXPECT_EQ(nr.varbinds[1].oid, kIfDescr.Child({1}));
}

TEST_F(ResponderTest, GetBulkTruncatesWholeRowsToFitMaxMessageSize) {
  for (std::uint32_t i = 3; i < 400; ++i) mib_.Set(kIfDescr.Child({i}), Value::String("x"));
  for (std::size_t max : {200u, 484u, 1472u, 4000u}) {
    options_.max_message_size = max;
    Message r = Ask(PduType::kGetBulk, {kSysDescr, kIfDescr, kIfDescr.Child({100})},
                    ber::kVersion2c, 1, 1000);
    ASSERT_TRUE(answered_);
    EXPECT_EQ(r.error_status, 0);
    std::vector<std::uint8_t> bytes;
    ber::EncodeMessage(r, bytes);
    EXPECT_LE(bytes.size(), max);
    EXPECT_EQ((r.varbinds.size() - 1) % 2, 0u) << "only whole rows";
    EXPECT_GT(r.varbinds.size(), 3u);
    // One more row would not have fit (the budget reserves up to 6 bytes of long-form lengths).
    EXPECT_GT(bytes.size() + 2 * ber::EncodedSize(r.varbinds.back()) + 8, max);
  }
}

TEST_F(ResponderTest, GetTooBigWhenNothingFits) {
  options_.max_message_size = 60;
  Message r = Ask(PduType::kGet, {kSysDescr, kSysUpTime});
  ASSERT_TRUE(answered_);
  EXPECT_EQ(r.error_status, ber::error_status::kTooBig);
  EXPECT_TRUE(r.varbinds.empty());
  options_.max_message_size = 10;
  Ask(PduType::kGet, {kSysDescr});
  EXPECT_FALSE(answered_);
}

TEST_F(ResponderTest, WrongCommunityIsNotAnswered) {
  Message req;
  req.community = "private";
  req.type = PduType::kGet;
  req.varbinds.push_back({kSysDescr, Value{}});
  Message resp;
  EXPECT_FALSE(Respond(req, mib_, "public", options_, resp));
  req.community = "public";
  EXPECT_TRUE(Respond(req, mib_, "public", options_, resp));
}

}  // namespace
}  // namespace surfzone::sim
