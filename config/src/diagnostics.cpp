#include "diagnostics.hpp"

namespace surfzone::config {
namespace {

std::string JoinErrors(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const ConfigError& error : errors) {
    if (!out.empty()) out += '\n';
    out += error.ToString();
  }
  return out;
}

}  // namespace

std::string ConfigError::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!field.empty()) out += field + ": ";
  out += message;
  return out;
}

ConfigException::ConfigException(std::vector<ConfigError> errors)
    : std::runtime_error(JoinErrors(errors)), errors_(std::move(errors)) {}

namespace detail {

std::string Where::Position() const {
  if (mark.is_null()) return file;
  return file + ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
}

void Diagnostics::Add(const Where& where, std::string message) {
  ConfigError error;
  error.file = where.file;
  if (!where.mark.is_null()) {
    error.line = where.mark.line + 1;
    error.column = where.mark.column + 1;
  }
  error.field = where.path;
  error.message = std::move(message);
  errors_.push_back(std::move(error));
}

std::string JoinPath(std::string_view base, std::string_view key) {
  if (base.empty()) return std::string(key);
  std::string out(base);
  out += '.';
  out += key;
  return out;
}

std::string IndexPath(std::string_view base, std::size_t index) {
  return std::string(base) + "[" + std::to_string(index) + "]";
}

std::string Quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace detail
}  // namespace surfzone::config
