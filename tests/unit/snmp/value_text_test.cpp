// Text from agents is made valid UTF-8 before it can reach a label: valid text (ASCII, Swedish,
// emoji) passes unchanged, every kind of malformed sequence becomes U+FFFD.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {
namespace {

const std::string kBad = "\xEF\xBF\xBD";

TEST(ValidUtf8, ValidTextIsUnchanged) {
  for (const std::string& s :
       std::vector<std::string>{"", "Stortorget AP-1",
                                "R\xC3\xA5"
                                "dhustorget",
                                "\xE2\x82\xAC", "\xF0\x9F\x93\xB6 wifi", std::string("a\0b", 3)}) {
    EXPECT_EQ(ValidUtf8(s), s);
  }
}

TEST(ValidUtf8, MalformedSequencesAreReplaced) {
  EXPECT_EQ(ValidUtf8("R\xE5"
                      "dhus"),
            "R" + kBad + "dhus");                                       // Latin-1 å
  EXPECT_EQ(ValidUtf8("\xC3"), kBad);                                   // truncated
  EXPECT_EQ(ValidUtf8("\xE2\x82"), kBad + kBad);                        // truncated 3-byte
  EXPECT_EQ(ValidUtf8("\xC0\xAF"), kBad + kBad);                        // overlong '/'
  EXPECT_EQ(ValidUtf8("\xE0\x80\xAF"), kBad + kBad + kBad);             // overlong
  EXPECT_EQ(ValidUtf8("\xED\xA0\x80"), kBad + kBad + kBad);             // surrogate U+D800
  EXPECT_EQ(ValidUtf8("\xF4\x90\x80\x80"), kBad + kBad + kBad + kBad);  // > U+10FFFF
  EXPECT_EQ(ValidUtf8("\xFF\xFE"), kBad + kBad);
  EXPECT_EQ(ValidUtf8("\x80"
                      "ok"),
            kBad + "ok");  // stray continuation byte
}

TEST(ValidUtf8, AsTextOfAnOctetStringIsValid) {
  EXPECT_EQ(Value::String("ap\xFF\0\0").AsText(), "ap" + kBad);
  EXPECT_EQ(Value::Integer(3).AsText(), std::nullopt);
}

}  // namespace
}  // namespace surfzone::snmp
