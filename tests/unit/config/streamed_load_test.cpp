// The streamed load of `locations:` (LoadOptions::Parse::kAuto) against loading each file as
// one node tree (Parse::kWholeDocument, the behaviour before streaming): same Config, same
// errors, and the documents that must not stream fall back.
#include <gtest/gtest.h>

#include <iterator>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using Parse = LoadOptions::Parse;
using testing::Dump;
using testing::ErrorsWith;
using testing::HasError;
using testing::TempDir;

struct Outcome {
  std::optional<Config> config;  // set when it loaded
  std::string errors;            // Dump() of the errors otherwise
};

template <class Load>
Outcome OutcomeOf(const Load& load) {
  try {
    return Outcome{load(), ""};
  } catch (const ConfigException& e) {
    return Outcome{std::nullopt, Dump(e.errors())};
  }
}

Outcome LoadWith(const std::string& yaml, Parse parse) {
  LoadOptions options;
  options.parse = parse;
  return OutcomeOf([&] { return LoadString(yaml, "test.yaml", options); });
}

Outcome LoadFileWith(const std::string& path, Parse parse) {
  LoadOptions options;
  options.parse = parse;
  return OutcomeOf([&] { return LoadFile(path, options); });
}

::testing::AssertionResult Same(const Outcome& a, const Outcome& b) {
  if (a.config.has_value() != b.config.has_value()) {
    return ::testing::AssertionFailure() << "one loaded, the other did not:\n"
                                         << a.errors << b.errors;
  }
  if (a.config && !(*a.config == *b.config)) {
    return ::testing::AssertionFailure() << "different Config";
  }
  if (a.errors != b.errors) {
    return ::testing::AssertionFailure() << "different errors:\n" << a.errors << "vs\n" << b.errors;
  }
  return ::testing::AssertionSuccess();
}

/// Streams (kStreamedOnly does not throw) and gives what the whole-document load gives.
::testing::AssertionResult StreamsTheSame(const std::string& yaml) {
  Outcome streamed;
  try {
    streamed = LoadWith(yaml, Parse::kStreamedOnly);
  } catch (const std::logic_error& e) {
    return ::testing::AssertionFailure() << "did not stream: " << e.what();
  }
  return Same(streamed, LoadWith(yaml, Parse::kWholeDocument));
}

/// Does not stream (kStreamedOnly says why, containing `reason`), and kAuto falls back to
/// exactly what the whole-document load gives.
::testing::AssertionResult FallsBack(const std::string& yaml, const std::string& reason) {
  try {
    LoadWith(yaml, Parse::kStreamedOnly);
    return ::testing::AssertionFailure() << "streamed";
  } catch (const std::logic_error& e) {
    if (std::string(e.what()).find(reason) == std::string::npos) {
      return ::testing::AssertionFailure() << "other reason: " << e.what();
    }
  }
  return Same(LoadWith(yaml, Parse::kAuto), LoadWith(yaml, Parse::kWholeDocument));
}

constexpr const char* kHead = R"(auths:
  v2:
    version: 2c
defaults:
  auth: v2
)";  // 5 lines

TEST(ConfigStreamed, LoadsTheSameConfigFromAnUnusualButPlainList) {
  // Comments and blank lines between items, more spaces after "-", a block scalar, a quoted
  // multi-line scalar, a flow list across lines, an empty value last in an item, and more
  // top-level keys after the list.
  const std::string yaml = std::string("---\n") + kHead + R"(locations:
  # the first one
  - name: Alpha
    kind: park
    district: |
      Old
      Town
    access_points:

  -   name: "Beta
      Square"
      kind: square
      access_points: [{name: b1, address: 10.0.0.1},
        {name: b2, address: "10.0.0.2:1161"}]
  - name: Gamma
    kind: street
    access_points:
    - name: g1
      address: 10.0.0.3
      retries: 3
controllers: []
...
)";
  ASSERT_TRUE(StreamsTheSame(yaml));
  const Config config = LoadString(yaml);
  ASSERT_EQ(config.locations.size(), 3u);
  EXPECT_EQ(config.locations[0].district, "Old\nTown\n");
  EXPECT_EQ(config.locations[1].name, "Beta Square");
  ASSERT_EQ(config.locations[1].access_points.size(), 2u);
  EXPECT_EQ(config.locations[1].access_points[1].address.port, 1161);
  EXPECT_EQ(config.locations[2].access_points[0].poll.retries, 3);
}

TEST(ConfigStreamed, IndentlessListAndWindowsLineEndings) {
  std::string yaml = std::string(kHead) + R"(locations:
- name: A
  kind: park
  access_points:
    - name: a1
      address: 10.0.0.1
- name: B
  kind: park
  lat: 95
)";
  EXPECT_TRUE(StreamsTheSame(yaml));
  std::string crlf;
  for (char c : yaml) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_TRUE(StreamsTheSame(crlf));
  EXPECT_TRUE(HasError(ErrorsWith(crlf, {}), 14, "locations[1].lat", "between -90 and 90"));
}

TEST(ConfigStreamed, ReportsItemErrorsAtTheSamePlacesAndPaths) {
  // Every kind of per-location error, duplicates across items, and empty values at the ends
  // of items (yaml-cpp marks those at the next token: the next item's "-" or the next key).
  const std::string yaml = std::string(kHead) + R"(locations:
  - name: A
    kind: park
    colour: green
    access_points:
      - name: a1
        address: 10.0.0.1
      - name: a1
        address: 10.0.0.1
  - name: A
    kind: lake
    lat: 56
    lon:
  - district: [x]
    access_points: {}
  - name: C
    kind: park
    access_points:
      - name: c1
        address: 10.0.0.300
        auth: nope
        timeout:
defaults2: 1
)";
  ASSERT_TRUE(StreamsTheSame(yaml));
  const auto errors = ErrorsWith(yaml, {});
  EXPECT_TRUE(HasError(errors, 9, "locations[0].colour", "unknown field"));
  EXPECT_TRUE(HasError(errors, 13, "locations[0].access_points[1].name", "duplicate access point"));
  EXPECT_TRUE(HasError(errors, 14, "locations[0].access_points[1].address", "duplicate address"));
  EXPECT_TRUE(HasError(errors, 15, "locations[1].name", "duplicate location name"));
  EXPECT_TRUE(HasError(errors, 16, "locations[1].kind", "unknown kind \"lake\""));
  // `lon:` is empty: its mark is the next item's "-" on line 19.
  EXPECT_TRUE(HasError(errors, 19, "locations[1].lon", "expected a number, got no value"));
  EXPECT_TRUE(HasError(errors, 19, "locations[2].name", "missing required field"));
  EXPECT_TRUE(HasError(errors, 19, "locations[2].district", "expected a string, got a sequence"));
  EXPECT_TRUE(HasError(errors, 20, "locations[2].access_points", "expected a list, got a map"));
  EXPECT_TRUE(HasError(errors, 25, "locations[3].access_points[0].address", "invalid address"));
  EXPECT_TRUE(HasError(errors, 26, "locations[3].access_points[0].auth", "unknown auth \"nope\""));
  // `timeout:` is empty, last in the list: its mark is the next top-level key on line 28.
  EXPECT_TRUE(HasError(errors, 28, "locations[3].access_points[0].timeout", "no value"));
  EXPECT_TRUE(HasError(errors, 28, "defaults2", "unknown field"));
}

TEST(ConfigStreamed, LocationsBeforeTheOtherSectionsAndLastInTheFile) {
  const std::string locations = R"(locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 10.0.0.1
)";
  EXPECT_TRUE(StreamsTheSame(locations + kHead));
  EXPECT_TRUE(StreamsTheSame(std::string(kHead) + locations + "# the end, no newline"));
  EXPECT_TRUE(StreamsTheSame(locations));  // no auth: an error for a1
}

TEST(ConfigStreamed, ManyLocationsWithErrorsGiveTheSameAsTheWholeDocument) {
  // Every 7th AP repeats the address of the one before and every 11th location has no kind:
  // the error count below is known from that.
  std::string yaml = std::string(kHead) + "locations:\n";
  int ap = 0;
  std::size_t expected_errors = 0;
  for (int l = 0; l < 300; ++l) {
    yaml += "  - name: L" + std::to_string(l) + "\n";
    if (l % 11 == 0) {
      ++expected_errors;
    } else {
      yaml += "    kind: park\n";
    }
    yaml += "    access_points:\n";
    for (int i = 0; i < 4; ++i, ++ap) {
      const int host = ap % 7 == 6 ? ap - 1 : ap;
      if (ap % 7 == 6) ++expected_errors;
      yaml += "      - {name: ap" + std::to_string(ap) + ", address: 10.0." +
              std::to_string(host / 250) + "." + std::to_string(host % 250 + 1) + "}\n";
    }
  }
  ASSERT_TRUE(StreamsTheSame(yaml));  // compares the first kMaxErrors errors
  try {
    LoadString(yaml);
    ADD_FAILURE() << "loaded";
  } catch (const ConfigException& e) {
    EXPECT_EQ(e.total_errors(), expected_errors);
  }
}

TEST(ConfigStreamed, IncludedFilesStreamWithTheirOwnNamesAndIndices) {
  TempDir dir;
  const std::string main =
      dir.Write("main.yaml", std::string(kHead) +
                                 "include: [more.yaml]\nlocations:\n"
                                 "  - name: M\n    kind: park\n    access_points:\n"
                                 "      - {name: m1, address: 10.0.0.1}\n");
  const std::string more = dir.Write("more.yaml",
                                     "# included\nlocations:\n"
                                     "  - name: I\n    kind: park\n"
                                     "  - name: J\n    kind: park\n    access_points:\n"
                                     "      - {name: j1, address: 10.0.0.2}\n"
                                     "      - {name: m1, address: 10.0.0.1}\n");
  const Outcome streamed = LoadFileWith(main, Parse::kStreamedOnly);
  EXPECT_TRUE(Same(streamed, LoadFileWith(main, Parse::kWholeDocument)));
  EXPECT_NE(streamed.errors.find(more + ":9:"), std::string::npos) << streamed.errors;
  EXPECT_NE(streamed.errors.find("locations[1].access_points[1].name: duplicate access point"),
            std::string::npos)
      << streamed.errors;

  dir.Write("more.yaml", "locations: [{name: I, kind: park}]\n");
  EXPECT_THROW(LoadFileWith(main, Parse::kStreamedOnly), std::logic_error);
  const Outcome fallback = LoadFileWith(main, Parse::kAuto);
  EXPECT_TRUE(Same(fallback, LoadFileWith(main, Parse::kWholeDocument)));
  ASSERT_TRUE(fallback.config);
  EXPECT_EQ(fallback.config->locations.size(), 2u);
}

TEST(ConfigStreamed, RandomDocumentsFromTrickyPiecesGiveTheSameAsTheWholeDocument) {
  // Pieces that test where an item ends: empty values, comments, block and quoted multi-line
  // scalars, flow collections across lines, other indentation, wrong types. Fixed seed.
  const char* const pieces[] = {
      "  - name: A\n",
      "  - name: B\n    kind: park\n",
      "    kind: park\n",
      "    district: |\n      x\n",
      "    district: |+\n      x\n\n",
      "    district: >-\n      x\n      y\n",
      "    district: \"a\n  b\"\n",
      "    lat: 1\n",
      "    lon:\n",
      "    access_points:\n",
      "      - name: a1\n        address: 10.0.0.1\n",
      "      - {name: a2, address: 10.0.0.2}\n",
      "      - name: a3\n",
      "    access_points: [\n{name: a4, address: 10.0.0.4}]\n",
      "  # comment\n",
      "\n",
      "    district: plain\n     continued\n",
      "  -   name: E\n      kind: park\n",
      "    x: 'q\n\n  r'\n",
      "    access_points:\n    - name: a5\n      address: 10.0.0.5\n",
  };
  const char* const tails[] = {"", "defaults:\n  auth: v2\n", "...\n", "# end\n", "zz:\n"};
  std::mt19937 random(20261123);
  int streamed = 0;
  for (int n = 0; n < 300; ++n) {
    std::string yaml = "auths:\n  v2:\n    version: 2c\nlocations:\n  - name: first\n";
    for (int i = 1 + static_cast<int>(random() % 8); i > 0; --i) {
      yaml += pieces[random() % std::size(pieces)];
    }
    yaml += tails[random() % std::size(tails)];
    const Outcome whole = LoadWith(yaml, Parse::kWholeDocument);
    ASSERT_TRUE(Same(LoadWith(yaml, Parse::kAuto), whole)) << yaml;
    try {
      ASSERT_TRUE(Same(LoadWith(yaml, Parse::kStreamedOnly), whole)) << yaml;
      ++streamed;
    } catch (const std::logic_error& e) {
      // Only documents that do not parse may fall back here.
      ASSERT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
    }
  }
  EXPECT_GT(streamed, 100);  // most of them stream, so the comparison means something
}

TEST(ConfigStreamed, FallsBackToTheWholeDocumentWhereStreamingIsNotSafe) {
  const std::string head = kHead;
  const std::string item = "  - name: A\n    kind: park\n";
  EXPECT_TRUE(FallsBack(head + "locations:\n  - &a\n    name: A\n    kind: park\n", "an anchor"));
  EXPECT_TRUE(
      FallsBack("auths:\n  v2: &v\n    version: 2c\n  v3: *v\nlocations:\n" + item, "an anchor"));
  EXPECT_TRUE(FallsBack(head + "locations: [{name: A, kind: park}]\n", "not a block list"));
  EXPECT_TRUE(FallsBack(head + "locations:\n  - {name: A, kind: park}\n", "not a block map"));
  EXPECT_TRUE(FallsBack(head + "locations:\n" + item + "  - B\n", "not a block map"));
  EXPECT_TRUE(
      FallsBack(head + "locations:\n  -\n    name: A\n    kind: park\n", "not on the line of its"));
  EXPECT_TRUE(FallsBack(head + "locations:\n  - # A\n    name: A\n    kind: park\n",
                        "not on the line of its"));
  EXPECT_TRUE(FallsBack(head + "locations:\n" + item + "---\nlocations: []\n", "more than one"));
  EXPECT_TRUE(FallsBack(head + "locations:\n" + item + "   kind: x\n", "syntax error"));
  EXPECT_TRUE(FallsBack(head + "locations:\n" + item + "locations:\n" + item, "given twice"));
  EXPECT_TRUE(FallsBack(head + "locations:\n  - name: A\n    kind: !!str park\n", "explicit tag"));
  EXPECT_TRUE(FallsBack("\xEF\xBB\xBF" + head + "locations:\n" + item, "byte order mark"));
  EXPECT_TRUE(FallsBack(head + "locations:\n", "not a block list"));
  EXPECT_TRUE(FallsBack(head, "no \"locations\""));
  EXPECT_TRUE(FallsBack("- a\n", "not a map"));
  EXPECT_TRUE(FallsBack("", "no \"locations\""));
}

}  // namespace
}  // namespace surfzone::config
