#pragma once

// Encoding of log records as logfmt or JSON lines (internal to surfzone_log).

#include <chrono>
#include <span>
#include <string>
#include <string_view>

#include "surfzone/log/log.hpp"

namespace surfzone::log::internal {

/// Appends `key` as a logfmt key: characters that would break parsing become '_'.
void AppendLogfmtKey(std::string& out, std::string_view key);

/// Appends `value` as a logfmt value, quoted and escaped when needed.
void AppendLogfmtValue(std::string& out, std::string_view value);

/// Appends `value` as a JSON string literal (with the surrounding quotes).
void AppendJsonString(std::string& out, std::string_view value);

/// Appends `time` as RFC 3339 UTC with milliseconds, e.g. 2026-11-23T10:00:00.123Z.
void AppendTimestamp(std::string& out, std::chrono::system_clock::time_point time);

/// Encodes the message and fields part of a record: ` msg="..." k=v` (logfmt) or
/// `,"msg":"...","k":"v"` (JSON), i.e. what follows the ts and level of a line.
std::string EncodeBody(Format format, std::string_view msg, std::span<const Field> fields);

/// A whole line including the trailing newline, from an already encoded body.
std::string FormatLine(Format format, std::chrono::system_clock::time_point time,
                       std::string_view level, std::string_view body);

}  // namespace surfzone::log::internal
