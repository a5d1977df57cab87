#include "surfzone/testing/metrics_text.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>

namespace surfzone::testing {
namespace {

bool IsNameChar(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  return alpha || (!first && c >= '0' && c <= '9');
}

[[noreturn]] void Fail(std::string_view line, const std::string& why) {
  throw std::runtime_error("metrics text: " + why + " in line: " + std::string(line));
}

double ParseValue(std::string_view token, std::string_view line) {
  if (token == "+Inf" || token == "Inf") return std::numeric_limits<double>::infinity();
  if (token == "-Inf") return -std::numeric_limits<double>::infinity();
  if (token == "NaN") return std::numeric_limits<double>::quiet_NaN();
  const std::string s(token);
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size()) Fail(line, "bad value \"" + s + "\"");
  return v;
}

// Parses `{a="x",b="y"}` starting at line[pos] == '{'; leaves pos after '}'.
Labels ParseLabels(std::string_view line, std::size_t& pos) {
  Labels labels;
  ++pos;
  for (;;) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == ',')) ++pos;
    if (pos < line.size() && line[pos] == '}') {
      ++pos;
      return labels;
    }
    const std::size_t start = pos;
    while (pos < line.size() && IsNameChar(line[pos], pos == start)) ++pos;
    if (pos == start || pos + 1 >= line.size() || line[pos] != '=' || line[pos + 1] != '"') {
      Fail(line, "bad label");
    }
    const std::string key(line.substr(start, pos - start));
    pos += 2;
    std::string value;
    for (;;) {
      if (pos >= line.size()) Fail(line, "unterminated label value");
      const char c = line[pos++];
      if (c == '"') break;
      if (c != '\\') {
        value += c;
        continue;
      }
      if (pos >= line.size()) Fail(line, "dangling escape");
      const char e = line[pos++];
      value += e == 'n' ? '\n' : e;  // \\ and \" stand for themselves
    }
    if (!labels.emplace(key, std::move(value)).second) Fail(line, "repeated label " + key);
  }
}

MetricSample ParseLine(std::string_view line) {
  MetricSample sample;
  std::size_t pos = 0;
  while (pos < line.size() && IsNameChar(line[pos], pos == 0)) ++pos;
  if (pos == 0) Fail(line, "bad metric name");
  sample.name = std::string(line.substr(0, pos));
  if (pos < line.size() && line[pos] == '{') sample.labels = ParseLabels(line, pos);
  if (pos >= line.size() || line[pos] != ' ') Fail(line, "missing value");
  while (pos < line.size() && line[pos] == ' ') ++pos;
  const std::size_t end = line.find(' ', pos);  // an optional timestamp follows
  sample.value =
      ParseValue(line.substr(pos, end == std::string_view::npos ? end : end - pos), line);
  return sample;
}

bool Matches(const MetricSample& s, std::string_view name, const Labels& match) {
  if (s.name != name) return false;
  for (const auto& [k, v] : match) {
    const auto it = s.labels.find(k);
    if (it == s.labels.end() || it->second != v) return false;
  }
  return true;
}

}  // namespace

MetricsText MetricsText::Parse(std::string_view text) {
  MetricsText out;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    out.samples_.push_back(ParseLine(line));
  }
  return out;
}

std::vector<const MetricSample*> MetricsText::Find(std::string_view name,
                                                   const Labels& match) const {
  std::vector<const MetricSample*> found;
  for (const auto& s : samples_) {
    if (Matches(s, name, match)) found.push_back(&s);
  }
  return found;
}

std::optional<double> MetricsText::Get(std::string_view name, const Labels& match) const {
  const auto found = Find(name, match);
  if (found.empty()) return std::nullopt;
  if (found.size() > 1) {
    throw std::logic_error(std::to_string(found.size()) + " samples match " +
                           Describe(name, match));
  }
  return found.front()->value;
}

double MetricsText::Sum(std::string_view name, const Labels& match) const {
  double sum = 0;
  for (const auto* s : Find(name, match)) sum += s->value;
  return sum;
}

std::string Describe(std::string_view name, const Labels& labels) {
  std::string out(name);
  out += '{';
  bool first = true;
  for (const auto& [k, v] : labels) {
    if (!first) out += ',';
    first = false;
    out += k + "=\"" + v + "\"";
  }
  out += '}';
  return out;
}

}  // namespace surfzone::testing
