#include "surfzone/state/text_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace surfzone::state {
namespace {

const char* TypeName(prometheus::MetricType type) {
  switch (type) {
    case prometheus::MetricType::Counter:
      return "counter";
    case prometheus::MetricType::Gauge:
      return "gauge";
    case prometheus::MetricType::Summary:
      return "summary";
    case prometheus::MetricType::Histogram:
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

void AppendEscapedLabelValue(std::string& out, std::string_view value) {
  // Label values rarely need escaping: skip 8 bytes at a time while none does (this function
  // was a third of /metrics rendering as a byte-by-byte loop).
  std::size_t start = 0;
  while (start + 8 <= value.size()) {
    std::uint64_t block;
    std::memcpy(&block, value.data() + start, sizeof block);
    if (HasSpecial(block)) break;
    start += 8;
  }
  std::size_t plain = 0;  // copy runs without special characters in one go
  for (std::size_t i = start; i < value.size(); ++i) {
    const char c = value[i];
    if (c != '\\' && c != '"' && c != '\n') continue;
    out.append(value.data() + plain, i - plain);
    out += c == '\n' ? "\\n" : c == '"' ? "\\\"" : "\\\\";
    plain = i + 1;
  }
  out.append(value.data() + plain, value.size() - plain);
}

void TextWriter::Begin(const char* name, const char* help, prometheus::MetricType type,
                       std::size_t /*expected_samples*/) {
  name_ = name;
  help_ = help;
  type_ = type;
  header_written_ = false;
}

void TextWriter::Head(ExpositionLabels labels) {
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
  out_ += name_;
  if (labels.size() == 0) {
    out_ += ' ';
    return;
  }
  char sep = '{';
  for (const auto& [label, value] : labels) {
    out_ += sep;
    out_ += label;
    out_ += "=\"";
    AppendEscapedLabelValue(out_, value);
    out_ += '"';
    sep = ',';
  }
  out_ += "} ";
}

void TextWriter::Sample(ExpositionLabels labels, double value) {
  Head(labels);
  if (std::isnan(value)) {
    out_ += "NaN";
  } else if (std::isinf(value)) {
    out_ += value < 0 ? "-Inf" : "+Inf";
  } else {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
    out_.append(buffer, result.ptr);
  }
  out_ += '\n';
}

void TextWriter::Sample(ExpositionLabels labels, std::uint64_t value) {
  Head(labels);
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_.append(buffer, result.ptr);
  out_ += '\n';
}

void TextWriter::Sample(ExpositionLabels labels, int value) {
  Head(labels);
  char buffer[16];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_.append(buffer, result.ptr);
  out_ += '\n';
}

void TextWriter::End() { header_written_ = false; }

}  // namespace surfzone::state
