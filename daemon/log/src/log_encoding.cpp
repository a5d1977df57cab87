#include "log_encoding.hpp"

#include <fmt/format.h>

#include <ctime>
#include <iterator>

namespace surfzone::log::internal {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

bool IsControl(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f;
}

void AppendUnicodeEscape(std::string& out, char c) {
  const auto u = static_cast<unsigned char>(c);
  out += "\\u00";
  out += kHexDigits[u >> 4];
  out += kHexDigits[u & 0x0f];
}

// Shared by logfmt (quoted values) and JSON: both use the same backslash escapes.
void AppendEscaped(std::string& out, std::string_view value) {
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (IsControl(c)) {
          AppendUnicodeEscape(out, c);
        } else {
          out += c;
        }
    }
  }
}

bool LogfmtNeedsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (const char c : value) {
    if (c == ' ' || c == '=' || c == '"' || IsControl(c)) return true;
  }
  return false;
}

}  // namespace

void AppendLogfmtKey(std::string& out, std::string_view key) {
  if (key.empty()) {
    out += '_';
    return;
  }
  for (const char c : key) {
    out += (c == ' ' || c == '=' || c == '"' || IsControl(c)) ? '_' : c;
  }
}

void AppendLogfmtValue(std::string& out, std::string_view value) {
  if (!LogfmtNeedsQuotes(value)) {
    out += value;
    return;
  }
  out += '"';
  AppendEscaped(out, value);
  out += '"';
}

void AppendJsonString(std::string& out, std::string_view value) {
  out += '"';
  AppendEscaped(out, value);
  out += '"';
}

void AppendTimestamp(std::string& out, std::chrono::system_clock::time_point time) {
  using std::chrono::duration_cast;
  using std::chrono::milliseconds;
  const auto since_epoch = duration_cast<milliseconds>(time.time_since_epoch());
  auto millis = since_epoch.count() % 1000;
  auto seconds = static_cast<std::time_t>(since_epoch.count() / 1000);
  if (millis < 0) {  // times before 1970 round towards negative infinity
    millis += 1000;
    seconds -= 1;
  }
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  fmt::format_to(std::back_inserter(out), "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
                 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                 millis);
}

std::string EncodeBody(Format format, std::string_view msg, std::span<const Field> fields) {
  std::string out;
  out.reserve(msg.size() + 32 * (fields.size() + 1));
  if (format == Format::kJson) {
    out += ",\"msg\":";
    AppendJsonString(out, msg);
    for (const Field& field : fields) {
      out += ',';
      AppendJsonString(out, field.key);
      out += ':';
      AppendJsonString(out, field.value);
    }
  } else {
    out += " msg=";
    AppendLogfmtValue(out, msg);
    for (const Field& field : fields) {
      out += ' ';
      AppendLogfmtKey(out, field.key);
      out += '=';
      AppendLogfmtValue(out, field.value);
    }
  }
  return out;
}

std::string FormatLine(Format format, std::chrono::system_clock::time_point time,
                       std::string_view level, std::string_view body) {
  std::string line;
  line.reserve(48 + body.size());
  if (format == Format::kJson) {
    line += "{\"ts\":\"";
    AppendTimestamp(line, time);
    line += "\",\"level\":";
    AppendJsonString(line, level);
    line += body;
    line += "}\n";
  } else {
    line += "ts=";
    AppendTimestamp(line, time);
    line += " level=";
    AppendLogfmtValue(line, level);
    line += body;
    line += '\n';
  }
  return line;
}

}  // namespace surfzone::log::internal
