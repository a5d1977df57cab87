#include "surfzone/state/text_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace surfzone::state {
namespace {

const char* TypeName(MetricType type) {
  switch (type) {
    case MetricType::Counter:
      return "counter";
    case MetricType::Gauge:
      return "gauge";
    case MetricType::Summary:
      return "summary";
    case MetricType::Histogram:
      return "histogram";
    default:
      return "untyped";
  }
}

void AppendHelp(std::string& out, std::string_view help) {
  for (char c : help) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
}

}  // namespace

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Non-zero iff one of the 8 bytes of `v` is zero (exact as a yes/no answer).
constexpr std::uint64_t ZeroByte(std::uint64_t v) { return (v - kOnes) & ~v & kHighs; }

// Whether one of the 8 bytes of `x` is a backslash, a double quote or a newline.
constexpr bool HasSpecial(std::uint64_t x) {
  return (ZeroByte(x ^ (kOnes * '\\')) | ZeroByte(x ^ (kOnes * '"')) |
          ZeroByte(x ^ (kOnes * '\n'))) != 0;
}

}  // namespace

namespace {

// How many leading bytes of `value` certainly need no escaping: 8 at a time while none does.
std::size_t PlainPrefix(std::string_view value) {
  std::size_t start = 0;
  while (start + 8 <= value.size()) {
    std::uint64_t block;
    std::memcpy(&block, value.data() + start, sizeof block);
    if (HasSpecial(block)) return start;
    start += 8;
  }
  // Fewer than 8 bytes left: check the last 8 (overlapping what is known to be plain), or for
  // a value shorter than 8 ("rx", "park", "5GHz") the value padded with zero bytes, which are
  // not special.
  if (start < value.size()) {
    std::uint64_t block = 0;
    if (value.size() >= 8) {
      std::memcpy(&block, value.data() + value.size() - 8, sizeof block);
    } else {
      std::memcpy(&block, value.data(), value.size());
    }
    if (!HasSpecial(block)) return value.size();
  }
  return start;
}

char* Copy(char* p, std::string_view text) {
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

// Writes `value` escaped at `p` (room for twice its size needed); returns the end.
char* WriteEscaped(char* p, std::string_view value) {
  std::size_t i = PlainPrefix(value);
  p = Copy(p, value.substr(0, i));
  for (; i < value.size(); ++i) {
    const char c = value[i];
    if (c == '\\' || c == '"' || c == '\n') {
      *p++ = '\\';
      *p++ = c == '\n' ? 'n' : c;
    } else {
      *p++ = c;
    }
  }
  return p;
}

// Room after the labels for the value ("-1.7976931348623157e+308" is 24 chars) and the newline.
constexpr std::size_t kValueRoom = 32;

}  // namespace

void AppendEscapedLabelValue(std::string& out, std::string_view value) {
  // Label values rarely need escaping: the plain prefix is found 8 bytes at a time (this
  // function was a third of /metrics rendering as a byte-by-byte loop).
  const std::size_t at = out.size();
  out.resize(at + 2 * value.size());
  out.resize(static_cast<std::size_t>(WriteEscaped(out.data() + at, value) - out.data()));
}

void TextWriter::Begin(const char* name, const char* help, MetricType type,
                       std::size_t /*expected_samples*/) {
  name_ = name;
  help_ = help;
  type_ = type;
  header_written_ = false;
}

char* TextWriter::Head(std::string_view written, ExpositionLabels labels) {
  if (!header_written_) {
    out_ += "# HELP ";
    out_ += name_;
    out_ += ' ';
    AppendHelp(out_, help_);
    out_ += "\n# TYPE ";
    out_ += name_;
    out_ += ' ';
    out_ += TypeName(type_);
    out_ += '\n';
    header_written_ = true;
  }
  // The line is written into room made once (worst case: every label byte escaped) rather
  // than by a dozen appends; Finish() trims it to what was written.
  std::size_t room = name_.size() + 3 + written.size() + kValueRoom;
  for (const auto& [label, value] : labels) {
    room += label.size() + 4 + (value.plain ? 1 : 2) * value.text.size();
  }
  const std::size_t at = out_.size();
  out_.resize(at + room);
  char* p = Copy(out_.data() + at, name_);
  if (labels.size() == 0 && written.empty()) {
    *p++ = ' ';
    return p;
  }
  char sep = '{';
  if (!written.empty()) {
    *p++ = sep;
    p = Copy(p, written);
    sep = ',';
  }
  for (const auto& [label, value] : labels) {
    *p++ = sep;
    p = Copy(p, label);
    *p++ = '=';
    *p++ = '"';
    p = value.plain ? Copy(p, value.text) : WriteEscaped(p, value.text);
    *p++ = '"';
    sep = ',';
  }
  *p++ = '}';
  *p++ = ' ';
  return p;
}

void TextWriter::Finish(char* end) {
  *end++ = '\n';
  out_.resize(static_cast<std::size_t>(end - out_.data()));
}

void TextWriter::Sample(ExpositionLabels labels, double value) { Sample({}, labels, value); }

void TextWriter::Sample(ExpositionLabels labels, std::uint64_t value) { Sample({}, labels, value); }

void TextWriter::Sample(ExpositionLabels labels, int value) { Sample({}, labels, value); }

void TextWriter::Sample(std::string_view written, ExpositionLabels labels, double value) {
  char* p = Head(written, labels);
  if (std::isnan(value)) {
    p = Copy(p, "NaN");
  } else if (std::isinf(value)) {
    p = Copy(p, value < 0 ? "-Inf" : "+Inf");
  } else {
    p = std::to_chars(p, p + kValueRoom - 1, value).ptr;
  }
  Finish(p);
}

void TextWriter::Sample(std::string_view written, ExpositionLabels labels, std::uint64_t value) {
  char* p = Head(written, labels);
  Finish(std::to_chars(p, p + kValueRoom - 1, value).ptr);
}

void TextWriter::Sample(std::string_view written, ExpositionLabels labels, int value) {
  char* p = Head(written, labels);
  Finish(std::to_chars(p, p + kValueRoom - 1, value).ptr);
}

void TextWriter::End() { header_written_ = false; }

}  // namespace surfzone::state
