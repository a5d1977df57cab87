#include "surfzone/config/load.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "include.hpp"
#include "sections.hpp"

namespace surfzone::config {
namespace {

namespace fs = std::filesystem;
using detail::Diagnostics;
using detail::FileReader;
using detail::Quote;
using detail::Where;

// Included files hold locations only; the other top-level keys get their own message.
constexpr std::string_view kIncludedKeys[] = {"locations"};
constexpr std::string_view kMainFileOnlyKeys[] = {"include", "auths", "defaults", "controllers",
                                                  "profiles"};

std::optional<std::string> ReadFile(const fs::path& path, Diagnostics& diag) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    diag.Add(Where{path.string(), YAML::Mark::null_mark(), ""},
             "is a directory, not a configuration file");
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diag.Add(Where{path.string(), YAML::Mark::null_mark(), ""},
             std::string("cannot open: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// nullopt after a syntax error (reported); a null node for an empty document.
std::optional<YAML::Node> ParseYaml(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.empty()) return YAML::Node();
    if (documents.size() > 1) {
      diag.Add(Where{file, documents[1].Mark(), ""}, "only one YAML document per file is allowed");
    }
    return documents[0];
  } catch (const YAML::Exception& e) {
    diag.Add(Where{file, e.mark, ""}, "YAML syntax error: " + e.msg);
    return std::nullopt;
  }
}

void LoadIncluded(const fs::path& path, const PollSettings& defaults, detail::CrossChecker& checker,
                  Diagnostics& diag, std::vector<Location>& out) {
  const auto text = ReadFile(path, diag);
  if (!text) return;
  const auto root = ParseYaml(*text, path.string(), diag);
  if (!root || root->IsNull()) return;
  FileReader reader(path.string(), diag);
  if (!reader.ExpectMap(*root, "")) return;
  for (const auto& entry : *root) {
    const YAML::Node key_node = entry.first;
    if (!key_node.IsScalar()) continue;  // CheckKeys below reports it
    const std::string key = key_node.Scalar();
    if (key == "include") {
      reader.Error(key_node, key, "included files may not include further files");
    } else if (key == "auths" || key == "defaults" || key == "controllers" || key == "profiles") {
      reader.Error(key_node, key,
                   Quote(key) +
                       " is only allowed in the main configuration file; included "
                       "files may contain only \"locations\"");
    }
  }
  reader.CheckKeys(*root, "", kIncludedKeys, kMainFileOnlyKeys);
  detail::ParseLocations(reader, (*root)["locations"], defaults, checker, out);
}

Config LoadImpl(const std::string& text, const std::string& name, const fs::path& base_dir,
                const fs::path& self, const LoadOptions& options) {
  Diagnostics diag;
  Config config;
  config.source_file = name;
  const auto root = ParseYaml(text, name, diag);
  if (root && !root->IsNull()) {
    FileReader reader(name, diag);
    if (reader.ExpectMap(*root, "")) {
      reader.CheckKeys(*root, "", detail::kTopLevelKeys);
      config.auths = detail::ParseAuths(reader, (*root)["auths"]);
      const detail::Defaults defaults = detail::ParseDefaults(reader, (*root)["defaults"]);
      config.defaults = defaults.poll;
      config.max_in_flight = defaults.max_in_flight;
      config.default_auth = defaults.auth;
      detail::CrossChecker checker(diag, options, config.auths);
      if (!defaults.auth.empty()) checker.SetDefaultAuth(defaults.auth, defaults.auth_at);
      config.profiles = detail::ParseProfiles(reader, (*root)["profiles"]);
      checker.AddProfiles(config.profiles);
      config.controllers =
          detail::ParseControllers(reader, (*root)["controllers"], config.defaults, checker);
      detail::ParseLocations(reader, (*root)["locations"], config.defaults, checker,
                             config.locations);
      for (const fs::path& file :
           detail::ResolveIncludes(reader, (*root)["include"], base_dir, self)) {
        LoadIncluded(file, config.defaults, checker, diag, config.locations);
      }
    }
  }
  if (!diag.empty()) throw ConfigException(diag.Take());
  return config;
}

}  // namespace

Config LoadFile(const std::string& path, const LoadOptions& options) {
  Diagnostics diag;
  const auto text = ReadFile(path, diag);
  if (!text) throw ConfigException(diag.Take());
  return LoadImpl(*text, path, fs::path(path).parent_path(), path, options);
}

Config LoadString(const std::string& yaml, const std::string& name, const LoadOptions& options) {
  return LoadImpl(yaml, name, fs::path(), fs::path(), options);
}

}  // namespace surfzone::config
