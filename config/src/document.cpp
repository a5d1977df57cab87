#include "document.hpp"

#include <yaml-cpp/depthguard.h>

#include "redact.hpp"
#include "sections.hpp"
#include "utf8.hpp"

namespace surfzone::config::detail {
namespace {

// The whole text as one tree: nullopt after a syntax error (reported); null for no document.
std::optional<YAML::Node> LoadWhole(const std::string& text, const std::string& file,
                                    Diagnostics& diag) {
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(text);
    if (documents.empty()) return YAML::Node();
    if (documents.size() > 1) {
      diag.Add(Where{file, documents[1].Mark(), ""}, "only one YAML document per file is allowed");
    }
    return documents[0];
  } catch (const YAML::DeepRecursion& e) {
    diag.Add(Where{file, e.mark, ""},
             "nesting deeper than " + std::to_string(e.depth() - 1) + " levels");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diag.Add(Where{file, e.mark, ""}, "YAML syntax error: " + SafeYamlMessage(e.msg));
    return std::nullopt;
  }
}

// A piece of a file that parsed as a whole: it must parse on its own too.
YAML::Node LoadPiece(const std::string& text, const std::string& what) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception&) {
    throw WholeDocumentNeeded(what + " does not parse on its own");
  }
}

// Binary data (an image, /dev/urandom, UTF-16) is named as such before YAML sees it: yaml-cpp
// would report something unrelated ("only one YAML document per file is allowed").
bool CheckText(const std::string& text, const std::string& file, Diagnostics& diag) {
  const auto at = FirstBinaryByte(text);
  if (!at) return true;
  YAML::Mark mark;
  for (std::size_t i = 0; i < *at; ++i) {
    if (text[i] == '\n') {
      ++mark.line;
      mark.column = 0;
    } else {
      ++mark.column;
    }
  }
  mark.pos = static_cast<int>(*at);
  diag.Add(Where{file, mark, ""}, "not UTF-8 text (byte " + EscapeBytes(text.substr(*at, 1)) +
                                      " cannot appear in a YAML file)");
  return false;
}

}  // namespace

std::optional<Document> Document::Read(std::string text, const std::string& file, Diagnostics& diag,
                                       LoadOptions::Parse mode) {
  if (!CheckText(text, file, diag)) return std::nullopt;
  Document document;
  LocationsLayout layout;
  if (mode != LoadOptions::Parse::kWholeDocument) {
    layout = ScanLocations(text);
    if (!layout.reason.empty() && mode == LoadOptions::Parse::kStreamedOnly) {
      throw WholeDocumentNeeded(file + ": " + layout.reason);
    }
  }
  if (layout.items.empty()) {
    auto root = LoadWhole(text, file, diag);
    if (!root) return std::nullopt;
    document.root_ = std::move(*root);
    return document;
  }
  document.root_ = LoadPiece(BlankItems(text, layout.items), file + " without its locations");
  if (OutsideDigest(document.root_) != layout.outside_digest) {
    throw WholeDocumentNeeded(file +
                              ": the rest of the file parses differently without its "
                              "locations");
  }
  document.items_ = std::move(layout.items);
  document.text_ = std::move(text);
  return document;
}

void Document::ParseLocations(FileReader& reader, const PollSettings& defaults,
                              CrossChecker& checker, std::vector<Location>& out) const {
  if (items_.empty()) {
    detail::ParseLocations(reader, root_["locations"], defaults, checker, out);
    return;
  }
  FileReader item_reader(reader.file(), reader.diag());
  out.reserve(out.size() + items_.size());
  for (std::size_t i = 0; i < items_.size(); ++i) {
    const LocationItem& item = items_[i];
    const std::string what = reader.file() + ": " + IndexPath("locations", i);
    const YAML::Node node = LoadPiece(ItemText(text_, item), what);
    if (ItemDigest(node) != item.digest) {
      throw WholeDocumentNeeded(what + " parses differently on its own");
    }
    item_reader.set_line_offset(item.line);
    ParseLocationItem(item_reader, node, i, defaults, checker, out);
  }
}

}  // namespace surfzone::config::detail
