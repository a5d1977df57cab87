#include "yaml_util.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <set>

#include "surfzone/config/load.hpp"

namespace surfzone::config::detail {
namespace {

std::string KeyList(std::span<const std::string_view> a, std::span<const std::string_view> b) {
  std::string out;
  for (auto list : {a, b}) {
    for (std::string_view key : list) {
      if (!out.empty()) out += ", ";
      out += key;
    }
  }
  return out;
}

bool Contains(std::span<const std::string_view> list, std::string_view key) {
  for (std::string_view candidate : list) {
    if (candidate == key) return true;
  }
  return false;
}

// "${NAME}" as the whole value; anything else is taken literally, so a password that merely
// contains "${" still works.
std::optional<std::string> EnvReference(const std::string& text) {
  if (text.size() < 4 || !text.starts_with("${") || !text.ends_with("}")) return std::nullopt;
  std::string name = text.substr(2, text.size() - 3);
  if (std::isdigit(static_cast<unsigned char>(name.front()))) return std::nullopt;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return std::nullopt;
  }
  return name;
}

std::string FormatNumber(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string Describe(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Sequence:
      return "a sequence";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Scalar:
      return Quote(node.Scalar());
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

bool Has(const YAML::Node& map, std::string_view key) {
  return map.IsMap() && map[std::string(key)].IsDefined();
}

Where FileReader::At(const YAML::Node& node, std::string path) const {
  YAML::Mark mark = node.IsDefined() ? node.Mark() : YAML::Mark::null_mark();
  if (!mark.is_null()) mark.line += line_offset_;
  return Where{file_, mark, std::move(path)};
}

Where FileReader::AtKey(const YAML::Node& map, const std::string& path,
                        std::string_view key) const {
  const YAML::Node value = map.IsMap() ? map[std::string(key)] : YAML::Node();
  Where where = At(value.IsDefined() && !value.Mark().is_null() ? value : map, path);
  where.path = JoinPath(path, key);
  return where;
}

void FileReader::Error(const YAML::Node& node, std::string path, std::string message) {
  diag_.Add(At(node, std::move(path)), std::move(message));
}

std::string FileReader::LineColumn(const YAML::Node& node) const {
  const YAML::Mark mark = At(node, "").mark;
  if (mark.is_null()) return "an unknown position";
  return std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

std::string FileReader::Describe(const YAML::Node& node, const std::string& path) const {
  if (IsSecretPath(path)) return Shape(node, false) + " " + HiddenNote(path);
  // A file's root that is not a map may be anything, e.g. an env file of NAME=secret lines.
  if (path.empty()) return Shape(node, true);
  return detail::Describe(node);
}

bool FileReader::ExpectMap(const YAML::Node& node, const std::string& path) {
  if (node.IsMap()) return true;
  Error(node, path, "expected a map, got " + Describe(node, path));
  return false;
}

bool FileReader::ExpectSequence(const YAML::Node& node, const std::string& path) {
  if (node.IsSequence()) return true;
  Error(node, path, "expected a list, got " + Describe(node, path));
  return false;
}

void FileReader::CheckKeys(const YAML::Node& map, const std::string& path,
                           std::span<const std::string_view> allowed,
                           std::span<const std::string_view> also_allowed) {
  std::set<std::string> seen;
  for (const auto& entry : map) {
    const YAML::Node key = entry.first;
    if (!key.IsScalar()) {
      Error(key, path, "keys must be plain names, got " + Describe(key, path));
      continue;
    }
    const std::string name = key.Scalar();
    const bool known = Contains(allowed, name) || Contains(also_allowed, name);
    // An unknown key may be a password written in the wrong place, or a line of an env file.
    const bool shown = known || (!IsSecretPath(path) && LooksLikeName(name));
    const auto hidden = [&] {
      return " at " + LineColumn(key) + " " +
             (IsSecretPath(path) ? HiddenNote(path)
                                 : "(" + std::to_string(name.size()) + " characters, not shown)");
    };
    // yaml-cpp keeps both entries of a repeated key and lookups see only the first one, so a
    // repeated key would silently lose a value.
    if (!seen.insert(name).second) {
      if (shown) {
        Error(key, JoinPath(path, name), "duplicate field " + Quote(name));
      } else {
        Error(key, path, "duplicate field" + hidden());
      }
      continue;
    }
    if (known) continue;
    const std::string allowed_list = "; allowed: " + KeyList(allowed, also_allowed);
    if (shown) {
      Error(key, JoinPath(path, name), "unknown field " + Quote(name) + allowed_list);
    } else {
      Error(key, path, "unknown field" + hidden() + allowed_list);
    }
  }
}

void FileReader::Missing(const YAML::Node& map, const std::string& path, std::string_view key,
                         std::string_view why) {
  std::string message = "missing required field " + Quote(key);
  if (!why.empty()) message += " (" + std::string(why) + ")";
  Error(map, JoinPath(path, key), std::move(message));
}

std::optional<std::string> FileReader::Scalar(const YAML::Node& map, const std::string& path,
                                              std::string_view key, Need need,
                                              const char* expected) {
  if (!map.IsMap()) return std::nullopt;
  const YAML::Node value = map[std::string(key)];
  if (!value.IsDefined()) {
    if (need == Need::kRequired) Missing(map, path, key);
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    const std::string field = JoinPath(path, key);
    Error(value, field,
          std::string("expected ") + expected + ", got " +
              (value.IsNull() ? "no value" : Describe(value, field)));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::string> FileReader::String(const YAML::Node& map, const std::string& path,
                                              std::string_view key, Need need) {
  return Scalar(map, path, key, need, "a string");
}

std::optional<Secret> FileReader::SecretString(const YAML::Node& map, const std::string& path,
                                               std::string_view key) {
  auto text = Scalar(map, path, key, Need::kOptional, "a string");
  if (!text) return std::nullopt;
  if (const auto name = EnvReference(*text)) {
    const char* value = std::getenv(name->c_str());
    if (value == nullptr) {
      Error(map[std::string(key)], JoinPath(path, key),
            "environment variable " + *name + " is not set");
      return std::nullopt;
    }
    return Secret(value);
  }
  return Secret(std::move(*text));
}

std::optional<long long> FileReader::Integer(const YAML::Node& map, const std::string& path,
                                             std::string_view key, long long min, long long max) {
  const auto text = Scalar(map, path, key, Need::kOptional, "an integer");
  if (!text) return std::nullopt;
  const YAML::Node value = map[std::string(key)];
  const std::string field = JoinPath(path, key);
  long long number = 0;
  if (!YAML::convert<long long>::decode(value, number)) {
    Error(value, field, "expected an integer, got " + Describe(value, field));
    return std::nullopt;
  }
  if (number < min || number > max) {
    Error(value, field,
          std::string(key) + " must be between " + std::to_string(min) + " and " +
              std::to_string(max) + ", got " +
              (IsSecretPath(field) ? HiddenNote(field) : std::to_string(number)));
    return std::nullopt;
  }
  return number;
}

std::optional<double> FileReader::Real(const YAML::Node& map, const std::string& path,
                                       std::string_view key, double min, double max) {
  const auto text = Scalar(map, path, key, Need::kOptional, "a number");
  if (!text) return std::nullopt;
  const YAML::Node value = map[std::string(key)];
  const std::string field = JoinPath(path, key);
  double number = 0;
  if (!YAML::convert<double>::decode(value, number) || !std::isfinite(number)) {
    Error(value, field, "expected a number, got " + Describe(value, field));
    return std::nullopt;
  }
  if (number < min || number > max) {
    Error(value, field,
          std::string(key) + " must be between " + FormatNumber(min) + " and " + FormatNumber(max) +
              ", got " + (IsSecretPath(field) ? HiddenNote(field) : *text));
    return std::nullopt;
  }
  return number;
}

std::optional<Duration> FileReader::DurationField(const YAML::Node& map, const std::string& path,
                                                  std::string_view key) {
  const auto text = Scalar(map, path, key, Need::kOptional, "a duration");
  if (!text) return std::nullopt;
  const auto duration = ParseDuration(*text);
  if (!duration) {
    const std::string field = JoinPath(path, key);
    Error(map[std::string(key)], field,
          "invalid duration " + (IsSecretPath(field) ? HiddenNote(field) : Quote(*text)) +
              "; expected a positive number with a unit (ms, s, m, h, d), e.g. 500ms, 30s, 1m30s");
  }
  return duration;
}

}  // namespace surfzone::config::detail
