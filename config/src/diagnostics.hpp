#pragma once
/// Internal: collecting ConfigErrors and remembering where things were written.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "surfzone/config/load.hpp"

namespace surfzone::config::detail {

/// Where something was written: file, yaml-cpp mark (0-based, possibly null) and field path.
struct Where {
  std::string file;
  YAML::Mark mark = YAML::Mark::null_mark();
  std::string path;

  /// "file:line:column" (1-based), or just "file" when the mark is unknown.
  std::string Position() const;
};

/// Accumulates the errors of one load; nothing stops at the first problem. Keeps the first
/// kMaxErrors (with bytes that are not UTF-8, and control characters, escaped as \xNN) and
/// counts the rest.
class Diagnostics {
 public:
  void Add(const Where& where, std::string message);
  void Add(ConfigError error);
  bool empty() const { return errors_.empty(); }
  const std::vector<ConfigError>& errors() const { return errors_; }
  /// The kept errors (the count of the others is dropped: use Exception() to report them).
  std::vector<ConfigError> Take() { return std::move(errors_); }
  /// The ConfigException for what was collected (errors kept and the count of the rest).
  ConfigException Exception() { return ConfigException(std::move(errors_), more_); }

 private:
  std::vector<ConfigError> errors_;
  std::size_t more_ = 0;  // errors beyond kMaxErrors, counted only
};

/// "a.b" (or "b" when base is empty).
std::string JoinPath(std::string_view base, std::string_view key);
/// "a[3]".
std::string IndexPath(std::string_view base, std::size_t index);
/// The text in double quotes, for naming values in messages.
std::string Quote(std::string_view text);

}  // namespace surfzone::config::detail
