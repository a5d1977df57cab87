#pragma once
/// Internal: finding the items of a file's top-level `locations:` list in its text, with
/// yaml-cpp's event parser (no node tree), so that each item can be loaded on its own and
/// the file's peak memory does not grow with the number of locations.

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace surfzone::config::detail {

/// One block-map item of `locations:`, as a range of the file's text.
struct LocationItem {
  std::size_t begin = 0;     // start of the line of the item's "-"
  std::size_t dash = 0;      // the item's "-"
  std::size_t end = 0;       // the next item's "-", or what follows the list
  int line = 0;              // 0-based line of `begin` in the file
  std::uint64_t digest = 0;  // of the item's parse events, see ItemDigest()
};

/// The items of `locations:`, or why the file has to be loaded as a whole document.
struct LocationsLayout {
  std::vector<LocationItem> items;  // empty exactly when `reason` is set
  std::string reason;
  std::uint64_t outside_digest = 0;  // of the events outside the list, see OutsideDigest()
};

/// Scans `text`. Items are found only in the plain case: one document whose root is a map
/// with one `locations` key holding a block list of block maps, each starting on its "-" line,
/// and no anchors, aliases or explicit tags anywhere. Anything else, a syntax error included,
/// gives a `reason` instead (the whole-document load then reports or handles it as always).
LocationsLayout ScanLocations(const std::string& text);

/// `text` without the items: their lines reduced to bare line breaks, so every other mark
/// keeps its line and column (not its byte offset) and `locations:` reads as null.
std::string BlankItems(const std::string& text, const std::vector<LocationItem>& items);

/// The item on its own: its lines, with its "-" blanked, so marks inside keep their columns
/// and their lines are counted from `item.line`.
std::string ItemText(const std::string& text, const LocationItem& item);

/// The digest of a node tree loaded from ItemText(), to compare with `LocationItem::digest`
/// (computed from the same events in the whole file).
std::uint64_t ItemDigest(const YAML::Node& item);
/// The digest of the tree loaded from BlankItems(), leaving out the (now null) value of
/// `locations`, to compare with `LocationsLayout::outside_digest`.
std::uint64_t OutsideDigest(const YAML::Node& root);

}  // namespace surfzone::config::detail
