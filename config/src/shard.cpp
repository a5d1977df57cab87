#include "surfzone/config/shard.hpp"

#include <charconv>

namespace surfzone::config {
namespace {

std::optional<int> Decimal(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

std::string Shard::ToString() const { return std::to_string(index) + "/" + std::to_string(count); }

std::optional<Shard> ParseShard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = Decimal(text.substr(0, slash));
  const auto count = Decimal(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *count > kMaxShards || *index < 1 || *index > *count) {
    return std::nullopt;
  }
  return Shard{*index, *count};
}

}  // namespace surfzone::config
