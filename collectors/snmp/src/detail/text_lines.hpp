#pragma once
/// Internal: reading a walk file's text line by line.

#include <string_view>

namespace surfzone::snmp::detail {

/// Removes the first line (and its '\n') from `text` and returns it without a trailing '\r'.
inline std::string_view TakeLine(std::string_view& text) {
  const auto nl = text.find('\n');
  std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace surfzone::snmp::detail
