#include "surfzone/http/listen_address.hpp"

#include <charconv>

namespace surfzone::http {
namespace {

std::optional<std::uint16_t> ParsePort(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > 65535) {
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<ListenAddress> ParseListenAddress(std::string_view text) {
  std::string_view host;
  std::string_view port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return std::nullopt;
    }
    host = text.substr(1, close - 1);
    if (host.empty()) return std::nullopt;
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    host = text.substr(0, colon);
    if (host.find(':') != std::string_view::npos || host.find(']') != std::string_view::npos) {
      return std::nullopt;
    }
    port = text.substr(colon + 1);
  }
  const auto parsed_port = ParsePort(port);
  if (!parsed_port) return std::nullopt;
  return ListenAddress{std::string(host), *parsed_port};
}

}  // namespace surfzone::http
