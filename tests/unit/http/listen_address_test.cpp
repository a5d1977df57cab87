#include "surfzone/http/listen_address.hpp"

#include <gtest/gtest.h>

namespace surfzone::http {
namespace {

TEST(ListenAddress, ParsesHostAndPort) {
  const auto parsed = ParseListenAddress("127.0.0.1:9877");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->host, "127.0.0.1");
  EXPECT_EQ(parsed->port, 9877);
}

TEST(ListenAddress, EmptyHostMeansAllInterfaces) {
  const auto parsed = ParseListenAddress(":9877");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->host, "");
  EXPECT_EQ(parsed->port, 9877);
}

TEST(ListenAddress, ParsesBracketedIpv6) {
  const auto parsed = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->host, "::1");
  EXPECT_EQ(parsed->port, 0);
}

TEST(ListenAddress, ParsesHostName) {
  const auto parsed = ParseListenAddress("localhost:65535");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->host, "localhost");
  EXPECT_EQ(parsed->port, 65535);
}

TEST(ListenAddress, RejectsMalformed) {
  for (const char* text :
       {"", "9877", "localhost", "host:", "host:65536", "host:-1", "host:+1", "host:12ab",
        "::1:9877", "[::1]", "[::1]9877", "[]:80", "[::1:80", "a]:80"}) {
    EXPECT_FALSE(ParseListenAddress(text)) << text;
  }
}

}  // namespace
}  // namespace surfzone::http
