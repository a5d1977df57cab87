#include "surfzone/config/load.hpp"

#include <filesystem>
#include <optional>

#include "document.hpp"
#include "include.hpp"
#include "read_file.hpp"
#include "sections.hpp"

namespace surfzone::config {
namespace {

namespace fs = std::filesystem;
using detail::Diagnostics;
using detail::Document;
using detail::FileReader;
using detail::Has;
using detail::Quote;
using detail::Where;

// Included files hold locations only; the other top-level keys get their own message.
constexpr std::string_view kIncludedKeys[] = {"locations"};
constexpr std::string_view kMainFileOnlyKeys[] = {"include",  "auths", "defaults",   "controllers",
                                                  "profiles", "shard", "allow_empty"};

// `allow_empty:` (absent: false).
bool ParseAllowEmpty(FileReader& reader, const YAML::Node& root) {
  if (!Has(root, "allow_empty")) return false;
  const YAML::Node node = root["allow_empty"];
  if (node.IsScalar() && (node.Scalar() == "true" || node.Scalar() == "false")) {
    return node.Scalar() == "true";
  }
  reader.Error(node, "allow_empty", "expected true or false, got " + detail::Describe(node));
  return false;
}

void LoadIncluded(const fs::path& path, const PollSettings& defaults, detail::CrossChecker& checker,
                  Diagnostics& diag, const LoadOptions& options, std::vector<Location>& out) {
  auto text = detail::ReadConfigFile(path, options.max_file_size, diag);
  if (!text) return;
  const auto document = Document::Read(std::move(*text), path.string(), diag, options.parse);
  if (!document || document->root().IsNull()) return;
  const YAML::Node& root = document->root();
  FileReader reader(path.string(), diag);
  if (!reader.ExpectMap(root, "")) return;
  for (const auto& entry : root) {
    const YAML::Node key_node = entry.first;
    if (!key_node.IsScalar()) continue;  // CheckKeys below reports it
    const std::string key = key_node.Scalar();
    if (key == "include") {
      reader.Error(key_node, key, "included files may not include further files");
    } else if (key == "auths" || key == "defaults" || key == "controllers" || key == "profiles" ||
               key == "shard" || key == "allow_empty") {
      reader.Error(key_node, key,
                   Quote(key) +
                       " is only allowed in the main configuration file; included "
                       "files may contain only \"locations\"");
    }
  }
  reader.CheckKeys(root, "", kIncludedKeys, kMainFileOnlyKeys);
  document->ParseLocations(reader, defaults, checker, out);
}

Config LoadImpl(std::string text, const std::string& name, const fs::path& base_dir,
                const fs::path& self, const LoadOptions& options) {
  Diagnostics diag;
  Config config;
  config.source_file = name;
  const auto document = Document::Read(std::move(text), name, diag, options.parse);
  if (document && !document->root().IsNull()) {
    const YAML::Node& root = document->root();
    FileReader reader(name, diag);
    if (reader.ExpectMap(root, "")) {
      reader.CheckKeys(root, "", detail::kTopLevelKeys);
      config.auths = detail::ParseAuths(reader, root["auths"]);
      const detail::Defaults defaults = detail::ParseDefaults(reader, root["defaults"]);
      config.defaults = defaults.poll;
      config.max_in_flight = defaults.max_in_flight;
      config.default_auth = defaults.auth;
      config.shard = detail::ParseShardSection(reader, root["shard"]);
      config.allow_empty = ParseAllowEmpty(reader, root);
      detail::CrossChecker checker(diag, options, config.auths);
      if (!defaults.auth.empty()) checker.SetDefaultAuth(defaults.auth, defaults.auth_at);
      config.profiles = detail::ParseProfiles(reader, root["profiles"]);
      checker.AddProfiles(config.profiles);
      config.controllers =
          detail::ParseControllers(reader, root["controllers"], config.defaults, checker);
      document->ParseLocations(reader, config.defaults, checker, config.locations);
      for (const fs::path& file :
           detail::ResolveIncludes(reader, root["include"], base_dir, self)) {
        LoadIncluded(file, config.defaults, checker, diag, options, config.locations);
      }
    }
  }
  if (!diag.empty()) throw diag.Exception();
  return config;
}

}  // namespace

Config LoadFile(const std::string& path, const LoadOptions& options) {
  const auto read = [&path, &options] {
    Diagnostics diag;
    auto text = detail::ReadConfigFile(path, options.max_file_size, diag);
    if (!text) throw diag.Exception();
    return std::move(*text);
  };
  return detail::WithWholeDocumentFallback(options, [&](const LoadOptions& attempt) {
    return LoadImpl(read(), path, fs::path(path).parent_path(), path, attempt);
  });
}

Config LoadString(const std::string& yaml, const std::string& name, const LoadOptions& options) {
  return detail::WithWholeDocumentFallback(options, [&](const LoadOptions& attempt) {
    return LoadImpl(yaml, name, fs::path(), fs::path(), attempt);
  });
}

}  // namespace surfzone::config
