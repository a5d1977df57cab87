#pragma once

// Building responses and classifying read errors (internal to surfzone_http).

#include <boost/beast/http/status.hpp>
#include <boost/system/error_code.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "server_impl.hpp"

namespace surfzone::http {

/// A response with `body`; for HEAD (`head`) only its Content-Length is sent.
Response MakeResponse(beast::http::status status, unsigned version, bool keep_alive,
                      std::string_view content_type, std::string body, bool head = false);

/// A `text/plain; charset=utf-8` response.
Response TextResponse(beast::http::status status, unsigned version, bool keep_alive,
                      std::string body, bool head = false);

/// 405 with an `Allow` header.
Response MethodNotAllowed(unsigned version, bool keep_alive, std::string_view allow);

/// The status to answer a failed request read with (400, 413, 431), or nullopt when the
/// connection just ended (EOF, timeout, reset, shutdown) and nothing should be sent.
std::optional<beast::http::status> StatusForReadError(const boost::system::error_code& ec);

}  // namespace surfzone::http
