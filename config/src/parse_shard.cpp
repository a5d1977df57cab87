// `shard:` of the main file: "i/n" or {index: i, count: n}.
#include "sections.hpp"

namespace surfzone::config::detail {
namespace {

constexpr std::string_view kShardKeys[] = {"index", "count"};
constexpr const char* kShardForm =
    "expected \"index/count\" (e.g. \"1/2\") or {index: 1, count: 2}, with 1 <= index <= count";

}  // namespace

std::optional<Shard> ParseShardSection(FileReader& reader, const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return std::nullopt;
  if (node.IsScalar()) {
    const auto shard = ParseShard(node.Scalar());
    if (!shard) reader.Error(node, "shard", Quote(node.Scalar()) + ": " + kShardForm);
    return shard;
  }
  if (!reader.ExpectMap(node, "shard")) return std::nullopt;
  reader.CheckKeys(node, "shard", kShardKeys);
  const auto count = reader.Integer(node, "shard", "count", 1, kMaxShards);
  const auto index = reader.Integer(node, "shard", "index", 1, kMaxShards);
  if (!Has(node, "count")) reader.Missing(node, "shard", "count");
  if (!Has(node, "index")) reader.Missing(node, "shard", "index");
  if (!count || !index) return std::nullopt;
  if (*index > *count) {
    reader.Error(node["index"], "shard.index",
                 "index " + std::to_string(*index) + " is greater than count " +
                     std::to_string(*count) + "; " + kShardForm);
    return std::nullopt;
  }
  return Shard{static_cast<int>(*index), static_cast<int>(*count)};
}

}  // namespace surfzone::config::detail
