#pragma once
// An OpenSSL server context from a web config's tls_server_config (internal to surfzone_http).

#include <boost/asio/ssl/context.hpp>
#include <memory>

#include "surfzone/http/web_config.hpp"

namespace surfzone::http {

/// Throws WebConfigError naming the file when a certificate, key or CA file cannot be used.
std::shared_ptr<boost::asio::ssl::context> MakeTlsContext(const TlsServerConfig& tls);

}  // namespace surfzone::http
