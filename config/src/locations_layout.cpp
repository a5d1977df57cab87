#include "locations_layout.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <optional>
#include <sstream>

namespace surfzone::config::detail {
namespace {

/// FNV-1a over the parse events of one item: kind, line (relative to the item's first line),
/// column and scalar text of every node, and the end of every map and list.
class Digest {
 public:
  void Start(char kind, const YAML::Mark& mark, int first_line) {
    Add(kind);
    Add(mark.line - first_line);
    Add(mark.column);
  }
  void Scalar(const std::string& value) {
    Add(static_cast<int>(value.size()));
    for (char c : value) Add(c);
  }
  void End(char kind) { Add(kind); }
  std::uint64_t value() const { return hash_; }

 private:
  void Add(char c) {
    hash_ ^= static_cast<unsigned char>(c);
    hash_ *= 0x100000001b3ULL;
  }
  void Add(int n) {
    for (int shift = 0; shift < 32; shift += 8) Add(static_cast<char>((n >> shift) & 0xff));
  }

  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

/// Thrown by the scanner to stop at the first thing that rules out streaming.
struct NotStreamable {
  std::string reason;
};

/// Event handler of the first pass: finds the `locations` list and the marks of its items.
class Scanner : public YAML::EventHandler {
 public:
  struct Item {
    YAML::Mark mark;
    Digest digest;
  };

  const std::vector<Item>& items() const { return items_; }
  /// The first mark after the list (the next top-level key); nullopt if nothing follows.
  const std::optional<YAML::Mark>& after() const { return after_; }
  bool found() const { return state_ != State::kBefore; }
  /// Of every event outside the `locations` list (lines counted from the file's start).
  std::uint64_t outside_digest() const { return outside_.value(); }

  void OnDocumentStart(const YAML::Mark&) override {
    if (++documents_ > 1) throw NotStreamable{"more than one document"};
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node('n', mark, "?", anchor, YAML::EmitterStyle::Default);
    EndOfNode();
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { throw NotStreamable{"an alias"}; }
  void OnAnchor(const YAML::Mark&, const std::string&) override {
    throw NotStreamable{"an anchor"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    // "!" is what yaml-cpp reports for every quoted scalar.
    Node('s', mark, tag == "!" ? "?" : tag, anchor, YAML::EmitterStyle::Default);
    (InLocationItem() ? items_.back().digest : outside_).Scalar(value);
    if (stack_.size() == 1 && key_turn_) {
      if (value == "locations" && state_ != State::kBefore) {
        throw NotStreamable{"\"locations\" given twice"};
      }
      key_is_locations_ = value == "locations";
    }
    EndOfNode();
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    Node('q', mark, tag, anchor, style);
    stack_.push_back('q');
  }
  void OnSequenceEnd() override { End('Q'); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    Node('m', mark, tag, anchor, style);
    stack_.push_back('m');
  }
  void OnMapEnd() override { End('M'); }

 private:
  enum class State { kBefore, kIn, kAfter };

  bool InLocationItem() const { return state_ == State::kIn && stack_.size() >= 2; }

  // The start of any node: checks, then its role (root, top-level key or value, item).
  void Node(char kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    if (anchor != YAML::NullAnchor) throw NotStreamable{"an anchor"};
    if (tag != "?" && !tag.empty()) throw NotStreamable{"an explicit tag"};
    if (state_ == State::kAfter && !after_) after_ = mark;
    if (stack_.size() == 1 && key_turn_) key_is_locations_ = false;  // OnScalar may set it
    if (stack_.empty() && kind != 'm') throw NotStreamable{"the document is not a map"};
    if (stack_.size() == 1 && !key_turn_ && key_is_locations_) {
      if (kind != 'q' || style == YAML::EmitterStyle::Flow) {
        throw NotStreamable{"\"locations\" is not a block list"};
      }
      state_ = State::kIn;
      return;
    }
    if (state_ == State::kIn && stack_.size() == 2) {
      if (kind != 'm' || style == YAML::EmitterStyle::Flow) {
        throw NotStreamable{"an item of \"locations\" is not a block map"};
      }
      items_.push_back(Item{mark, Digest()});
    }
    if (InLocationItem()) {
      items_.back().digest.Start(kind, mark, items_.back().mark.line);
    } else {
      outside_.Start(kind, mark, 0);
    }
  }

  // After a complete node: a top-level key is followed by its value and the other way round.
  void EndOfNode() {
    if (stack_.size() == 1) key_turn_ = !key_turn_;
  }

  void End(char kind) {
    if (state_ != State::kIn) {
      outside_.End(kind);
    } else if (stack_.size() >= 3) {
      items_.back().digest.End(kind);
    }
    stack_.pop_back();
    if (state_ == State::kIn && stack_.size() == 1) {
      state_ = State::kAfter;
      key_is_locations_ = false;
    }
    EndOfNode();
  }

  int documents_ = 0;
  std::vector<char> stack_;  // open maps ('m') and lists ('q')
  bool key_turn_ = true;     // in the root map: the next node is a key
  bool key_is_locations_ = false;
  State state_ = State::kBefore;
  std::vector<Item> items_;
  Digest outside_;
  std::optional<YAML::Mark> after_;
};

/// Checks a mark against the text: its position is on the line and column it claims.
/// `counted`/`lines` carry the line count up to an earlier position (marks come in order).
bool MarkFits(const std::string& text, const YAML::Mark& mark, std::size_t& counted, int& lines) {
  if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text.size()) return false;
  const auto pos = static_cast<std::size_t>(mark.pos);
  if (pos < counted) return false;
  lines += static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                       text.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
  counted = pos;
  const std::size_t newline = pos == 0 ? std::string::npos : text.rfind('\n', pos - 1);
  const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
  return lines == mark.line && pos - line_start == static_cast<std::size_t>(mark.column);
}

/// The item's range, if its line is only indentation, one "-" and spaces before the map.
std::optional<LocationItem> ItemAt(const std::string& text, const YAML::Mark& mark) {
  const auto pos = static_cast<std::size_t>(mark.pos);
  const std::size_t begin = pos - static_cast<std::size_t>(mark.column);
  const std::size_t dash = text.find_first_not_of(' ', begin);
  if (dash >= pos || text[dash] != '-' || dash + 1 == pos) return std::nullopt;
  if (text.find_first_not_of(' ', dash + 1) != pos) return std::nullopt;
  LocationItem item;
  item.begin = begin;
  item.dash = dash;
  item.line = mark.line;
  return item;
}

LocationsLayout NotStreamed(std::string reason) {
  LocationsLayout layout;
  layout.reason = std::move(reason);
  return layout;
}

}  // namespace

LocationsLayout ScanLocations(const std::string& text) {
  if (text.starts_with("\xEF\xBB\xBF")) return NotStreamed("a byte order mark");
  if (text.find('\0') != std::string::npos) return NotStreamed("not UTF-8 text");
  Scanner scanner;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(scanner)) {
    }
  } catch (const NotStreamable& stop) {
    return NotStreamed(stop.reason);
  } catch (const YAML::Exception&) {
    return NotStreamed("a YAML syntax error");
  }
  if (!scanner.found()) return NotStreamed("no \"locations\"");
  if (scanner.items().empty()) return NotStreamed("an empty \"locations\" list");

  LocationsLayout layout;
  std::size_t counted = 0;
  int lines = 0;
  for (const Scanner::Item& found : scanner.items()) {
    if (!MarkFits(text, found.mark, counted, lines)) return NotStreamed("marks off the text");
    auto item = ItemAt(text, found.mark);
    if (!item) return NotStreamed("an item of \"locations\" not on the line of its \"-\"");
    item->digest = found.digest.value();
    if (!layout.items.empty()) layout.items.back().end = item->dash;
    layout.items.push_back(*item);
  }
  std::size_t end = text.size();
  if (const auto& after = scanner.after()) {
    if (!MarkFits(text, *after, counted, lines)) return NotStreamed("marks off the text");
    end = static_cast<std::size_t>(after->pos);
  }
  layout.items.back().end = end;
  layout.outside_digest = scanner.outside_digest();
  return layout;
}

std::string BlankItems(const std::string& text, const std::vector<LocationItem>& items) {
  if (items.empty()) return text;
  const std::size_t begin = items.front().begin;
  const std::size_t end = items.back().end;
  // Whole lines shrink to their line breaks (fewer bytes for yaml-cpp to scan); the start of
  // the line that `end` is on (indentation, or the file's last line) turns into spaces.
  const std::size_t newline = end == 0 ? std::string::npos : text.rfind('\n', end - 1);
  const std::size_t cut = newline == std::string::npos || newline < begin ? begin : newline + 1;
  std::string out = text.substr(0, begin);
  out.append(
      static_cast<std::size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                          text.begin() + static_cast<std::ptrdiff_t>(cut), '\n')),
      '\n');
  out.append(end - cut, ' ');
  out.append(text, end);
  return out;
}

std::string ItemText(const std::string& text, const LocationItem& item) {
  std::string out = text.substr(item.begin, item.end - item.begin);
  out[item.dash - item.begin] = ' ';
  return out;
}

namespace {

// `skip_locations`: leave out the value of the root map's "locations" (see OutsideDigest).
void DigestTree(const YAML::Node& node, Digest& digest, bool skip_locations = false) {
  switch (node.Type()) {
    case YAML::NodeType::Null:
      digest.Start('n', node.Mark(), 0);
      return;
    case YAML::NodeType::Scalar:
      digest.Start('s', node.Mark(), 0);
      digest.Scalar(node.Scalar());
      return;
    case YAML::NodeType::Sequence:
      digest.Start('q', node.Mark(), 0);
      for (const YAML::Node& child : node) DigestTree(child, digest);
      digest.End('Q');
      return;
    case YAML::NodeType::Map:
      digest.Start('m', node.Mark(), 0);
      for (const auto& entry : node) {
        DigestTree(entry.first, digest);
        const bool locations = entry.first.IsScalar() && entry.first.Scalar() == "locations";
        if (!(skip_locations && locations)) DigestTree(entry.second, digest);
      }
      digest.End('M');
      return;
    case YAML::NodeType::Undefined:
      digest.End('U');
      return;
  }
}

}  // namespace

std::uint64_t ItemDigest(const YAML::Node& item) {
  Digest digest;
  DigestTree(item, digest);
  return digest.value();
}

std::uint64_t OutsideDigest(const YAML::Node& root) {
  Digest digest;
  DigestTree(root, digest, true);
  return digest.value();
}

}  // namespace surfzone::config::detail
