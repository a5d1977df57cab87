#pragma once
// Helpers shared by the config tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "surfzone/config/load.hpp"
#include "surfzone/testing/child_process.hpp"

namespace surfzone::config::testing {

inline std::string Dump(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& error : errors) out += "  " + error.ToString() + "\n";
  return out.empty() ? "  (no errors)\n" : out;
}

/// The errors LoadString reports for `yaml` (named "test.yaml") with `options` as given; empty if
/// it loads.
inline std::vector<ConfigError> ErrorsWith(const std::string& yaml, const LoadOptions& options) {
  try {
    LoadString(yaml, "test.yaml", options);
  } catch (const ConfigException& e) {
    return e.errors();
  }
  return {};
}

/// The errors LoadFile reports for `path` with `options`; empty if it loads.
inline std::vector<ConfigError> FileErrors(const std::string& path,
                                           const LoadOptions& options = {}) {
  try {
    LoadFile(path, options);
  } catch (const ConfigException& e) {
    return e.errors();
  }
  return {};
}

/// The errors LoadString reports for `yaml` (named "test.yaml"); empty if it loads.
/// Also checks that loading the whole document as one tree (what the streamed load of
/// `locations:` falls back to) reports exactly the same.
inline std::vector<ConfigError> ErrorsOf(const std::string& yaml, const LoadOptions& options = {}) {
  auto errors = ErrorsWith(yaml, options);
  LoadOptions whole = options;
  whole.parse = LoadOptions::Parse::kWholeDocument;
  EXPECT_EQ(Dump(errors), Dump(ErrorsWith(yaml, whole))) << "whole-document load differs";
  return errors;
}

/// Success if some error is at file:line with this field path, its message contains `text`, and
/// its ToString() shows "file:line:" and the field.
inline ::testing::AssertionResult HasError(const std::vector<ConfigError>& errors,
                                           const std::string& file, int line,
                                           const std::string& field, const std::string& text) {
  for (const auto& error : errors) {
    const std::string shown = error.ToString();
    if (error.file == file && error.line == line && error.field == field &&
        error.message.find(text) != std::string::npos &&
        shown.starts_with(file + ":" + std::to_string(line) + ":") &&
        shown.find(" " + field + ": ") != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure()
         << "no error " << file << ":" << line << ": " << field << ": ..." << text << "... among:\n"
         << Dump(errors);
}

inline ::testing::AssertionResult HasError(const std::vector<ConfigError>& errors, int line,
                                           const std::string& field, const std::string& text) {
  return HasError(errors, "test.yaml", line, field, text);
}

/// Temp directories come from the shared test support library.
using surfzone::testing::TempDir;

/// A v2c auth block, 3 lines long: tests append after it, so their first line is 4.
constexpr const char* kAuths = R"(auths:
  v2:
    version: 2c
)";

}  // namespace surfzone::config::testing
