#pragma once
/// Internal: keeping secrets out of error messages.
///
/// Values and unknown keys inside a secret section (see kSecretSections) are never quoted; an
/// error there names the file, line, column and field path only. Outside those sections a key
/// is quoted only when it looks like a field name, and a file's root that is not a map is
/// described by its shape and size, never by its text (it may be an env file of NAME=secret).

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

namespace surfzone::config::detail {

/// Top-level sections that hold secrets. A new section with passwords or tokens opts in by
/// being listed here; every FileReader message about a path under it then hides the value.
inline constexpr std::string_view kSecretSections[] = {"auths"};

/// The secret section `path` is in ("auths" for "auths.a.priv_password"), or "" if none.
std::string_view SecretSectionOf(std::string_view path);
inline bool IsSecretPath(std::string_view path) { return !SecretSectionOf(path).empty(); }

/// "(value hidden in auths)" for a path in a secret section.
std::string HiddenNote(std::string_view path);

/// The node's kind without its text: "null", "a map", "a list of 3 items", "a plain scalar",
/// "a quoted scalar"; with `with_size` a scalar also gets "of N characters".
std::string Shape(const YAML::Node& node, bool with_size);

/// True for text that reads like a field name (letters, digits, '_', '-', '.', at most 64),
/// and so is safe to quote as an unknown key; an env line "NAME=secret" is not.
bool LooksLikeName(std::string_view text);

/// A yaml-cpp parser message without the piece of input some of them append (an escape
/// character, a unicode value, a version): "unknown escape character" for
/// "unknown escape character: q".
std::string SafeYamlMessage(const std::string& message);

}  // namespace surfzone::config::detail
