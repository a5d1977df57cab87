// A file with very many errors: the first kMaxErrors are kept and the rest only counted.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

// `count` locations, each with one error (an unknown kind) on its line 3 + 2 * i.
std::string LocationsWithBadKinds(std::size_t count) {
  std::string yaml = "locations:\n";
  yaml.reserve(count * 32);
  for (std::size_t i = 0; i < count; ++i) {
    yaml += "  - name: l" + std::to_string(i) + "\n    kind: plaza\n";
  }
  return yaml;
}

// `count` locations that are not maps ("- 7"): one error each, on line 2 + i, cheaply.
std::string LocationsThatAreNumbers(std::size_t count) {
  std::string yaml = "locations:\n";
  yaml.reserve(count * 6);
  for (std::size_t i = 0; i < count; ++i) yaml += "  - 7\n";
  return yaml;
}

ConfigException LoadFailure(const std::string& yaml, LoadOptions::Parse parse) {
  LoadOptions options;
  options.parse = parse;
  try {
    LoadString(yaml, "test.yaml", options);
  } catch (const ConfigException& e) {
    return e;
  }
  ADD_FAILURE() << "loaded";
  return ConfigException({});
}

std::size_t Lines(const std::string& text) {
  return text.empty() ? 0
                      : 1 + static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

TEST(ConfigErrorCap, ThreeHundredThousandErrorsKeepTheFirstHundredAndTheCount) {
  const std::string yaml = LocationsThatAreNumbers(300'000);
  for (const auto parse : {LoadOptions::Parse::kAuto, LoadOptions::Parse::kWholeDocument}) {
    const ConfigException e = LoadFailure(yaml, parse);
    ASSERT_EQ(e.errors().size(), kMaxErrors);
    EXPECT_EQ(e.more_errors(), 300'000 - kMaxErrors);
    EXPECT_EQ(e.total_errors(), 300'000u);
    EXPECT_EQ(e.errors().front().line, 2);
    EXPECT_EQ(e.errors().front().field, "locations[0]");
    EXPECT_EQ(e.errors().back().line, 2 + 99);
    EXPECT_EQ(e.errors().back().field, "locations[99]");
    const std::string what = e.what();
    EXPECT_EQ(Lines(what), kMaxErrors + 1);
    EXPECT_TRUE(what.starts_with(e.errors().front().ToString() + "\n")) << what.substr(0, 200);
    EXPECT_TRUE(what.ends_with("\n... and 299900 more errors")) << what.substr(what.size() - 200);
    EXPECT_LT(what.size(), 100u * 200);
  }
}

TEST(ConfigErrorCap, AtTheCapNothingIsCountedAsMore) {
  const ConfigException e =
      LoadFailure(LocationsWithBadKinds(kMaxErrors), LoadOptions::Parse::kAuto);
  EXPECT_EQ(e.errors().size(), kMaxErrors);
  EXPECT_EQ(e.more_errors(), 0u);
  EXPECT_EQ(Lines(e.what()), kMaxErrors);
  const ConfigException one_more =
      LoadFailure(LocationsWithBadKinds(kMaxErrors + 1), LoadOptions::Parse::kAuto);
  EXPECT_EQ(one_more.more_errors(), 1u);
  EXPECT_TRUE(std::string(one_more.what()).ends_with("\n... and 1 more error"));
}

}  // namespace
}  // namespace surfzone::config
