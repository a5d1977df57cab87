#pragma once
/// Internal: typed, error-collecting access to the nodes of one YAML file.
/// Every getter reports problems (with file, mark and field path) to the Diagnostics and returns
/// nullopt instead of throwing, so a load can go on and report all errors at once.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "diagnostics.hpp"
#include "enum_tables.hpp"
#include "redact.hpp"
#include "surfzone/config/config.hpp"

namespace surfzone::config::detail {

enum class Need { kOptional, kRequired };

/// "null", "a sequence", "a map", or the quoted scalar. Not for secrets: see
/// FileReader::Describe.
std::string Describe(const YAML::Node& node);

/// True when `map` (a map node) has `key`, whatever its value.
bool Has(const YAML::Node& map, std::string_view key);

class FileReader {
 public:
  FileReader(std::string file, Diagnostics& diag) : file_(std::move(file)), diag_(diag) {}

  const std::string& file() const { return file_; }
  /// Lines to add to every mark: for nodes loaded from a piece of the file that starts on
  /// this (0-based) line.
  void set_line_offset(int lines) { line_offset_ = lines; }
  Diagnostics& diag() { return diag_; }

  /// The position of `node` (null mark for undefined nodes) labelled with `path`.
  Where At(const YAML::Node& node, std::string path) const;
  /// Like At(), for `map[key]`; falls back to the map's own position when the key is absent.
  Where AtKey(const YAML::Node& map, const std::string& path, std::string_view key) const;
  void Error(const YAML::Node& node, std::string path, std::string message);
  /// "line:column" (1-based) of `node`, for naming a value that is not shown.
  std::string LineColumn(const YAML::Node& node) const;
  /// What `node` at `path` is, safe to print: in a secret section only its kind (plus
  /// "(value hidden in auths)"), at a file's root (path "") its kind and size, elsewhere
  /// detail::Describe.
  std::string Describe(const YAML::Node& node, const std::string& path) const;

  /// False (and an error) unless node is a map.
  bool ExpectMap(const YAML::Node& node, const std::string& path);
  /// False (and an error) unless node is a sequence.
  bool ExpectSequence(const YAML::Node& node, const std::string& path);

  /// Reports non-scalar keys, duplicate keys and keys in neither `allowed` nor `also_allowed`;
  /// the message lists the allowed keys. An unknown key's text is shown only outside secret
  /// sections and when it looks like a name; otherwise the error is at `path` and gives the
  /// key's line and column.
  void CheckKeys(const YAML::Node& map, const std::string& path,
                 std::span<const std::string_view> allowed,
                 std::span<const std::string_view> also_allowed = {});

  /// `map[key]` as a string. Absent: nullopt, plus "missing required field" if required.
  std::optional<std::string> String(const YAML::Node& map, const std::string& path,
                                    std::string_view key, Need need = Need::kOptional);
  /// Like String() but never echoes the value, and expands a whole-value "${NAME}" from the
  /// environment (error if NAME is unset).
  std::optional<Secret> SecretString(const YAML::Node& map, const std::string& path,
                                     std::string_view key);
  /// An integer within [min, max].
  std::optional<long long> Integer(const YAML::Node& map, const std::string& path,
                                   std::string_view key, long long min, long long max);
  /// A number within [min, max].
  std::optional<double> Real(const YAML::Node& map, const std::string& path, std::string_view key,
                             double min, double max);
  /// A positive duration such as "30s" (see ParseDuration).
  std::optional<Duration> DurationField(const YAML::Node& map, const std::string& path,
                                        std::string_view key);

  /// One of the names in `table`; the error lists them all (and quotes the value unless in a
  /// secret section).
  template <class E, std::size_t N>
  std::optional<E> Enum(const YAML::Node& map, const std::string& path, std::string_view key,
                        const EnumName<E> (&table)[N], Need need = Need::kOptional) {
    const auto text = String(map, path, key, need);
    if (!text) return std::nullopt;
    const auto value = ParseEnum(table, *text);
    if (!value) {
      const std::string field = JoinPath(path, key);
      Error(map[std::string(key)], field,
            IsSecretPath(field)
                ? "unknown " + std::string(key) + " (allowed: " + AllowedNames(table) + ")"
                : "unknown " + std::string(key) + " " + Quote(*text) +
                      "; allowed: " + AllowedNames(table));
    }
    return value;
  }

  /// "missing required field "key"" (+ `why`), reported at the map.
  void Missing(const YAML::Node& map, const std::string& path, std::string_view key,
               std::string_view why = {});

 private:
  /// The scalar text of `map[key]`, or nullopt (with an error naming `expected` unless absent).
  /// Never puts the value itself into a message, so it is safe for secrets.
  std::optional<std::string> Scalar(const YAML::Node& map, const std::string& path,
                                    std::string_view key, Need need, const char* expected);

  std::string file_;
  Diagnostics& diag_;
  int line_offset_ = 0;
};

}  // namespace surfzone::config::detail
