// Issue 18: no ConfigError (message, field path, file) ever quotes a secret. Every case writes a
// distinctive secret where a user might put it by mistake and checks it appears nowhere.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "redact.hpp"
#include "surfzone/config/load.hpp"
#include "test_util.hpp"
#include "yaml_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::FileErrors;
using testing::HasError;
using testing::TempDir;

// Every piece of every error, and what() of the exception, as one text.
std::string Everything(const std::vector<ConfigError>& errors) {
  std::string all;
  for (const auto& e : errors) all += e.file + "|" + e.field + "|" + e.message + "|" + e.ToString();
  all += ConfigException(errors).what();
  return all;
}

::testing::AssertionResult NoSecret(const std::vector<ConfigError>& errors,
                                    std::initializer_list<const char*> secrets) {
  if (errors.empty()) return ::testing::AssertionFailure() << "the config loaded without errors";
  const std::string all = Everything(errors);
  for (const char* secret : secrets) {
    if (all.find(secret) != std::string::npos) {
      return ::testing::AssertionFailure() << secret << " leaked:\n" << Dump(errors);
    }
  }
  return ::testing::AssertionSuccess();
}

constexpr const char* kV3Head = R"(auths:
  city_v3:
    version: 3
    username: surf
    security_level: authPriv
    auth_protocol: SHA
    auth_password: long-enough-1
)";  // 7 lines

TEST(ConfigSecrets, PasswordInAnEnumFieldIsNotQuoted) {
  const auto errors = ErrorsOf(std::string(kV3Head) + R"(    priv_protocol: Kpriv-in-protocol-101
    priv_password: long-enough-2
  other:
    version: Kin-version-102
  third:
    version: 3
    username: u
    security_level: Kin-level-103
)");
  EXPECT_TRUE(HasError(errors, 8, "auths.city_v3.priv_protocol",
                       "unknown priv_protocol (allowed: DES, AES, AES-192, AES-256)"));
  EXPECT_TRUE(HasError(errors, 11, "auths.other.version", "unknown version (allowed: 1, 2c, 3)"));
  EXPECT_TRUE(HasError(errors, 15, "auths.third.security_level",
                       "unknown security_level (allowed: noAuthNoPriv, authNoPriv, authPriv)"));
  EXPECT_EQ(errors.size(), 3u) << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kpriv-in-protocol-101", "Kin-version-102", "Kin-level-103"}));
}

TEST(ConfigSecrets, PasswordWrittenAsAKeyIsNotNamed) {
  const auto errors = ErrorsOf(std::string(kV3Head) + R"(    priv_protocol: AES
    priv_password: long-enough-2
    Kkey-as-field-201:
    Kkey-with-value-202: x
)");
  EXPECT_TRUE(
      HasError(errors, 10, "auths.city_v3", "unknown field at 10:5 (value hidden in auths)"));
  EXPECT_TRUE(HasError(errors, 10, "auths.city_v3", "; allowed: version, community, username"));
  EXPECT_TRUE(
      HasError(errors, 11, "auths.city_v3", "unknown field at 11:5 (value hidden in auths)"));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kkey-as-field-201", "Kkey-with-value-202"}));
}

TEST(ConfigSecrets, DuplicateKeysNameOnlyKnownFields) {
  const auto errors = ErrorsOf(std::string(kV3Head) + R"(    auth_password: Kdup-value-301
    priv_protocol: AES
    priv_password: long-enough-2
    Kdup-key-302: 1
    Kdup-key-302: 2
)");
  EXPECT_TRUE(
      HasError(errors, 8, "auths.city_v3.auth_password", "duplicate field \"auth_password\""));
  EXPECT_TRUE(HasError(errors, 11, "auths.city_v3", "unknown field at 11:5"));
  EXPECT_TRUE(
      HasError(errors, 12, "auths.city_v3", "duplicate field at 12:5 (value hidden in auths)"));
  EXPECT_EQ(errors.size(), 3u) << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kdup-value-301", "Kdup-key-302"}));
}

TEST(ConfigSecrets, WrongTypesDescribeOnlyTheKind) {
  const auto errors = ErrorsOf(R"(auths:
  scalar_entry: Kscalar-entry-401
  v2:
    version: 2c
    community: [Kseq-community-402]
  v3:
    version: 3
    username: {Kmap-username-403: x}
    ? [Kkey-sequence-404]
    : x
  "": Kempty-name-405
)");
  EXPECT_TRUE(HasError(errors, 2, "auths.scalar_entry",
                       "expected a map, got a plain scalar (value hidden in auths)"));
  EXPECT_TRUE(HasError(errors, 5, "auths.v2.community", "expected a string, got a list"));
  EXPECT_TRUE(HasError(errors, 8, "auths.v3.username", "expected a string, got a map"));
  EXPECT_TRUE(HasError(errors, 9, "auths.v3", "keys must be plain names, got a list"));
  EXPECT_TRUE(HasError(errors, 11, "auths", "auth names must be non-empty strings"));
  EXPECT_TRUE(NoSecret(errors, {"Kscalar-entry-401", "Kseq-community-402", "Kmap-username-403",
                                "Kkey-sequence-404", "Kempty-name-405"}))
      << Dump(errors);

  const auto whole = ErrorsOf("auths: Kwhole-section-406\n");
  EXPECT_TRUE(HasError(whole, 1, "auths", "expected a map, got a plain scalar (value hidden"));
  EXPECT_TRUE(NoSecret(whole, {"Kwhole-section-406"}));
}

TEST(ConfigSecrets, MainFileThatIsNotAMapIsDescribedByShapeAndSize) {
  const auto env = ErrorsOf("SZ_TEST_AUTH=Kmain-auth-501\nSZ_TEST_PRIV=Kmain-priv-502\n");
  ASSERT_EQ(env.size(), 1u) << Dump(env);
  EXPECT_EQ(env[0].message, "expected a map, got a plain scalar of 55 characters");
  EXPECT_TRUE(NoSecret(env, {"Kmain-auth-501", "Kmain-priv-502", "SZ_TEST"}));

  const auto list = ErrorsOf("- Kmain-list-503\n- x\n");
  ASSERT_EQ(list.size(), 1u) << Dump(list);
  EXPECT_EQ(list[0].message, "expected a map, got a list of 2 items");
  EXPECT_TRUE(NoSecret(list, {"Kmain-list-503"}));

  const auto quoted = ErrorsOf("\"Kmain-quoted-504\"\n");
  ASSERT_EQ(quoted.size(), 1u) << Dump(quoted);
  EXPECT_EQ(quoted[0].message, "expected a map, got a quoted scalar of 16 characters");
  EXPECT_TRUE(NoSecret(quoted, {"Kmain-quoted-504"}));
}

TEST(ConfigSecrets, EnvFilePickedUpByAnIncludeGlobIsNotQuoted) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", "include: conf.d/*\n");
  dir.Write("conf.d/a-secrets.env", "SZ_TEST_AUTH=Kenv-auth-601\nSZ_TEST_PRIV=Kenv-priv-602\n");
  // A value with ": " in it makes the line a YAML map whose key is "NAME=secret".
  dir.Write("conf.d/b-url.env", "SZ_TEST_URL=Kenv-colon-603: x\n");
  const auto errors = FileErrors(main);
  const std::string a = dir.path() + "/conf.d/a-secrets.env";
  const std::string b = dir.path() + "/conf.d/b-url.env";
  ASSERT_EQ(errors.size(), 2u) << Dump(errors);
  EXPECT_EQ(errors[0].file, a);
  EXPECT_EQ(errors[0].line, 1);
  EXPECT_EQ(errors[0].message, "expected a map, got a plain scalar of 53 characters");
  EXPECT_EQ(errors[1].file, b);
  EXPECT_EQ(errors[1].field, "");
  EXPECT_TRUE(errors[1].message.starts_with("unknown field at 1:1 (26 characters, not shown)"))
      << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kenv-auth-601", "Kenv-priv-602", "Kenv-colon-603", "SZ_TEST"}));
}

TEST(ConfigSecrets, UnknownKeysOutsideSecretsAreQuotedOnlyWhenTheyLookLikeNames) {
  const auto errors = ErrorsOf(R"(defaults:
  intervall: 5s
  "pass word=Kodd-key-701": 1
)");
  EXPECT_TRUE(HasError(errors, 2, "defaults.intervall", "unknown field \"intervall\""));
  EXPECT_TRUE(HasError(errors, 3, "defaults", "unknown field at 3:3 (22 characters, not shown)"));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kodd-key-701"}));
}

TEST(ConfigSecrets, EnvironmentSubstitutionsAreNeverShownExpanded) {
  setenv("SZ_TEST_SHORT_PRIV", "Kexp701", 1);  // 7 characters: too short
  setenv("SZ_TEST_EMPTY", "", 1);
  setenv("SZ_TEST_ADDRESS", "Kexp-address-702", 1);
  setenv("SZ_TEST_PROTOCOL", "Kexp-protocol-703", 1);
  const auto errors = ErrorsOf(R"(auths:
  v3:
    version: 3
    username: u
    security_level: authPriv
    auth_protocol: ${SZ_TEST_PROTOCOL}
    auth_password: long-enough-1
    priv_protocol: AES
    priv_password: ${SZ_TEST_SHORT_PRIV}
  v2:
    version: 2c
    community: ${SZ_TEST_EMPTY}
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: ${SZ_TEST_ADDRESS}
        auth: v2
)");
  EXPECT_TRUE(HasError(errors, 9, "auths.v3.priv_password", "at least 8 characters"));
  EXPECT_TRUE(HasError(errors, 12, "auths.v2.community", "community must not be empty"));
  EXPECT_TRUE(HasError(errors, 6, "auths.v3.auth_protocol", "unknown auth_protocol (allowed:"));
  // Only secret fields are expanded; elsewhere "${NAME}" is literal text and shown as such.
  EXPECT_TRUE(HasError(errors, 18, "locations[0].access_points[0].address",
                       "invalid address \"${SZ_TEST_ADDRESS}\""));
  EXPECT_EQ(errors.size(), 4u) << Dump(errors);
  EXPECT_TRUE(NoSecret(errors, {"Kexp701", "Kexp-address-702", "Kexp-protocol-703"}));
  for (const char* name :
       {"SZ_TEST_SHORT_PRIV", "SZ_TEST_EMPTY", "SZ_TEST_ADDRESS", "SZ_TEST_PROTOCOL"}) {
    unsetenv(name);
  }
}

TEST(ConfigSecrets, YamlSyntaxErrorsDropTheInputTheyWouldQuote) {
  const auto errors = ErrorsOf(std::string(kV3Head) + "    priv_password: \"Kesc\\qape-801\"\n");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].message, "YAML syntax error: unknown escape character");
  EXPECT_EQ(errors[0].line, 8);
}

// The generic part: any section listed in kSecretSections hides values in every kind of
// FileReader error, not only the ones `auths:` happens to use today.
TEST(ConfigSecrets, EveryReaderErrorHidesValuesInSecretSections) {
  EXPECT_TRUE(detail::IsSecretPath("auths"));
  EXPECT_TRUE(detail::IsSecretPath("auths.a.priv_password"));
  EXPECT_TRUE(detail::IsSecretPath("auths[0]"));
  EXPECT_FALSE(detail::IsSecretPath("authsx"));
  EXPECT_FALSE(detail::IsSecretPath("defaults.auth"));
  EXPECT_FALSE(detail::IsSecretPath(""));

  const YAML::Node map = YAML::Load(R"(n: Kint-901
r: Kreal-902
d: Kdur-903
big: 123456789
frac: 98765.5
l: Klist-904
)");
  detail::Diagnostics diag;
  detail::FileReader reader("test.yaml", diag);
  EXPECT_FALSE(reader.Integer(map, "auths.t", "n", 0, 10));
  EXPECT_FALSE(reader.Real(map, "auths.t", "r", 0, 10));
  EXPECT_FALSE(reader.DurationField(map, "auths.t", "d"));
  EXPECT_FALSE(reader.Integer(map, "auths.t", "big", 0, 10));
  EXPECT_FALSE(reader.Real(map, "auths.t", "frac", 0, 10));
  EXPECT_FALSE(reader.ExpectSequence(map["l"], "auths.t.l"));
  EXPECT_FALSE(reader.ExpectMap(map["l"], "auths.t.l"));
  const auto errors = diag.Take();
  EXPECT_EQ(errors.size(), 7u) << Dump(errors);
  EXPECT_TRUE(
      NoSecret(errors, {"Kint-901", "Kreal-902", "Kdur-903", "123456789", "98765", "Klist-904"}));
  for (const auto& e : errors) {
    EXPECT_NE(e.message.find("(value hidden in auths)"), std::string::npos) << e.ToString();
  }
}

}  // namespace
}  // namespace surfzone::config
