#include "surfzone/config/load.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "test_util.hpp"

namespace surfzone::config {
namespace {

using std::chrono::milliseconds;
using testing::ErrorsOf;

constexpr const char* kFull = R"(auths:
  public_v2:
    version: 2c
    community: s3cret-community
  old:
    version: 1
  city_v3:
    version: 3
    username: surfzone
    security_level: authPriv
    auth_protocol: SHA-256
    auth_password: auth-pass-1
    priv_protocol: AES-256
    priv_password: priv-pass-1
    context: ctx
defaults:
  interval: 1m
  timeout: 3s
  retries: 2
  max_repetitions: 40
  max_rows: 500
  max_in_flight: 64
  auth: public_v2
locations:
  - name: Stortorget
    kind: square
    district: Centrum
    lat: 56.0465
    lon: 12.6945
    access_points:
      - name: stortorget-1
        address: 127.0.0.1:16101
        auth: city_v3
        profile: cisco
        interval: 15s
        retries: 0
      - name: stortorget-2
        address: "[::1]"
  - name: Stadsparken
    kind: park
)";

TEST(ConfigLoad, ParsesEveryField) {
  LoadOptions options;
  options.known_profiles = {"generic", "cisco"};
  const Config config = LoadString(kFull, "full.yaml", options);

  EXPECT_EQ(config.source_file, "full.yaml");
  ASSERT_EQ(config.auths.size(), 3u);
  const Auth& v2 = config.auths.at("public_v2");
  EXPECT_EQ(v2.name, "public_v2");
  EXPECT_EQ(v2.version, SnmpVersion::kV2c);
  EXPECT_EQ(v2.community.Reveal(), "s3cret-community");
  const Auth& v1 = config.auths.at("old");
  EXPECT_EQ(v1.version, SnmpVersion::kV1);
  EXPECT_EQ(v1.community.Reveal(), "public");  // the default
  const Auth& v3 = config.auths.at("city_v3");
  EXPECT_EQ(v3.version, SnmpVersion::kV3);
  EXPECT_EQ(v3.username, "surfzone");
  EXPECT_EQ(v3.security_level, SecurityLevel::kAuthPriv);
  EXPECT_EQ(v3.auth_protocol, AuthProtocol::kSHA256);
  EXPECT_EQ(v3.auth_password.Reveal(), "auth-pass-1");
  EXPECT_EQ(v3.priv_protocol, PrivProtocol::kAES256);
  EXPECT_EQ(v3.priv_password.Reveal(), "priv-pass-1");
  EXPECT_EQ(v3.context, "ctx");

  EXPECT_EQ(config.defaults.interval, milliseconds(60'000));
  EXPECT_EQ(config.defaults.timeout, milliseconds(3'000));
  EXPECT_EQ(config.defaults.retries, 2);
  EXPECT_EQ(config.defaults.max_repetitions, 40);
  EXPECT_EQ(config.defaults.max_rows, 500);
  EXPECT_EQ(config.max_in_flight, 64);
  EXPECT_EQ(config.default_auth, "public_v2");

  ASSERT_EQ(config.locations.size(), 2u);
  const Location& torget = config.locations[0];
  EXPECT_EQ(torget.name, "Stortorget");
  EXPECT_EQ(torget.kind, LocationKind::kSquare);
  EXPECT_EQ(torget.district, "Centrum");
  EXPECT_EQ(torget.lat, 56.0465);
  EXPECT_EQ(torget.lon, 12.6945);
  ASSERT_EQ(torget.access_points.size(), 2u);

  const AccessPoint& ap1 = torget.access_points[0];
  EXPECT_EQ(ap1.name, "stortorget-1");
  EXPECT_EQ(ap1.address, (Address{"127.0.0.1", 16101}));
  EXPECT_EQ(ap1.auth, "city_v3");
  EXPECT_EQ(ap1.profile, "cisco");
  // Overrides replace single fields; the rest come from defaults.
  EXPECT_EQ(ap1.poll.interval, milliseconds(15'000));
  EXPECT_EQ(ap1.poll.retries, 0);
  EXPECT_EQ(ap1.poll.timeout, milliseconds(3'000));
  EXPECT_EQ(ap1.poll.max_repetitions, 40);
  EXPECT_EQ(ap1.poll.max_rows, 500);

  const AccessPoint& ap2 = torget.access_points[1];
  EXPECT_EQ(ap2.address, (Address{"::1", 161}));
  EXPECT_EQ(ap2.auth, "public_v2");  // from defaults.auth
  EXPECT_EQ(ap2.profile, "generic");
  EXPECT_EQ(ap2.poll, config.defaults);

  const Location& park = config.locations[1];
  EXPECT_EQ(park.kind, LocationKind::kPark);
  EXPECT_FALSE(park.lat.has_value());
  EXPECT_TRUE(park.access_points.empty());
}

TEST(ConfigLoad, EmptyConfigIsValid) {
  for (const char* yaml : {"", "# nothing\n", "locations: []\n", "locations:\n", "{}\n"}) {
    const Config config = LoadString(yaml);
    EXPECT_TRUE(config.locations.empty()) << yaml;
    EXPECT_EQ(config.defaults, PollSettings{}) << yaml;
    EXPECT_EQ(config.max_in_flight, 1000) << yaml;
  }
}

TEST(ConfigLoad, EnumsAreCaseInsensitive) {
  const Config config = LoadString(R"(auths:
  a:
    version: 2C
  b:
    version: 3
    username: u
    security_level: AUTHNOPRIV
    auth_protocol: sha
    auth_password: 12345678
locations:
  - name: X
    kind: Harbour
)");
  EXPECT_EQ(config.auths.at("a").version, SnmpVersion::kV2c);
  EXPECT_EQ(config.auths.at("b").security_level, SecurityLevel::kAuthNoPriv);
  EXPECT_EQ(config.auths.at("b").auth_protocol, AuthProtocol::kSHA);
  EXPECT_EQ(config.auths.at("b").priv_protocol, PrivProtocol::kNone);
  EXPECT_EQ(config.locations[0].kind, LocationKind::kHarbour);
}

TEST(ConfigLoad, ExpandsSecretsFromEnvironment) {
  setenv("SURFZONE_TEST_AUTH_PW", "from-env-auth", 1);
  setenv("SURFZONE_TEST_COMMUNITY", "from-env-community", 1);
  const Config config = LoadString(R"(auths:
  v2:
    version: 2c
    community: ${SURFZONE_TEST_COMMUNITY}
  v3:
    version: 3
    username: u
    security_level: authNoPriv
    auth_protocol: MD5
    auth_password: ${SURFZONE_TEST_AUTH_PW}
)");
  EXPECT_EQ(config.auths.at("v2").community.Reveal(), "from-env-community");
  EXPECT_EQ(config.auths.at("v3").auth_password.Reveal(), "from-env-auth");
  unsetenv("SURFZONE_TEST_AUTH_PW");
  unsetenv("SURFZONE_TEST_COMMUNITY");
}

TEST(ConfigLoad, LoadsExampleFile) {
  std::vector<ConfigError> errors;
  try {
    const Config config = LoadFile(SURFZONE_EXAMPLE_CONFIG);
    EXPECT_GE(config.locations.size(), 3u);
    EXPECT_TRUE(config.auths.contains("city_v3"));
    EXPECT_EQ(config.auths.at("city_v3").security_level, SecurityLevel::kAuthPriv);
    bool has_ipv6 = false;
    for (const auto& location : config.locations) {
      for (const auto& ap : location.access_points) {
        has_ipv6 = has_ipv6 || ap.address.host.find(':') != std::string::npos;
      }
    }
    EXPECT_TRUE(has_ipv6);
  } catch (const ConfigException& e) {
    ADD_FAILURE() << "example.yaml has errors:\n" << e.what();
  }
}

TEST(ConfigError, ToStringFormat) {
  EXPECT_EQ((ConfigError{"a.yaml", 3, 7, "defaults.retries", "too many"}).ToString(),
            "a.yaml:3:7: defaults.retries: too many");
  EXPECT_EQ((ConfigError{"a.yaml", 0, 0, "", "cannot open"}).ToString(), "a.yaml: cannot open");
}

TEST(ConfigException, WhatJoinsAllErrors) {
  const ConfigException e({{"a.yaml", 1, 2, "x", "first"}, {"b.yaml", 3, 4, "y", "second"}});
  EXPECT_STREQ(e.what(), "a.yaml:1:2: x: first\nb.yaml:3:4: y: second");
  EXPECT_EQ(e.errors().size(), 2u);
}

TEST(ConfigLoad, MissingFileIsAnError) {
  try {
    LoadFile("/nonexistent/surfzone.yaml");
    FAIL() << "no exception";
  } catch (const ConfigException& e) {
    ASSERT_EQ(e.errors().size(), 1u);
    EXPECT_EQ(e.errors()[0].file, "/nonexistent/surfzone.yaml");
    EXPECT_EQ(e.errors()[0].line, 0);
  }
}

}  // namespace
}  // namespace surfzone::config
