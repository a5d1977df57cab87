#include "diagnostics.hpp"

#include "utf8.hpp"

namespace surfzone::config {
namespace {

std::string JoinErrors(const std::vector<ConfigError>& errors, std::size_t more) {
  std::string out;
  for (const ConfigError& error : errors) {
    if (!out.empty()) out += '\n';
    out += error.ToString();
  }
  if (more > 0) out += '\n' + MoreErrorsLine(more);
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

std::string MoreErrorsLine(std::size_t more) {
  return "... and " + std::to_string(more) + " more error" + (more == 1 ? "" : "s");
}

ConfigException::ConfigException(std::vector<ConfigError> errors, std::size_t more_errors)
    : std::runtime_error(JoinErrors(errors, more_errors)),
      errors_(std::move(errors)),
      more_errors_(more_errors) {}

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
  Add(std::move(error));
}

void Diagnostics::Add(ConfigError error) {
  if (errors_.size() < kMaxErrors) {
    // A message may quote config text (an unknown key, a bad kind): never with raw bytes that
    // are not UTF-8, which would garble a terminal and break a JSON log line.
    error.field = EscapeBytes(error.field);
    error.message = EscapeBytes(error.message);
    errors_.push_back(std::move(error));
  } else {
    ++more_;
  }
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
