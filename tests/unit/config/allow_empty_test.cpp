// `allow_empty:`: whether a configuration without access points may replace a running one.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;
using testing::TempDir;

TEST(ConfigAllowEmpty, DefaultsToFalseAndParsesTrue) {
  EXPECT_FALSE(LoadString("").allow_empty);
  EXPECT_FALSE(LoadString("# only a comment\n").allow_empty);
  EXPECT_FALSE(LoadString("locations:\n").allow_empty);
  EXPECT_FALSE(LoadString("allow_empty: false\n").allow_empty);
  const Config c = LoadString("allow_empty: true\nlocations:\n");
  EXPECT_TRUE(c.allow_empty);
  EXPECT_EQ(CountAccessPoints(c), 0u);
}

TEST(ConfigAllowEmpty, NotABooleanIsAnError) {
  const auto errors = ErrorsOf("locations:\nallow_empty: yes please\n");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 2, "allow_empty", "expected true or false, got \"yes please\""));
}

TEST(ConfigAllowEmpty, OnlyInTheMainFile) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", "include: more.yaml\n");
  const std::string more = dir.Write("more.yaml", "allow_empty: true\n");
  try {
    LoadFile(main);
    FAIL() << "loaded";
  } catch (const ConfigException& e) {
    ASSERT_EQ(e.errors().size(), 1u) << Dump(e.errors());
    EXPECT_TRUE(HasError(e.errors(), more, 1, "allow_empty", "only allowed in the main"));
  }
}

TEST(ConfigAllowEmpty, CountAccessPointsCountsEveryLocation) {
  const Config c = LoadString(std::string(testing::kAuths) + R"(defaults: {auth: v2}
locations:
  - {name: A, kind: park, access_points: [{name: a1, address: 10.0.0.1}, {name: a2, address: 10.0.0.2}]}
  - {name: B, kind: park}
  - {name: C, kind: park, access_points: [{name: c1, address: 10.0.0.3}]}
)");
  EXPECT_EQ(CountAccessPoints(c), 3u);
}

}  // namespace
}  // namespace surfzone::config
