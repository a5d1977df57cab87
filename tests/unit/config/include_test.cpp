// `include:` handling, with real files in a temporary directory.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::FileErrors;
using testing::HasError;
using testing::TempDir;

constexpr const char* kMainHead = R"(auths:
  v2:
    version: 2c
defaults:
  auth: v2
)";  // 5 lines

std::string Location(const std::string& name, const std::string& ap, const std::string& address) {
  return "  - name: " + name + "\n    kind: park\n    access_points:\n      - name: " + ap +
         "\n        address: " + address + "\n";
}

TEST(ConfigInclude, LoadsGlobMatchesInOrderAfterMainLocations) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", std::string(kMainHead) +
                                                      "include:\n  - districts/*.yaml\n"
                                                      "locations:\n" +
                                                      Location("Main", "m1", "10.0.0.1"));
  dir.Write("districts/b.yaml", "locations:\n" + Location("B", "b1", "10.0.0.3"));
  dir.Write("districts/a.yaml", "locations:\n" + Location("A", "a1", "10.0.0.2"));
  dir.Write("districts/readme.txt", "not yaml: [");
  const Config config = LoadFile(main);
  ASSERT_EQ(config.locations.size(), 3u);
  EXPECT_EQ(config.locations[0].name, "Main");
  EXPECT_EQ(config.locations[1].name, "A");
  EXPECT_EQ(config.locations[2].name, "B");
  EXPECT_EQ(config.locations[1].access_points[0].auth, "v2");  // main file's defaults apply
  EXPECT_EQ(config.source_file, main);
}

TEST(ConfigInclude, AcceptsSingleStringAndGlobMatchingNothing) {
  TempDir dir;
  const std::string main =
      dir.Write("main.yaml", std::string(kMainHead) + "include: nothing/*.yaml\n");
  const Config config = LoadFile(main);
  EXPECT_TRUE(config.locations.empty());
}

TEST(ConfigInclude, MissingLiteralFileIsAnError) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", std::string(kMainHead) +
                                                      "include:\n  - districts/*.yaml\n"
                                                      "  - extra.yaml\n");
  const auto errors = FileErrors(main);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, main, 8, "include[1]", "extra.yaml\" not found"));
}

TEST(ConfigInclude, ErrorsNameTheIncludedFileAndItsOwnIndexes) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", std::string(kMainHead) +
                                                      "include: d/*.yaml\n"
                                                      "locations:\n" +
                                                      Location("Main", "ap", "10.0.0.1"));
  const std::string included =
      dir.Write("d/north.yaml", "locations:\n" + Location("North", "n1", "10.0.0.2") +
                                    Location("Harbour", "ap", "10.0.0.1:161") +
                                    "  - name: Main\n    kind: plaza\n");
  const auto errors = FileErrors(main);
  // main.yaml line 8: "  - name: Main"; line 11: the AP's name; line 12: its address.
  EXPECT_TRUE(HasError(errors, included, 10, "locations[1].access_points[0].name",
                       "duplicate access point name \"ap\" (first defined at " + main + ":11:15"));
  EXPECT_TRUE(HasError(errors, included, 11, "locations[1].access_points[0].address",
                       "same as \"ap\" at " + main + ":12:18"));
  EXPECT_TRUE(HasError(errors, included, 12, "locations[2].name",
                       "duplicate location name \"Main\" (first defined at " + main + ":8:11"));
  EXPECT_TRUE(HasError(errors, included, 13, "locations[2].kind", "unknown kind \"plaza\""));
  EXPECT_EQ(errors.size(), 4u) << Dump(errors);
}

TEST(ConfigInclude, IncludedFilesMayOnlyHoldLocations) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", std::string(kMainHead) + "include: '*.inc'\n");
  const std::string included = dir.Write("x.inc", R"(include: more/*.yaml
auths: {}
defaults: {}
location: []
)");
  const auto errors = FileErrors(main);
  EXPECT_TRUE(HasError(errors, included, 1, "include", "may not include further files"));
  EXPECT_TRUE(HasError(errors, included, 2, "auths", "only allowed in the main"));
  EXPECT_TRUE(HasError(errors, included, 3, "defaults", "only allowed in the main"));
  EXPECT_TRUE(HasError(errors, included, 4, "location", "unknown field \"location\""));
  EXPECT_EQ(errors.size(), 4u) << Dump(errors);
}

TEST(ConfigInclude, ReportsSyntaxErrorInIncludedFile) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", std::string(kMainHead) + "include: bad.yaml\n");
  const std::string included =
      dir.Write("bad.yaml", "locations:\n  - name: A\n    kind: park\n  bad\n");
  const auto errors = FileErrors(main);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].file, included);
  EXPECT_EQ(errors[0].line, 4);
  EXPECT_NE(errors[0].message.find("YAML syntax error"), std::string::npos);
}

TEST(ConfigInclude, GlobDoesNotReincludeMainFileOrDuplicates) {
  TempDir dir;
  const std::string main =
      dir.Write("all.yaml", std::string(kMainHead) + "include: ['*.yaml', 'loc.yaml']\n");
  dir.Write("loc.yaml", "locations:\n" + Location("L", "l1", "10.0.0.9"));
  const Config config = LoadFile(main);
  ASSERT_EQ(config.locations.size(), 1u);
  EXPECT_EQ(config.locations[0].name, "L");
}

}  // namespace
}  // namespace surfzone::config
