// Validation of `auths:` entries, and that secrets never leak into error messages.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;

TEST(ConfigAuth, RequiresVersion) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    community: x
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 3, "auths.a.version", "missing required field \"version\""));
}

TEST(ConfigAuth, RejectsVersionTwoWithoutC) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 2
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 3, "auths.a.version", "unknown version (allowed: 1, 2c, 3)"));
}

TEST(ConfigAuth, V3RequiresUsername) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 3, "auths.a.username", "missing required field \"username\""));
}

TEST(ConfigAuth, AuthPrivRequiresPrivProtocolAndPassword) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
    username: u
    security_level: authPriv
    auth_protocol: SHA
    auth_password: long-enough
)");
  EXPECT_TRUE(
      HasError(errors, 3, "auths.a.priv_protocol", "missing required field \"priv_protocol\""));
  EXPECT_TRUE(
      HasError(errors, 3, "auths.a.priv_password", "missing required field \"priv_password\""));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigAuth, AuthNoPrivRequiresAuthProtocolAndPassword) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
    username: u
    security_level: authNoPriv
)");
  EXPECT_TRUE(
      HasError(errors, 3, "auths.a.auth_protocol", "missing required field \"auth_protocol\""));
  EXPECT_TRUE(
      HasError(errors, 3, "auths.a.auth_password", "missing required field \"auth_password\""));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigAuth, RejectsCommunityForV3) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
    username: u
    community: public
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 5, "auths.a.community", "not used by version 3"));
}

TEST(ConfigAuth, RejectsV3FieldsForV2c) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 2c
    username: u
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 4, "auths.a.username", "only used by version 3"));
}

TEST(ConfigAuth, RejectsFieldsUnusedBySecurityLevel) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
    username: u
    auth_protocol: MD5
    priv_protocol: DES
)");
  EXPECT_TRUE(HasError(errors, 5, "auths.a.auth_protocol", "not noAuthNoPriv"));
  EXPECT_TRUE(
      HasError(errors, 6, "auths.a.priv_protocol", "only used with security_level authPriv"));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigAuth, RejectsUnknownProtocolsListingAllowed) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 3
    username: u
    security_level: authPriv
    auth_protocol: SHA1
    auth_password: long-enough
    priv_protocol: 3DES
    priv_password: long-enough
)");
  EXPECT_TRUE(HasError(errors, 6, "auths.a.auth_protocol",
                       "unknown auth_protocol (allowed: MD5, SHA, SHA-224, SHA-256, "
                       "SHA-384, SHA-512)"));
  EXPECT_TRUE(HasError(errors, 8, "auths.a.priv_protocol",
                       "unknown priv_protocol (allowed: DES, AES, AES-192, AES-256)"));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigAuth, RejectsUnsetEnvironmentVariable) {
  unsetenv("SURFZONE_TEST_UNSET_VARIABLE");
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 2c
    community: ${SURFZONE_TEST_UNSET_VARIABLE}
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 4, "auths.a.community",
                       "environment variable SURFZONE_TEST_UNSET_VARIABLE is not set"));
}

TEST(ConfigAuth, SecretsNeverAppearInErrors) {
  setenv("SURFZONE_TEST_SHORT_SECRET", "Ztiny7", 1);
  const std::string yaml = R"(auths:
  v2_with_v3_field:
    version: 2c
    community: Qcommunity-secret-1
    auth_password: Qauth-secret-2
  v3_short:
    version: 3
    username: u
    security_level: authPriv
    auth_protocol: SHA
    auth_password: Qshort3
    priv_protocol: AES
    priv_password: ${SURFZONE_TEST_SHORT_SECRET}
  v3_with_community:
    version: 3
    username: u
    community: Qcommunity-secret-4
    priv_password: Qpriv-secret-5
  bad_version:
    version: 9
    community: Qcommunity-secret-6
  wrong_types:
    version: 2c
    community: [Qcommunity-secret-7]
)";
  const auto errors = ErrorsOf(yaml);
  ASSERT_GE(errors.size(), 6u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 11, "auths.v3_short.auth_password", "at least 8 characters"));
  EXPECT_TRUE(HasError(errors, 13, "auths.v3_short.priv_password", "at least 8 characters"));
  std::string all;
  for (const auto& error : errors) all += error.ToString() + "\n";
  try {
    LoadString(yaml, "test.yaml");
  } catch (const ConfigException& e) {
    all += e.what();
  }
  for (const char* secret :
       {"Qcommunity-secret-1", "Qauth-secret-2", "Qshort3", "Ztiny7", "Qcommunity-secret-4",
        "Qpriv-secret-5", "Qcommunity-secret-6", "Qcommunity-secret-7"}) {
    EXPECT_EQ(all.find(secret), std::string::npos) << secret << " leaked:\n" << all;
  }
  unsetenv("SURFZONE_TEST_SHORT_SECRET");
}

TEST(ConfigAuth, RejectsDuplicateAuthNames) {
  const auto errors = ErrorsOf(R"(auths:
  a:
    version: 1
  a:
    version: 2c
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 4, "auths.a", "duplicate auth \"a\""));
}

}  // namespace
}  // namespace surfzone::config
