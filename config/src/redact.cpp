#include "redact.hpp"

#include <cctype>

namespace surfzone::config::detail {

std::string_view SecretSectionOf(std::string_view path) {
  const std::string_view top = path.substr(0, path.find_first_of(".["));
  for (std::string_view section : kSecretSections) {
    if (top == section) return section;
  }
  return {};
}

std::string HiddenNote(std::string_view path) {
  return "(value hidden in " + std::string(SecretSectionOf(path)) + ")";
}

std::string Shape(const YAML::Node& node, bool with_size) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      return "null";
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence: {
      if (!with_size) return "a list";
      const std::size_t n = node.size();
      return "a list of " + std::to_string(n) + (n == 1 ? " item" : " items");
    }
    case YAML::NodeType::Scalar: {
      // yaml-cpp tags plain scalars "?" and quoted or block ones "!".
      std::string out = node.Tag() == "!" ? "a quoted scalar" : "a plain scalar";
      if (with_size) out += " of " + std::to_string(node.Scalar().size()) + " characters";
      return out;
    }
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

bool LooksLikeName(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

std::string SafeYamlMessage(const std::string& message) {
  for (std::string_view prefix :
       {"unknown escape character", "invalid unicode", "bad YAML version"}) {
    if (message.starts_with(prefix)) return std::string(prefix);
  }
  return message;
}

}  // namespace surfzone::config::detail
