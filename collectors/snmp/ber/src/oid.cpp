#include "surfzone/snmp/oid.hpp"

#include <charconv>

namespace surfzone::snmp {

std::optional<Oid> Oid::Parse(std::string_view text) {
  if (!text.empty() && text.front() == '.') text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  std::vector<std::uint32_t> arcs;
  while (!text.empty()) {
    std::uint32_t arc = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), arc);
    if (ec != std::errc() || ptr == text.data()) return std::nullopt;
    arcs.push_back(arc);
    text.remove_prefix(static_cast<std::size_t>(ptr - text.data()));
    if (text.empty()) break;
    if (text.front() != '.' || text.size() == 1) return std::nullopt;
    text.remove_prefix(1);
  }
  return Oid(std::move(arcs));
}

bool Oid::StartsWith(const Oid& prefix) const {
  if (prefix.arcs_.size() > arcs_.size()) return false;
  for (std::size_t i = 0; i < prefix.arcs_.size(); ++i) {
    if (arcs_[i] != prefix.arcs_[i]) return false;
  }
  return true;
}

std::vector<std::uint32_t> Oid::Suffix(const Oid& prefix) const {
  if (!StartsWith(prefix)) return {};
  return {arcs_.begin() + static_cast<std::ptrdiff_t>(prefix.arcs_.size()), arcs_.end()};
}

Oid Oid::Child(std::initializer_list<std::uint32_t> more) const {
  Oid out = *this;
  out.arcs_.insert(out.arcs_.end(), more);
  return out;
}

Oid Oid::Child(const std::vector<std::uint32_t>& more) const {
  Oid out = *this;
  out.arcs_.insert(out.arcs_.end(), more.begin(), more.end());
  return out;
}

std::string Oid::ToString() const {
  std::string out;
  out.reserve(arcs_.size() * 3);
  for (std::size_t i = 0; i < arcs_.size(); ++i) {
    if (i) out.push_back('.');
    out += std::to_string(arcs_[i]);
  }
  return out;
}

}  // namespace surfzone::snmp
