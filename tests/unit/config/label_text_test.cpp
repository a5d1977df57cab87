// Text that becomes a label value in /metrics (names, districts, controller and profile names)
// must be UTF-8: other bytes are an error at file:line naming the field, with the bytes escaped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;
using testing::kAuths;

LoadOptions Options() {
  LoadOptions o;
  o.known_profiles = {"generic", "cisco-wlc"};
  o.controller_profiles = {"cisco-wlc"};
  return o;
}

// A config whose lines 6, 8, 12, 14 and 16 name a user profile, a controller, a location, its
// district and an AP; line 19 makes a second AP refer to the controller.
std::string WithNames(const std::string& location, const std::string& district,
                      const std::string& ap, const std::string& controller,
                      const std::string& profile) {
  const std::vector<std::string> lines = {
      "defaults: {auth: v2}",               // 4
      "profiles:",                          // 5
      "  - name: " + profile,               // 6
      "controllers:",                       // 7
      "  - name: " + controller,            // 8
      "    address: 10.0.0.1",              // 9
      "    profile: cisco-wlc",             // 10
      "locations:",                         // 11
      "  - name: " + location,              // 12
      "    kind: park",                     // 13
      "    district: " + district,          // 14
      "    access_points:",                 // 15
      "      - name: " + ap,                // 16
      "        address: 10.0.0.2",          // 17
      "      - name: managed",              // 18
      "        controller: " + controller,  // 19
  };
  std::string yaml = kAuths;  // lines 1-3
  for (const std::string& line : lines) yaml += line + "\n";
  return yaml;
}

bool HasRawByte(const std::vector<ConfigError>& errors, char byte) {
  for (const auto& e : errors) {
    if (e.ToString().find(byte) != std::string::npos) return true;
  }
  return false;
}

TEST(ConfigLabelText, OnlyUtf8IsAcceptedAndBadBytesAreShownEscapedAtTheField) {
  const Config c = LoadString(WithNames("Stortorget \xe2\x80\x93 caf\xc3\xa9", "S\u00f6der",
                                        "ap-\xf0\x9f\x93\xb6", "wlc", "mine"),
                              "test.yaml", Options());
  ASSERT_EQ(c.locations.size(), 1u);
  EXPECT_EQ(c.locations[0].name, "Stortorget \xe2\x80\x93 caf\xc3\xa9");
  EXPECT_EQ(c.locations[0].district, "S\xc3\xb6\x64\x65r");  // "Söder" in UTF-8

  // Latin-1 "é", a lone continuation byte, a truncated sequence, an overlong "/", a surrogate.
  const auto errors = ErrorsOf(
      WithNames("caf\xe9", "a\x80z", "ap\xe2\x82", "w\xc0\xaf", "p\xed\xa0\x80x"), Options());
  EXPECT_TRUE(HasError(errors, 12, "locations[0].name", "not valid UTF-8: \"caf\\xe9\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, 14, "locations[0].district", "not valid UTF-8: \"a\\x80z\""));
  EXPECT_TRUE(HasError(errors, 16, "locations[0].access_points[0].name",
                       "not valid UTF-8: \"ap\\xe2\\x82\""));
  EXPECT_TRUE(HasError(errors, 8, "controllers[0].name", "not valid UTF-8: \"w\\xc0\\xaf\""));
  EXPECT_TRUE(HasError(errors, 19, "locations[0].access_points[1].controller",
                       "not valid UTF-8: \"w\\xc0\\xaf\""));
  EXPECT_TRUE(HasError(errors, 6, "profiles[0].name", "not valid UTF-8: \"p\\xed\\xa0\\x80x\""));
  for (const char byte : {'\xe9', '\x80', '\xe2', '\xc0', '\xed'}) {
    EXPECT_FALSE(HasRawByte(errors, byte)) << "raw byte in:\n" << Dump(errors);
  }
}

// Not only label fields: any message that quotes config text escapes bytes that are not UTF-8.
TEST(ConfigLabelText, EveryMessageShowsBadBytesEscaped) {
  const auto errors = ErrorsOf("locations:\n  - name: ok\n    kind: pl\xffza\n    n\xe4me: x\n");
  EXPECT_TRUE(HasError(errors, 3, "locations[0].kind", "unknown kind \"pl\\xffza\""))
      << Dump(errors);
  EXPECT_EQ(errors.size(), 2u) << Dump(errors);  // and an unknown field, whose name is not shown
  for (const char byte : {'\xff', '\xe4'}) {
    EXPECT_FALSE(HasRawByte(errors, byte)) << "raw byte in:\n" << Dump(errors);
  }
}

TEST(ConfigLabelText, InvalidUtf8InAnIncludedFileNamesThatFile) {
  testing::TempDir dir;
  const std::string main =
      dir.Write("main.yaml", std::string(kAuths) + "defaults: {auth: v2}\ninclude: more.yaml\n");
  const std::string more = dir.Write(
      "more.yaml", "locations:\n  - name: \"ok\"\n    kind: park\n    district: \"\xff\"\n");
  try {
    LoadFile(main);
    FAIL() << "loaded";
  } catch (const ConfigException& e) {
    ASSERT_EQ(e.errors().size(), 1u) << Dump(e.errors());
    EXPECT_TRUE(
        HasError(e.errors(), more, 4, "locations[0].district", "not valid UTF-8: \"\\xff\""));
  }
}

}  // namespace
}  // namespace surfzone::config
