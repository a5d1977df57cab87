#pragma once
/// Loading and validating surfzoned's YAML configuration.

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "surfzone/config/config.hpp"

namespace surfzone::config {

/// One validation problem: where it is and what is wrong.
/// ToString() gives "file:line:column: field.path: message" (line/column 1-based).
struct ConfigError {
  std::string file;
  int line = 0;  // 0 when unknown (e.g. file not found)
  int column = 0;
  std::string field;  // e.g. "locations[2].access_points[0].auth"
  std::string message;
  std::string ToString() const;
};

/// The most errors a load keeps; past these it only counts (a file with 300,000 errors must not
/// cost hundreds of MB, nor a log line or reload reply of 59 MB).
inline constexpr std::size_t kMaxErrors = 100;

/// Thrown by Load* when the configuration has one or more errors. errors() holds the first
/// kMaxErrors, more_errors() how many were found beyond those; what() joins errors() by
/// newlines and, if there were more, ends with "... and N more errors".
class ConfigException : public std::runtime_error {
 public:
  explicit ConfigException(std::vector<ConfigError> errors, std::size_t more_errors = 0);
  const std::vector<ConfigError>& errors() const { return errors_; }
  std::size_t more_errors() const { return more_errors_; }
  std::size_t total_errors() const { return errors_.size() + more_errors_; }

 private:
  std::vector<ConfigError> errors_;
  std::size_t more_errors_ = 0;
};

/// "... and N more errors" (N = `more`), the line that ends a capped list of errors.
std::string MoreErrorsLine(std::size_t more);

/// Profiles the loader accepts for `profile:`; the daemon passes the names it knows.
struct LoadOptions {
  std::vector<std::string> known_profiles{"generic"};
  /// Of those, the ones with a controller AP table (allowed for `controllers:`).
  std::vector<std::string> controller_profiles;

  /// How each file's YAML is read. All give the same Config and the same errors.
  enum class Parse {
    /// The items of a plain `locations:` list are loaded one at a time, so peak memory does not
    /// grow with the file; other files (anchors, flow style, syntax errors, ...) as kWholeDocument.
    kAuto,
    /// Every file as one node tree (what kAuto falls back to).
    kWholeDocument,
    /// For tests: kAuto, but std::logic_error (with the reason) where it would fall back.
    kStreamedOnly,
  };
  Parse parse = Parse::kAuto;

  /// Largest file (the main one and each included one) that is read; a larger one is an error
  /// ("too large"), and nothing past this many bytes is read (`--config.max-size`).
  std::uint64_t max_file_size = kDefaultMaxFileSize;
  static constexpr std::uint64_t kDefaultMaxFileSize = std::uint64_t{64} << 20;  // 64 MiB
};

/// Reads `path` (and its `include:` globs, relative to its directory), validates everything,
/// collects *all* errors and throws ConfigException if there is any.
/// Included files may hold only `locations:`; a glob matching nothing is fine, a missing literal
/// file is an error. Every file must be a regular file (not a directory, FIFO or device) of at
/// most `options.max_file_size` bytes of text. A secret field (community, auth_password,
/// priv_password) whose whole value is
/// `${NAME}` is read from environment variable NAME (error if unset). Error messages never contain
/// secret values. See config/example.yaml for the full schema.
Config LoadFile(const std::string& path, const LoadOptions& options = {});

/// Same, from a string; `name` is used as the file name in errors; includes resolve from CWD.
Config LoadString(const std::string& yaml, const std::string& name = "<string>",
                  const LoadOptions& options = {});

/// "30s", "1m30s", "500ms", "2h", "1d" -> milliseconds; nullopt if malformed or zero/negative.
/// Units (d, h, m, s, ms) must appear largest first, each at most once; a unit is required.
std::optional<Duration> ParseDuration(const std::string& text);

/// "host", "host:port", "1.2.3.4:1161", "[::1]:161", "::1" -> Address; nullopt if malformed.
/// Default port 161; ports 1..65535. Host is kept as written (brackets removed); names are
/// syntax-checked only, never resolved.
std::optional<Address> ParseAddress(const std::string& text);

}  // namespace surfzone::config
