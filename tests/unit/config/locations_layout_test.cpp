// The pieces of the streamed load (internal headers of config/src): the first pass's item
// ranges, the texts cut from them, the digests that catch a piece parsing differently, and
// the fallback of a whole load when that happens.
#include "locations_layout.hpp"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>

#include "document.hpp"

namespace surfzone::config::detail {
namespace {

constexpr const char* kText = R"(defaults:
  retries: 2
locations:
  - name: A
    kind: park
  # between
  -  name: B
     district:
other: 1
)";

TEST(LocationsLayout, FindsEachItemFromItsLineToTheNextDash) {
  const std::string text = kText;
  const LocationsLayout layout = ScanLocations(text);
  ASSERT_EQ(layout.reason, "");
  ASSERT_EQ(layout.items.size(), 2u);
  EXPECT_EQ(layout.items[0].line, 3);
  EXPECT_EQ(layout.items[1].line, 6);
  EXPECT_EQ(text.substr(layout.items[0].begin, layout.items[0].end - layout.items[0].begin),
            "  - name: A\n    kind: park\n  # between\n  ");
  EXPECT_EQ(text.substr(layout.items[1].dash, layout.items[1].end - layout.items[1].dash),
            "-  name: B\n     district:\n");
  EXPECT_EQ(ItemText(text, layout.items[1]), "     name: B\n     district:\n");
}

TEST(LocationsLayout, PiecesParseAsInTheWholeFileAndDigestsTellOtherwise) {
  const std::string text = kText;
  const LocationsLayout layout = ScanLocations(text);
  ASSERT_EQ(layout.items.size(), 2u);
  for (const LocationItem& item : layout.items) {
    const YAML::Node node = YAML::Load(ItemText(text, item));
    EXPECT_EQ(ItemDigest(node), item.digest);
  }
  // `district:` is empty: marked at the next token, "other" (line 8, column 0), in both.
  const YAML::Node b = YAML::Load(ItemText(text, layout.items[1]));
  EXPECT_EQ(b["district"].Mark().line + layout.items[1].line, 8);
  EXPECT_EQ(b["district"].Mark().column, 0);
  // The same item cut one character short has its empty value marked elsewhere.
  LocationItem shorter = layout.items[1];
  --shorter.end;
  EXPECT_NE(ItemDigest(YAML::Load(ItemText(text, shorter))), layout.items[1].digest);
  EXPECT_NE(ItemDigest(YAML::Load("     name: C\n     district:\n")), layout.items[1].digest);

  const std::string blanked = BlankItems(text, layout.items);
  EXPECT_EQ(blanked, "defaults:\n  retries: 2\nlocations:\n\n\n\n\n\nother: 1\n");
  EXPECT_EQ(std::count(blanked.begin(), blanked.end(), '\n'), 9);
  const YAML::Node root = YAML::Load(blanked);
  EXPECT_TRUE(root["locations"].IsNull());
  EXPECT_EQ(root["other"].Mark().line, 8);
  EXPECT_EQ(OutsideDigest(root), layout.outside_digest);
  EXPECT_NE(OutsideDigest(YAML::Load("defaults:\n  retries: 3\nlocations:\nother: 1\n")),
            layout.outside_digest);
}

TEST(LocationsLayout, ALoadThatCannotStreamAfterAllIsRedoneWithWholeDocuments) {
  int calls = 0;
  LoadOptions options;
  const auto load = [&](const LoadOptions& attempt) {
    ++calls;
    if (attempt.parse != LoadOptions::Parse::kWholeDocument) {
      throw WholeDocumentNeeded("test.yaml: locations[3] parses differently on its own");
    }
    return 42;
  };
  EXPECT_EQ(WithWholeDocumentFallback(options, load), 42);
  EXPECT_EQ(calls, 2);
  options.parse = LoadOptions::Parse::kStreamedOnly;
  EXPECT_THROW(WithWholeDocumentFallback(options, load), std::logic_error);
}

}  // namespace
}  // namespace surfzone::config::detail
