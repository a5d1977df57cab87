#pragma once

/// @file
/// The exporter-toolkit web configuration file (`--web.config.file`), the same format Prometheus
/// exporters read
/// (https://github.com/prometheus/exporter-toolkit/blob/master/docs/web-configuration.md):
///
///     tls_server_config:
///       cert_file: /etc/surfzone/tls.crt      # PEM, may hold the chain
///       key_file: /etc/surfzone/tls.key
///       client_auth_type: RequireAndVerifyClientCert  # NoClientCert (default), RequestClientCert,
///                                                     # RequireAnyClientCert,
///                                                     VerifyClientCertIfGiven
///       client_ca_file: /etc/surfzone/clients-ca.crt
///       min_version: TLS12                     # TLS10..TLS13 (default TLS12)
///       max_version: TLS13
///       cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256]  # TLS 1.2 only, Go's names
///     http_server_config:
///       headers: {Strict-Transport-Security: max-age=31536000}
///     basic_auth_users:
///       prometheus: $2y$10$...                 # bcrypt (htpasswd -nBC 10 prometheus)
///
/// Relative file names resolve against the web config file's directory. Passwords never
/// appear in errors or logs.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace surfzone::http {

enum class ClientAuth {
  kNone,              ///< NoClientCert
  kRequest,           ///< RequestClientCert: asked, not verified
  kRequireAny,        ///< RequireAnyClientCert: required, not verified
  kVerifyIfGiven,     ///< VerifyClientCertIfGiven
  kRequireAndVerify,  ///< RequireAndVerifyClientCert
};

struct TlsServerConfig {
  std::filesystem::path cert_file, key_file, client_ca_file;
  ClientAuth client_auth = ClientAuth::kNone;
  int min_version = 0x0303;  ///< TLS 1.2 (wire version numbers: 0x0301 = TLS 1.0 ... 0x0304)
  int max_version = 0;       ///< 0: the highest supported
  std::string cipher_list;   ///< OpenSSL names of cipher_suites, ':'-joined; empty: defaults
};

struct WebConfig {
  std::optional<TlsServerConfig> tls;
  std::vector<std::pair<std::string, std::string>> headers;
  std::map<std::string, std::string> basic_auth_users;  ///< user -> bcrypt hash
  bool Empty() const { return !tls && headers.empty() && basic_auth_users.empty(); }
};

/// A web config that cannot be used: `what()` names the file, line and key.
class WebConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads and validates `path` (the TLS files are checked to exist; their content is checked
/// when a TLS context is built from them). Throws WebConfigError.
WebConfig LoadWebConfig(const std::filesystem::path& path);
/// The same from text; `name` stands for the file in errors, `base` resolves relative paths.
WebConfig ParseWebConfig(const std::string& text, const std::string& name,
                         const std::filesystem::path& base);

}  // namespace surfzone::http
