#include "surfzone/snmp/message_peek.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace surfzone::snmp {
namespace {

// snmpget -v2c -c public sysName.0 as sent on the wire (request-id 0x1234).
const std::vector<std::uint8_t> kV2cGet = {
    0x30, 0x27, 0x02, 0x01, 0x01, 0x04, 0x06, 'p',  'u',  'b',  'l',  'i',  'c',  0xa0,
    0x1a, 0x02, 0x02, 0x12, 0x34, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00, 0x30, 0x0e, 0x30,
    0x0c, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x02, 0x01, 0x01, 0x05, 0x00, 0x05, 0x00};

TEST(MessagePeek, ReadsVersionAndRequestId) {
  auto p = PeekMessage(kV2cGet);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->version, 1);
  EXPECT_EQ(p->request_id, 0x1234);
  EXPECT_EQ(p->pdu_type, 0xa0);
}

TEST(MessagePeek, RejectsTruncatedAndGarbage) {
  for (std::size_t cut = 0; cut < 19; ++cut) {
    EXPECT_FALSE(PeekMessage(std::span(kV2cGet.data(), cut))) << cut;
  }
  const std::vector<std::uint8_t> garbage = {'g', 'a', 'r', 'b', 'a', 'g', 'e'};
  EXPECT_FALSE(PeekMessage(garbage));
  auto wrong_pdu = kV2cGet;
  wrong_pdu[13] = 0x99;
  EXPECT_FALSE(PeekMessage(wrong_pdu));
}

TEST(MessagePeek, RejectsLengthsBeyondTheDatagram) {
  auto lying = kV2cGet;
  lying[1] = 0x7f;  // outer SEQUENCE claims more bytes than there are
  EXPECT_FALSE(PeekMessage(lying));
}

}  // namespace
}  // namespace surfzone::snmp
