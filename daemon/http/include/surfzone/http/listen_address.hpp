#pragma once

/// @file
/// Parsing of `--web.listen-address` style values.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace surfzone::http {

/// A parsed listen address. An empty host means all interfaces.
struct ListenAddress {
  std::string host;  ///< IPv4/IPv6 literal (without brackets), a host name, or empty.
  std::uint16_t port = 0;
};

/// Parses "host:port", "[ipv6]:port" or ":port" (all interfaces). The port is decimal 0..65535
/// (0 = pick a free port). Returns nullopt when the port is missing or invalid, brackets are
/// unbalanced, or an unbracketed host contains ':'.
std::optional<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace surfzone::http
