#include <cctype>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "surfzone/config/load.hpp"

namespace surfzone::config {
namespace {

struct Unit {
  std::string_view suffix;
  std::int64_t millis;
};

// Largest first; "ms" must be tried before "m". A duration's parts must appear in this order,
// each unit at most once ("1m30s" yes, "30s1m" and "1s1s" no), so every text has one meaning.
constexpr Unit kUnits[] = {
    {"d", 86'400'000}, {"h", 3'600'000}, {"ms", 1}, {"m", 60'000}, {"s", 1'000}};

int Rank(std::string_view suffix) {
  if (suffix == "d") return 4;
  if (suffix == "h") return 3;
  if (suffix == "m") return 2;
  if (suffix == "s") return 1;
  return 0;  // ms
}

}  // namespace

std::optional<Duration> ParseDuration(const std::string& text) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::string_view rest = text;
  if (rest.empty()) return std::nullopt;
  std::int64_t total = 0;
  int last_rank = 5;
  while (!rest.empty()) {
    std::int64_t number = 0;
    std::size_t digits = 0;
    while (digits < rest.size() && std::isdigit(static_cast<unsigned char>(rest[digits]))) {
      const int digit = rest[digits] - '0';
      if (number > (kMax - digit) / 10) return std::nullopt;
      number = number * 10 + digit;
      ++digits;
    }
    if (digits == 0) return std::nullopt;  // also rejects signs: "-5s", "+5s"
    rest.remove_prefix(digits);
    const Unit* unit = nullptr;
    for (const Unit& candidate : kUnits) {
      if (rest.starts_with(candidate.suffix)) {
        unit = &candidate;
        break;
      }
    }
    if (unit == nullptr) return std::nullopt;  // missing or unknown unit: "30", "30x"
    rest.remove_prefix(unit->suffix.size());
    const int rank = Rank(unit->suffix);
    if (rank >= last_rank) return std::nullopt;
    last_rank = rank;
    if (number > (kMax - total) / unit->millis) return std::nullopt;
    total += number * unit->millis;
  }
  if (total <= 0) return std::nullopt;
  return Duration(total);
}

}  // namespace surfzone::config
