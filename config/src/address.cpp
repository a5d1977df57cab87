#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "address_util.hpp"
#include "surfzone/config/load.hpp"

namespace surfzone::config {
namespace {

bool IsIpv4(const std::string& text) {
  in_addr out{};
  return inet_pton(AF_INET, text.c_str(), &out) == 1;
}

// Accepts an optional zone ("fe80::1%eth0"), which inet_pton does not understand.
bool IsIpv6(std::string_view text) {
  const std::size_t percent = text.find('%');
  if (percent != std::string_view::npos) {
    const std::string_view zone = text.substr(percent + 1);
    if (zone.empty()) return false;
    for (char c : zone) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') {
        return false;
      }
    }
  }
  const std::string address(text.substr(0, percent));
  in6_addr out{};
  return inet_pton(AF_INET6, address.c_str(), &out) == 1;
}

bool IsHostLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// An IPv4 literal or a DNS name. Anything made only of digits and dots must be a valid IPv4
// address, so typos like "10.0.0.300" or "10.0.1" are not mistaken for names.
bool IsHost(const std::string& host) {
  if (host.empty() || host.size() > 253) return false;
  if (host.find_first_not_of("0123456789.") == std::string::npos) return IsIpv4(host);
  std::string_view rest = host;
  if (rest.back() == '.') rest.remove_suffix(1);  // fully qualified "ap1.example."
  while (true) {
    const std::size_t dot = rest.find('.');
    if (!IsHostLabel(rest.substr(0, dot))) return false;
    if (dot == std::string_view::npos) return true;
    rest.remove_prefix(dot + 1);
  }
}

std::optional<std::uint16_t> ParsePort(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<Address> ParseAddress(const std::string& text) {
  Address address;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string::npos) return std::nullopt;
    address.host = text.substr(1, close - 1);
    if (!IsIpv6(address.host)) return std::nullopt;
    const std::string_view rest = std::string_view(text).substr(close + 1);
    if (rest.empty()) return address;
    if (rest.front() != ':') return std::nullopt;
    const auto port = ParsePort(rest.substr(1));
    if (!port) return std::nullopt;
    address.port = *port;
    return address;
  }
  const std::size_t colons = static_cast<std::size_t>(std::count(text.begin(), text.end(), ':'));
  if (colons > 1) {  // bare IPv6: a port cannot be told apart, so it is always the default
    if (!IsIpv6(text)) return std::nullopt;
    address.host = text;
    return address;
  }
  const std::size_t colon = text.find(':');
  address.host = text.substr(0, colon);
  if (!IsHost(address.host)) return std::nullopt;
  if (colon != std::string::npos) {
    const auto port = ParsePort(std::string_view(text).substr(colon + 1));
    if (!port) return std::nullopt;
    address.port = *port;
  }
  return address;
}

namespace detail {

std::string AddressKey(const Address& address) {
  std::string host = address.host;
  if (host.find(':') != std::string::npos) {
    const std::size_t percent = host.find('%');
    const std::string zone = percent == std::string::npos ? "" : host.substr(percent);
    in6_addr binary{};
    char canonical[INET6_ADDRSTRLEN] = {};
    if (inet_pton(AF_INET6, host.substr(0, percent).c_str(), &binary) == 1 &&
        inet_ntop(AF_INET6, &binary, canonical, sizeof canonical) != nullptr) {
      host = canonical + zone;
    }
  } else {
    std::transform(host.begin(), host.end(), host.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!host.empty() && host.back() == '.') host.pop_back();
  }
  return Address{host, address.port}.ToString();
}

}  // namespace detail
}  // namespace surfzone::config
