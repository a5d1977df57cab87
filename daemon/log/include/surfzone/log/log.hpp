#pragma once

/// @file
/// Logging for surfzoned, following exporter conventions (`--log.level`, `--log.format`): one line
/// per record on stderr, either logfmt
///   `ts=2026-11-23T10:00:00.123Z level=info msg="AP went down" ap=stortorget-1`
/// or one JSON object per line
///   `{"ts":"2026-11-23T10:00:00.123Z","level":"info","msg":"AP went down","ap":"stortorget-1"}`.
///
/// Built on spdlog: SetupLogging() also installs the spdlog default logger, so plain
/// `spdlog::info("...")` calls elsewhere come out in the same format (with the text as `msg`).
/// All functions are thread-safe.

#include <fmt/format.h>

#include <concepts>
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

namespace surfzone::log {

/// Severity, lowest first. Records below the configured level are dropped.
enum class Level { kDebug, kInfo, kWarn, kError };

/// Output encoding of a record.
enum class Format { kLogfmt, kJson };

/// "debug" | "info" | "warn" | "error" (exact, lower case); nullopt otherwise.
std::optional<Level> ParseLevel(std::string_view text);

/// "logfmt" | "json" (exact, lower case); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view text);

/// The canonical name of a level/format ("info", "logfmt", ...), as accepted by the parsers.
std::string_view ToString(Level level);
std::string_view ToString(Format format);

/// Configures logging to stderr. May be called again at any time (e.g. on reload); records logged
/// concurrently go either to the old or the new configuration, never interleaved within a line.
/// Before the first call, records are written to stderr as logfmt at level info.
void SetupLogging(Level level, Format format);

/// As above but writes to `out` (for tests). `out` must outlive all logging until SetupLogging is
/// called again with another destination. Each record is written as one line and flushed.
void SetupLogging(Level level, Format format, std::ostream& out);

/// One structured key/value pair of a record. Values are stored as text; numbers and booleans are
/// converted with their natural representation (`42`, `0.5`, `true`).
struct Field {
  Field(std::string_view k, std::string_view v) : key(k), value(v) {}
  Field(std::string_view k, const char* v) : key(k), value(v != nullptr ? v : "") {}
  template <typename T>
  requires std::is_arithmetic_v<T> Field(std::string_view k, T v) : key(k) {
    if constexpr (std::is_same_v<T, bool>) {
      value = v ? "true" : "false";
    } else {
      value = fmt::format("{}", v);
    }
  }

  std::string key;
  std::string value;
};

/// True when a record at `level` would currently be written (to skip building expensive fields).
bool Enabled(Level level);

/// Writes one record `msg` with `fields` in the configured format, if `level` is enabled.
/// Keys are written as given, except that characters not allowed in a logfmt key (space, '=',
/// '"', control characters) are replaced by '_' in logfmt output. Values are quoted and escaped
/// as needed: in logfmt a value is double-quoted when it is empty or contains a space, '=', '"'
/// or a control character, with `\`, `"`, newline, CR, tab escaped as `\\ \" \n \r \t` and other
/// control characters as `\u00XX`; in JSON every string is escaped per RFC 8259.
void LogFields(Level level, std::string_view msg, std::span<const Field> fields);

inline void Log(Level level, std::string_view msg, std::initializer_list<Field> fields = {}) {
  LogFields(level, msg, std::span<const Field>(fields.begin(), fields.size()));
}
inline void Debug(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kDebug, msg, fields);
}
inline void Info(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kInfo, msg, fields);
}
inline void Warn(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kWarn, msg, fields);
}
inline void Error(std::string_view msg, std::initializer_list<Field> fields = {}) {
  Log(Level::kError, msg, fields);
}

}  // namespace surfzone::log
