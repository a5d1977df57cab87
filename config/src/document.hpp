#pragma once
/// Internal: one configuration file's YAML, parsed for the loader. The items of a plain
/// `locations:` list are loaded one at a time (see locations_layout.hpp); everything else
/// comes from a node tree of the file with those items blanked out.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "locations_layout.hpp"
#include "surfzone/config/load.hpp"
#include "validate.hpp"
#include "yaml_util.hpp"

namespace surfzone::config::detail {

/// Thrown when a file cannot be streamed after all (an item loaded on its own does not match
/// the first pass); the whole load is then redone with LoadOptions::Parse::kWholeDocument.
struct WholeDocumentNeeded : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `load(options)`; if a file turns out not to stream after all, `load` again with
/// Parse::kWholeDocument (or std::logic_error with the reason under Parse::kStreamedOnly).
template <class Load>
auto WithWholeDocumentFallback(const LoadOptions& options, const Load& load) {
  try {
    return load(options);
  } catch (const WholeDocumentNeeded& e) {
    if (options.parse == LoadOptions::Parse::kStreamedOnly) {
      throw std::logic_error(std::string("cannot stream: ") + e.what());
    }
    LoadOptions whole = options;
    whole.parse = LoadOptions::Parse::kWholeDocument;
    return load(whole);
  }
}

class Document {
 public:
  /// nullopt after a syntax error (reported to `diag`). Throws WholeDocumentNeeded for a file
  /// that cannot be streamed under Parse::kStreamedOnly.
  static std::optional<Document> Read(std::string text, const std::string& file, Diagnostics& diag,
                                      LoadOptions::Parse mode);

  /// The root node (null for an empty document). When streamed, its `locations` is null.
  const YAML::Node& root() const { return root_; }

  /// The file's `locations:` (absent or null: none), appended to `out`; paths use the index
  /// within this file.
  void ParseLocations(FileReader& reader, const PollSettings& defaults, CrossChecker& checker,
                      std::vector<Location>& out) const;

 private:
  Document() = default;

  std::string text_;  // kept only when streamed
  YAML::Node root_;
  std::vector<LocationItem> items_;  // empty: `locations` is in root_
};

}  // namespace surfzone::config::detail
