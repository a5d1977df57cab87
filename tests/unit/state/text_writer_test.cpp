// Label-value escaping against a byte-by-byte reference, with the special characters at every
// position around the 8-byte blocks the fast path skips.
#include "surfzone/state/text_writer.hpp"

#include <gtest/gtest.h>

#include <string>

namespace surfzone::state {
namespace {

std::string Reference(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(AppendEscapedLabelValue, MatchesReferenceForEverySpecialAtEveryPosition) {
  // Bytes that differ from the specials by one bit, or are 0x80+, must not be taken for them.
  const std::string fillers[] = {"a", "\x5d", "\x23", "\x0b", "\xdc", std::string(1, '\0')};
  for (const char special : {'\\', '"', '\n'}) {
    for (const std::string& filler : fillers) {
      for (std::size_t length = 0; length <= 27; ++length) {
        for (std::size_t at = 0; at <= length; ++at) {
          std::string value;
          for (std::size_t i = 0; i < length; ++i) value += filler;
          ASSERT_EQ(value.size(), length);
          if (at < length) value[at] = special;
          std::string out = "x=\"";
          AppendEscapedLabelValue(out, value);
          ASSERT_EQ(out, "x=\"" + Reference(value)) << "length " << length << " at " << at;
        }
      }
    }
  }
}

TEST(AppendEscapedLabelValue, SeveralSpecialsAndLongPlainRuns) {
  const std::string value =
      "UAP \"AC\" Pro\\Lite firmware 6.6.55 built on a long line\nsecond line \"quoted\" end";
  std::string out;
  AppendEscapedLabelValue(out, value);
  EXPECT_EQ(out, Reference(value));
  const std::string plain(1000, 'p');
  out.clear();
  AppendEscapedLabelValue(out, plain);
  EXPECT_EQ(out, plain);
}

TEST(TextWriter, SharedStringLabelsAreEscapedOnlyWhenTheirTextNeedsIt) {
  // A SharedString knows once whether its text needs escaping; the writer copies plain ones as
  // they are and must still escape the others, whichever way the value arrives.
  for (const std::string text : {"plain-ap-1", "a\"quoted\" AP", "back\\slash", "two\nlines", "",
                                 "x", "\"", "UAP-AC-M-Pro 6.6.55.15189"}) {
    const SharedString shared{text};
    EXPECT_EQ(shared.label_plain(), Reference(text) == text) << text;
    std::string out;
    TextWriter writer(out);
    writer.Begin("m", "help", MetricType::Gauge, 1);
    writer.Sample({{"a", shared}, {"b", std::string_view(text)}, {"c", text}}, 1);
    writer.End();
    const std::string want = "# HELP m help\n# TYPE m gauge\nm{a=\"" + Reference(text) + "\",b=\"" +
                             Reference(text) + "\",c=\"" + Reference(text) + "\"} 1\n";
    EXPECT_EQ(out, want) << text;
  }
}

}  // namespace
}  // namespace surfzone::state
