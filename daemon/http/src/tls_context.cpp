#include "tls_context.hpp"

#include <fmt/format.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

namespace surfzone::http {
namespace ssl = boost::asio::ssl;

namespace {

std::string OpenSslError() {
  const unsigned long e = ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

}  // namespace

std::shared_ptr<ssl::context> MakeTlsContext(const TlsServerConfig& tls) {
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_server);
  SSL_CTX* native = ctx->native_handle();
  SSL_CTX_set_options(
      native, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_RENEGOTIATION);
  if (SSL_CTX_set_min_proto_version(native, tls.min_version) != 1 ||
      SSL_CTX_set_max_proto_version(native, tls.max_version) != 1) {
    throw WebConfigError("tls_server_config: TLS version range not supported: " + OpenSslError());
  }
  if (SSL_CTX_use_certificate_chain_file(native, tls.cert_file.c_str()) != 1) {
    throw WebConfigError(
        fmt::format("tls_server_config.cert_file: {}: {}", tls.cert_file.string(), OpenSslError()));
  }
  if (SSL_CTX_use_PrivateKey_file(native, tls.key_file.c_str(), SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key(native) != 1) {
    throw WebConfigError(
        fmt::format("tls_server_config.key_file: {}: {}", tls.key_file.string(), OpenSslError()));
  }
  if (!tls.cipher_list.empty() && SSL_CTX_set_cipher_list(native, tls.cipher_list.c_str()) != 1) {
    throw WebConfigError("tls_server_config.cipher_suites: " + OpenSslError());
  }
  if (!tls.client_ca_file.empty()) {
    if (SSL_CTX_load_verify_locations(native, tls.client_ca_file.c_str(), nullptr) != 1) {
      throw WebConfigError(fmt::format("tls_server_config.client_ca_file: {}: {}",
                                       tls.client_ca_file.string(), OpenSslError()));
    }
    SSL_CTX_set_client_CA_list(native, SSL_load_client_CA_file(tls.client_ca_file.c_str()));
  }
  // Any certificate is accepted where the toolkit does not verify one.
  const auto accept_any = [](int, X509_STORE_CTX*) { return 1; };
  switch (tls.client_auth) {
    case ClientAuth::kNone:
      SSL_CTX_set_verify(native, SSL_VERIFY_NONE, nullptr);
      break;
    case ClientAuth::kRequest:
      SSL_CTX_set_verify(native, SSL_VERIFY_PEER, accept_any);
      break;
    case ClientAuth::kRequireAny:
      SSL_CTX_set_verify(native, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, accept_any);
      break;
    case ClientAuth::kVerifyIfGiven:
      SSL_CTX_set_verify(native, SSL_VERIFY_PEER, nullptr);
      break;
    case ClientAuth::kRequireAndVerify:
      SSL_CTX_set_verify(native, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
      break;
  }
  return ctx;
}

}  // namespace surfzone::http
