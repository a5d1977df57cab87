// Each validation error: reported with file, 1-based line, field path and a useful message.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;

using testing::kAuths;

TEST(ConfigLoad, RejectsUnknownKeyAtEveryLevel) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(    comunity: x
defaults:
  intervall: 30s
  auth: v2
locations:
  - name: A
    kind: park
    colour: green
    access_points:
      - name: a1
        address: 10.0.0.1
        adress: 10.0.0.2
locatoins: []
)");
  // Inside auths an unknown key may be a password: its text is not shown.
  EXPECT_TRUE(HasError(errors, 4, "auths.v2", "unknown field at 4:5 (value hidden in auths)"));
  EXPECT_TRUE(HasError(errors, 6, "defaults.intervall", "unknown field \"intervall\""));
  EXPECT_TRUE(HasError(errors, 6, "defaults.intervall", "allowed: interval, timeout"));
  EXPECT_TRUE(HasError(errors, 11, "locations[0].colour", "unknown field \"colour\""));
  EXPECT_TRUE(
      HasError(errors, 15, "locations[0].access_points[0].adress", "unknown field \"adress\""));
  EXPECT_TRUE(HasError(errors, 16, "locatoins", "unknown field \"locatoins\""));
  EXPECT_EQ(errors.size(), 5u) << Dump(errors);
}

TEST(ConfigLoad, ReportsYamlSyntaxErrorWithLine) {
  const auto errors = ErrorsOf(R"(defaults:
  interval: 30s
 timeout: 2s
locations: []
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].file, "test.yaml");
  EXPECT_EQ(errors[0].line, 3);
  EXPECT_NE(errors[0].message.find("YAML syntax error"), std::string::npos);
  EXPECT_TRUE(errors[0].ToString().starts_with("test.yaml:" + std::to_string(errors[0].line)));
}

TEST(ConfigLoad, RejectsNonMapTopLevel) {
  const auto errors = ErrorsOf("- a\n- b\n");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].line, 1);
  EXPECT_NE(errors[0].message.find("expected a map"), std::string::npos);
}

TEST(ConfigLoad, RejectsMissingRequiredFields) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v2
locations:
  - district: Centrum
    access_points:
      - auth: v2
)");
  EXPECT_TRUE(HasError(errors, 7, "locations[0].name", "missing required field \"name\""));
  EXPECT_TRUE(HasError(errors, 7, "locations[0].kind", "missing required field \"kind\""));
  EXPECT_TRUE(
      HasError(errors, 9, "locations[0].access_points[0].name", "missing required field \"name\""));
  EXPECT_TRUE(HasError(errors, 9, "locations[0].access_points[0].address",
                       "missing required field \"address\""));
  EXPECT_EQ(errors.size(), 4u) << Dump(errors);
}

TEST(ConfigLoad, RejectsWrongTypes) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  retries: many
  max_rows: 1.5
  interval: [30s]
  auth: v2
locations:
  - name: [A]
    kind: park
    lat: north
    lon: 12.7
    access_points: a1
  - Stadsparken
)");
  EXPECT_TRUE(HasError(errors, 5, "defaults.retries", "expected an integer, got \"many\""));
  EXPECT_TRUE(HasError(errors, 6, "defaults.max_rows", "expected an integer, got \"1.5\""));
  EXPECT_TRUE(HasError(errors, 7, "defaults.interval", "expected a duration, got a sequence"));
  EXPECT_TRUE(HasError(errors, 10, "locations[0].name", "expected a string, got a sequence"));
  EXPECT_TRUE(HasError(errors, 12, "locations[0].lat", "expected a number, got \"north\""));
  EXPECT_TRUE(HasError(errors, 14, "locations[0].access_points", "expected a list"));
  EXPECT_TRUE(HasError(errors, 15, "locations[1]", "expected a map, got \"Stadsparken\""));
  EXPECT_EQ(errors.size(), 7u) << Dump(errors);
}

TEST(ConfigLoad, RejectsBadDurations) {
  const auto errors = ErrorsOf(R"(defaults:
  interval: 30x
  timeout: 0s
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.1
        interval: -5s
)");
  EXPECT_TRUE(HasError(errors, 2, "defaults.interval", "invalid duration \"30x\""));
  EXPECT_TRUE(HasError(errors, 3, "defaults.timeout", "invalid duration \"0s\""));
  EXPECT_TRUE(
      HasError(errors, 10, "locations[0].access_points[0].interval", "invalid duration \"-5s\""));
}

TEST(ConfigLoad, RejectsOutOfRangeNumbers) {
  const auto errors = ErrorsOf(R"(defaults:
  retries: 11
  max_repetitions: 0
  max_in_flight: 0
locations:
  - name: A
    kind: park
    lat: 91
    lon: -180.5
    access_points:
      - name: a1
        address: 10.0.0.1
        retries: -1
        max_repetitions: 1001
        max_rows: 0
)");
  EXPECT_TRUE(HasError(errors, 2, "defaults.retries", "between 0 and 10, got 11"));
  EXPECT_TRUE(HasError(errors, 3, "defaults.max_repetitions", "between 1 and 1000, got 0"));
  EXPECT_TRUE(HasError(errors, 4, "defaults.max_in_flight", "got 0"));
  EXPECT_TRUE(HasError(errors, 8, "locations[0].lat", "between -90 and 90, got 91"));
  EXPECT_TRUE(HasError(errors, 9, "locations[0].lon", "between -180 and 180, got -180.5"));
  EXPECT_TRUE(HasError(errors, 13, "locations[0].access_points[0].retries", "got -1"));
  EXPECT_TRUE(HasError(errors, 14, "locations[0].access_points[0].max_repetitions", "got 1001"));
  EXPECT_TRUE(HasError(errors, 15, "locations[0].access_points[0].max_rows", "got 0"));
}

TEST(ConfigLoad, RequiresLatAndLonTogether) {
  const auto errors = ErrorsOf(R"(locations:
  - name: A
    kind: park
    lat: 56.0
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 2, "locations[0].lon", "missing required field \"lon\""));
}

TEST(ConfigLoad, RejectsBadAddress) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v2
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.300:161
      - name: a2
        address: host:70000
)");
  EXPECT_TRUE(HasError(errors, 11, "locations[0].access_points[0].address",
                       "invalid address \"10.0.0.300:161\""));
  EXPECT_TRUE(HasError(errors, 13, "locations[0].access_points[1].address",
                       "invalid address \"host:70000\""));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigLoad, RejectsMissingAuth) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.1
      - name: a2
        address: 10.0.0.2
        auth: v3
)");
  EXPECT_TRUE(HasError(errors, 8, "locations[0].access_points[0]", "no auth"));
  EXPECT_TRUE(HasError(errors, 12, "locations[0].access_points[1].auth",
                       "unknown auth \"v3\"; defined auths: v2"));
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);
}

TEST(ConfigLoad, RejectsUnknownDefaultAuthOnce) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v9
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.1
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 5, "defaults.auth", "unknown auth \"v9\""));
}

TEST(ConfigLoad, RejectsUnknownProfile) {
  LoadOptions options;
  options.known_profiles = {"generic", "aruba"};
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v2
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.1
        profile: cisco
)",
                               options);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 12, "locations[0].access_points[0].profile",
                       "unknown profile \"cisco\"; known profiles: generic, aruba"));
}

TEST(ConfigLoad, RejectsUnknownKind) {
  const auto errors = ErrorsOf(R"(locations:
  - name: A
    kind: plaza
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 3, "locations[0].kind",
                       "unknown kind \"plaza\"; allowed: square, park, street, harbour, "
                       "building, other"));
}

TEST(ConfigLoad, RejectsMultipleDocuments) {
  const auto errors = ErrorsOf("locations: []\n---\nlocations: []\n");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_NE(errors[0].message.find("one YAML document"), std::string::npos);
}

TEST(ConfigLoad, CollectsErrorsFromAllSections) {
  const auto errors = ErrorsOf(R"(auths:
  x:
    version: 4
defaults:
  retries: 99
locations:
  - name: A
    kind: nowhere
)");
  EXPECT_TRUE(HasError(errors, 3, "auths.x.version", "unknown version (allowed: 1, 2c, 3)"));
  EXPECT_TRUE(HasError(errors, 5, "defaults.retries", "got 99"));
  EXPECT_TRUE(HasError(errors, 8, "locations[0].kind", "unknown kind \"nowhere\""));
  EXPECT_EQ(errors.size(), 3u) << Dump(errors);
}

}  // namespace
}  // namespace surfzone::config
