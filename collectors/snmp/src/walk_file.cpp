#include "surfzone/snmp/walk_file.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "detail/text_lines.hpp"

namespace surfzone::snmp {
namespace {

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    unsigned byte = 0;
    const auto [end, ec] = std::from_chars(hex.data() + i, hex.data() + i + 2, byte, 16);
    if (ec != std::errc() || end != hex.data() + i + 2) return std::nullopt;
    out += static_cast<char>(byte);
  }
  return out;
}

template <typename T>
std::optional<T> Number(std::string_view text) {
  T v{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

// The value of one line; nullopt with `why` set when it cannot be read.
std::optional<Value> ParseValue(std::string_view type, std::string_view text, std::string& why) {
  auto unsigned_of = [&](ValueType t, std::uint64_t max) -> std::optional<Value> {
    auto v = Number<std::uint64_t>(text);
    if (!v || *v > max) {
      why = "not an unsigned number in range";
      return std::nullopt;
    }
    return Value::Unsigned(t, *v);
  };
  if (type == "2") {
    auto v = Number<std::int64_t>(text);
    if (!v) {
      why = "not an integer";
      return std::nullopt;
    }
    return Value::Integer(*v);
  }
  if (type == "4") return Value::String(std::string(text));
  if (type == "4x" || type == "68x" || type == "68") {
    auto bytes = type == "68" ? std::optional<std::string>(std::string(text)) : FromHex(text);
    if (!bytes) {
      why = "not hex";
      return std::nullopt;
    }
    Value v = Value::String(std::move(*bytes));
    if (type != "4x") v.type = ValueType::kOpaque;
    return v;
  }
  if (type == "5") {
    Value v;
    v.type = ValueType::kNull;
    return v;
  }
  if (type == "6") {
    auto oid = Oid::Parse(text);
    if (!oid) {
      why = "not an OID";
      return std::nullopt;
    }
    return Value::ObjectId(std::move(*oid));
  }
  if (type == "64" || type == "64x") {
    Value v;
    v.type = ValueType::kIpAddress;
    if (type == "64x") {
      auto bytes = FromHex(text);
      if (!bytes || bytes->size() != 4) {
        why = "not a 4-byte hex IpAddress";
        return std::nullopt;
      }
      v.bytes = std::move(*bytes);
      return v;
    }
    std::istringstream in{std::string(text)};
    std::string part;
    while (std::getline(in, part, '.')) {
      auto octet = Number<unsigned>(part);
      if (!octet || *octet > 255) {
        why = "not a dotted IpAddress";
        return std::nullopt;
      }
      v.bytes += static_cast<char>(*octet);
    }
    if (v.bytes.size() != 4) {
      why = "not a dotted IpAddress";
      return std::nullopt;
    }
    return v;
  }
  if (type == "65") return unsigned_of(ValueType::kCounter32, 0xffffffffULL);
  if (type == "66") return unsigned_of(ValueType::kGauge32, 0xffffffffULL);
  if (type == "67") return unsigned_of(ValueType::kTimeTicks, 0xffffffffULL);
  if (type == "70") return unsigned_of(ValueType::kCounter64, ~0ULL);
  why = "unknown type";
  return std::nullopt;
}

}  // namespace

void ParseSnmprec(std::string_view text, std::string_view source, Mib& mib) {
  std::size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    std::string_view line = detail::TakeLine(text);
    if (line.empty() || line.front() == '#') continue;
    auto fail = [&](const std::string& what) {
      throw WalkFileError(std::string(source) + ":" + std::to_string(line_no) + ": " + what);
    };
    const auto a = line.find('|');
    const auto b = a == std::string_view::npos ? a : line.find('|', a + 1);
    if (b == std::string_view::npos) fail("expected OID|TYPE|VALUE");
    auto oid = Oid::Parse(line.substr(0, a));
    if (!oid) fail("not an OID");
    std::string why;
    auto value = ParseValue(line.substr(a + 1, b - a - 1), line.substr(b + 1), why);
    if (!value) fail(why + " (type " + std::string(line.substr(a + 1, b - a - 1)) + ")");
    mib.Set(std::move(*oid), std::move(*value));
  }
}

namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw WalkFileError(path + ": cannot be read");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Mib LoadSnmprecFile(const std::string& path) {
  Mib mib;
  ParseSnmprec(ReadFile(path), path, mib);
  return mib;
}

Mib LoadWalkFile(const std::string& path) {
  const std::string text = ReadFile(path);
  Mib mib;
  if (LooksLikeSnmpwalk(text)) {
    ParseSnmpwalk(text, path, mib);
  } else {
    ParseSnmprec(text, path, mib);
  }
  if (mib.empty()) throw WalkFileError(path + ": no OIDs in the file");
  return mib;
}

}  // namespace surfzone::snmp
