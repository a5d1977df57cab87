#pragma once
/// Object identifiers as plain arc vectors, independent of net-snmp.

#include <compare>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace surfzone::snmp {

class Oid {
 public:
  Oid() = default;
  Oid(std::initializer_list<std::uint32_t> arcs) : arcs_(arcs) {}
  explicit Oid(std::vector<std::uint32_t> arcs) : arcs_(std::move(arcs)) {}

  /// "1.3.6.1.2.1.1.3.0" or ".1.3.6..."; nullopt if not numeric dotted form.
  static std::optional<Oid> Parse(std::string_view text);

  const std::vector<std::uint32_t>& arcs() const { return arcs_; }
  std::size_t size() const { return arcs_.size(); }
  bool empty() const { return arcs_.empty(); }
  std::uint32_t operator[](std::size_t i) const { return arcs_[i]; }

  /// True if `this` lies strictly below or at `prefix` (prefix.IsPrefixOf(*this)).
  bool StartsWith(const Oid& prefix) const;
  /// The arcs after `prefix` (the table index), empty if not below it.
  std::vector<std::uint32_t> Suffix(const Oid& prefix) const;
  /// A copy with more arcs appended.
  Oid Child(std::initializer_list<std::uint32_t> more) const;
  Oid Child(const std::vector<std::uint32_t>& more) const;

  std::string ToString() const;

  friend auto operator<=>(const Oid&, const Oid&) = default;
  friend bool operator==(const Oid&, const Oid&) = default;

 private:
  std::vector<std::uint32_t> arcs_;
};

}  // namespace surfzone::snmp
