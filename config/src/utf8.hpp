#pragma once
/// Internal: UTF-8 checks for configuration text (whole files and label values).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace surfzone::config::detail {

/// Offset of the first byte that does not start a well-formed UTF-8 sequence (overlong forms,
/// surrogates and code points above U+10FFFF are ill-formed); nullopt if all of `text` is UTF-8.
std::optional<std::size_t> FirstInvalidUtf8(std::string_view text);

/// Offset of the first byte no text file holds: NUL, a C0 control other than tab, LF and CR, or
/// DEL (none may appear in YAML); nullopt if none.
std::optional<std::size_t> FirstBinaryByte(std::string_view text);

/// `text` with every byte that is not part of valid UTF-8, and every control character, written
/// as \xNN: safe to show in a message.
std::string EscapeBytes(std::string_view text);

}  // namespace surfzone::config::detail
