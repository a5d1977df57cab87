// `snmpwalk -On` / `snmpbulkwalk -On` output loaded into a Mib (see walk_file.hpp).
#include <cctype>
#include <charconv>
#include <optional>

#include "detail/text_lines.hpp"
#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::snmp {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

/// Length of the OID at the start of `line` when it is followed by " =", else 0.
std::size_t OidPrefix(std::string_view line) {
  std::size_t i = 0;
  if (i < line.size() && line[i] == '.') ++i;
  const std::size_t start = i;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.')) {
    ++i;
  }
  if (i == start) return 0;
  if (line.substr(i, 2) != " =") return 0;
  return i;
}

/// The leading (optionally negative) decimal number of `text`, or the number in "name(n)".
template <typename T>
std::optional<T> LeadingNumber(std::string_view text) {
  text = Trim(text);
  if (const auto open = text.find('('); open != std::string_view::npos && open > 0 &&
                                        !std::isdigit(static_cast<unsigned char>(text[0])) &&
                                        text[0] != '-') {
    const auto close = text.find(')', open);
    if (close == std::string_view::npos) return std::nullopt;
    text = text.substr(open + 1, close - open - 1);
  }
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end == text.data()) return std::nullopt;
  // What follows the number must be a unit or nothing ("5 dBm", not "5x").
  if (end != text.data() + text.size() && !std::isspace(static_cast<unsigned char>(*end))) {
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> HexBytes(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    if (i + 2 > text.size()) return std::nullopt;
    unsigned byte = 0;
    const auto [end, ec] = std::from_chars(text.data() + i, text.data() + i + 2, byte, 16);
    if (ec != std::errc() || end != text.data() + i + 2) return std::nullopt;
    out += static_cast<char>(byte);
    i += 2;
  }
  return out;
}

/// A quoted string with \" and \\ escapes; unquoted text as it is.
std::optional<std::string> StringValue(std::string_view text) {
  if (text.empty() || text.front() != '"') return std::string(text);
  std::string out;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      out += text[++i];
    } else if (c == '"') {
      if (!Trim(text.substr(i + 1)).empty()) return std::nullopt;
      return out;
    } else {
      out += c;
    }
  }
  return std::nullopt;  // no closing quote
}

/// True while a quoted STRING value has not been closed (it continues on the next line).
bool OpenQuote(std::string_view value) {
  const auto colon = value.find("STRING: \"");
  if (colon == std::string_view::npos || value.starts_with("Hex-")) return false;
  bool open = false;
  for (std::size_t i = value.find('"'); i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
    } else if (value[i] == '"') {
      open = !open;
    }
  }
  return open;
}

enum class Outcome { kValue, kSkip, kError };

Outcome ParseValue(std::string_view text, Value& out, std::string& why) {
  text = Trim(text);
  if (text.starts_with("No Such Object") || text.starts_with("No Such Instance") ||
      text.starts_with("No more variables")) {
    return Outcome::kSkip;
  }
  if (text == "\"\"") {
    out = Value::String("");
    return Outcome::kValue;
  }
  if (text == "NULL") {
    out = Value{};
    return Outcome::kValue;
  }
  if (text.starts_with("Wrong Type")) {  // "Wrong Type (should be X): TYPE: value"
    const auto close = text.find("): ");
    if (close == std::string_view::npos) {
      why = "unreadable Wrong Type line";
      return Outcome::kError;
    }
    text = text.substr(close + 3);
  }
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) {
    why = "expected TYPE: VALUE after \"=\"";
    return Outcome::kError;
  }
  const std::string_view type = text.substr(0, colon);
  const std::string_view rest = Trim(text.substr(colon + 1));
  auto unsigned_of = [&](ValueType t, std::uint64_t max) {
    auto v = LeadingNumber<std::uint64_t>(rest);
    if (!v || *v > max) {
      why = "not an unsigned number in range";
      return Outcome::kError;
    }
    out = Value::Unsigned(t, *v);
    return Outcome::kValue;
  };
  if (type == "INTEGER") {
    auto v = LeadingNumber<std::int64_t>(rest);
    if (!v) {
      why = "not an integer";
      return Outcome::kError;
    }
    out = Value::Integer(*v);
    return Outcome::kValue;
  }
  if (type == "STRING") {
    auto s = StringValue(rest);
    if (!s) {
      why = "unterminated or malformed quoted string";
      return Outcome::kError;
    }
    out = Value::String(std::move(*s));
    return Outcome::kValue;
  }
  if (type == "Hex-STRING" || type == "BITS") {
    // BITS: "80 00 name(0) ...": the hex octets come before the first bit name.
    std::string_view hex = rest;
    if (type == "BITS") {
      std::size_t end = 0;  // after the last whole 2-digit token
      for (std::size_t i = 0; i + 2 <= hex.size(); i += 3) {
        const bool digits = std::isxdigit(static_cast<unsigned char>(hex[i])) &&
                            std::isxdigit(static_cast<unsigned char>(hex[i + 1]));
        if (!digits || (i + 2 < hex.size() && hex[i + 2] != ' ')) break;
        end = i + 2;
      }
      hex = hex.substr(0, end);
    }
    auto bytes = HexBytes(hex);
    if (!bytes) {
      why = "not hex octets";
      return Outcome::kError;
    }
    out = Value::String(std::move(*bytes));
    return Outcome::kValue;
  }
  if (type == "OID") {
    auto oid = Oid::Parse(rest);
    if (!oid) {
      why = "not a numeric OID (walk with -On)";
      return Outcome::kError;
    }
    out = Value::ObjectId(std::move(*oid));
    return Outcome::kValue;
  }
  if (type == "IpAddress" || type == "Network Address") {
    Value v;
    v.type = ValueType::kIpAddress;
    std::string_view ip = rest;
    while (!ip.empty()) {
      const auto dot = ip.find(type == "IpAddress" ? '.' : ':');
      const std::string_view part = ip.substr(0, dot);
      unsigned octet = 256;
      const int base = type == "IpAddress" ? 10 : 16;
      const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), octet, base);
      if (ec != std::errc() || end != part.data() + part.size() || octet > 255) break;
      v.bytes += static_cast<char>(octet);
      ip = dot == std::string_view::npos ? std::string_view() : ip.substr(dot + 1);
    }
    if (v.bytes.size() != 4 || !ip.empty()) {
      why = "not an IPv4 address";
      return Outcome::kError;
    }
    out = std::move(v);
    return Outcome::kValue;
  }
  if (type == "Counter32") return unsigned_of(ValueType::kCounter32, 0xffffffffULL);
  if (type == "Gauge32" || type == "Unsigned32" || type == "UInteger32") {
    return unsigned_of(ValueType::kGauge32, 0xffffffffULL);
  }
  if (type == "Counter64") return unsigned_of(ValueType::kCounter64, ~0ULL);
  if (type == "Timeticks") {
    // "(12345) 0:02:03.45", or the bare number with -Ot.
    std::string_view ticks = rest;
    if (ticks.starts_with('(')) ticks = ticks.substr(1, ticks.find(')') - 1);
    auto v = LeadingNumber<std::uint64_t>(ticks);
    if (!v || *v > 0xffffffffULL) {
      why = "not Timeticks \"(n) d:hh:mm:ss.cc\"";
      return Outcome::kError;
    }
    out = Value::Unsigned(ValueType::kTimeTicks, *v);
    return Outcome::kValue;
  }
  if (type == "Opaque") {
    out = Value::String(std::string(rest));
    out.type = ValueType::kOpaque;
    return Outcome::kValue;
  }
  why = "unknown type \"" + std::string(type) + "\"";
  return Outcome::kError;
}

}  // namespace

bool LooksLikeSnmpwalk(std::string_view text) {
  while (!text.empty()) {
    const auto nl = text.find('\n');
    const std::string_view line = Trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    return OidPrefix(line) > 0;
  }
  return false;
}

void ParseSnmpwalk(std::string_view text, std::string_view source, Mib& mib) {
  std::size_t line_no = 0;
  // One entry may span lines (a string with newlines, long Hex-STRINGs): collected here.
  std::optional<Oid> oid;
  std::string value;
  std::size_t entry_line = 0;
  auto fail = [&](std::size_t line, const std::string& what) {
    throw WalkFileError(std::string(source) + ":" + std::to_string(line) + ": " + what);
  };
  auto flush = [&] {
    if (!oid) return;
    Value v;
    std::string why;
    switch (ParseValue(value, v, why)) {
      case Outcome::kValue:
        mib.Set(std::move(*oid), std::move(v));
        break;
      case Outcome::kSkip:
        break;
      case Outcome::kError:
        fail(entry_line, why);
    }
    oid.reset();
  };
  while (!text.empty()) {
    ++line_no;
    std::string_view line = detail::TakeLine(text);
    if (oid && OpenQuote(value)) {  // inside a multi-line string: every line belongs to it
      value += "\n";
      value += line;
      continue;
    }
    if (Trim(line).empty() || line.front() == '#') continue;
    const std::size_t n = OidPrefix(line);
    if (n == 0) {
      if (oid && value.starts_with("Hex-STRING")) {  // wrapped hex octets
        value += " ";
        value += line;
        continue;
      }
      fail(line_no, "expected \".OID = TYPE: VALUE\" (snmpwalk -On output)");
    }
    flush();
    oid = Oid::Parse(line.substr(0, n));
    if (!oid) fail(line_no, "not an OID");
    value = std::string(line.substr(n + 2));
    value.erase(0, value.find_first_not_of(' '));
    entry_line = line_no;
  }
  if (oid && OpenQuote(value)) fail(entry_line, "unterminated quoted string");
  flush();
}

}  // namespace surfzone::snmp
