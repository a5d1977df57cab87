#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"

namespace surfzone::config {
namespace {

Address Parsed(const std::string& text) {
  const auto address = ParseAddress(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address.value_or(Address{"<failed>", 0});
}

TEST(ParseAddress, Ipv4WithAndWithoutPort) {
  EXPECT_EQ(Parsed("10.1.2.3"), (Address{"10.1.2.3", 161}));
  EXPECT_EQ(Parsed("127.0.0.1:16101"), (Address{"127.0.0.1", 16101}));
}

TEST(ParseAddress, Ipv6BracketedAndBare) {
  EXPECT_EQ(Parsed("[::1]:1161"), (Address{"::1", 1161}));
  EXPECT_EQ(Parsed("[2001:db8::7]"), (Address{"2001:db8::7", 161}));
  EXPECT_EQ(Parsed("2001:db8::7"), (Address{"2001:db8::7", 161}));
  EXPECT_EQ(Parsed("fe80::1%eth0"), (Address{"fe80::1%eth0", 161}));
}

TEST(ParseAddress, HostNames) {
  EXPECT_EQ(Parsed("localhost"), (Address{"localhost", 161}));
  EXPECT_EQ(Parsed("ap-1.wifi.helsingborg.se:10161"), (Address{"ap-1.wifi.helsingborg.se", 10161}));
  EXPECT_EQ(Parsed("ap1.example."), (Address{"ap1.example.", 161}));
}

TEST(ParseAddress, RejectsBadPorts) {
  for (const char* text : {"host:", "host:0", "host:65536", "host:99999999", "host:-1", "host:x",
                           "[::1]:", "[::1]:70000", "1.2.3.4:16 1"}) {
    EXPECT_EQ(ParseAddress(text), std::nullopt) << text;
  }
}

TEST(ParseAddress, RejectsBadHosts) {
  for (const char* text :
       {"", ":161", "10.0.0.300", "10.0.1", "[1.2.3.4]:161", "[::1", "[::1]x", "::g",
        "1:2:3:4:5:6:7:8:9", "bad host", "-ap.example", "ap..example", "a/b", "[]:161"}) {
    EXPECT_EQ(ParseAddress(text), std::nullopt) << text;
  }
}

TEST(AddressToString, BracketsIpv6) {
  EXPECT_EQ((Address{"::1", 161}).ToString(), "[::1]:161");
  EXPECT_EQ((Address{"10.0.0.1", 1161}).ToString(), "10.0.0.1:1161");
  EXPECT_EQ((Address{"ap.example", 161}).ToString(), "ap.example:161");
}

TEST(EnumToString, UsesYamlSpellings) {
  EXPECT_STREQ(ToString(SnmpVersion::kV2c), "2c");
  EXPECT_STREQ(ToString(SecurityLevel::kAuthPriv), "authPriv");
  EXPECT_STREQ(ToString(AuthProtocol::kSHA256), "SHA-256");
  EXPECT_STREQ(ToString(AuthProtocol::kNone), "none");
  EXPECT_STREQ(ToString(PrivProtocol::kAES192), "AES-192");
  EXPECT_STREQ(ToString(PrivProtocol::kNone), "none");
  EXPECT_STREQ(ToString(LocationKind::kHarbour), "harbour");
}

}  // namespace
}  // namespace surfzone::config
