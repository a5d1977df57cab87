#pragma once
// Helpers shared by the config tests.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "surfzone/config/load.hpp"

namespace surfzone::config::testing {

/// The errors LoadString reports for `yaml` (named "test.yaml"); empty if it loads.
inline std::vector<ConfigError> ErrorsOf(const std::string& yaml, const LoadOptions& options = {}) {
  try {
    LoadString(yaml, "test.yaml", options);
  } catch (const ConfigException& e) {
    return e.errors();
  }
  return {};
}

inline std::string Dump(const std::vector<ConfigError>& errors) {
  std::string out;
  for (const auto& error : errors) out += "  " + error.ToString() + "\n";
  return out.empty() ? "  (no errors)\n" : out;
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

/// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "surfzone_cfg_XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `text` to path()/relative (creating directories) and returns the full path.
  std::string Write(const std::string& relative, const std::string& text) const {
    const auto full = path_ / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream(full) << text;
    return full.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace surfzone::config::testing
