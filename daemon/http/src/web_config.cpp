#include "surfzone/http/web_config.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

namespace surfzone::http {
namespace {

struct Reader {
  std::string name;
  std::filesystem::path base;

  [[noreturn]] void Fail(const YAML::Node& at, const std::string& path,
                         const std::string& what) const {
    const YAML::Mark mark = at.Mark();
    if (mark.line >= 0) {
      throw WebConfigError(
          fmt::format("{}:{}:{}: {}: {}", name, mark.line + 1, mark.column + 1, path, what));
    }
    throw WebConfigError(fmt::format("{}: {}: {}", name, path, what));
  }

  void ExpectMap(const YAML::Node& n, const std::string& path) const {
    if (!n.IsMap()) Fail(n, path, "expected a map");
  }

  // Unknown keys are errors; a key's text is shown except under basic_auth_users (user names
  // are not secret, but a password pasted as a key would be).
  void CheckKeys(const YAML::Node& map, const std::string& path,
                 std::initializer_list<std::string_view> known, bool hide = false) const {
    for (const auto& kv : map) {
      const std::string key = kv.first.Scalar();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      Fail(kv.first, path,
           hide ? "unknown field (hidden)" : fmt::format("unknown field \"{}\"", key));
    }
  }

  std::string Scalar(const YAML::Node& n, const std::string& path) const {
    if (!n.IsScalar()) Fail(n, path, "expected a string");
    return n.Scalar();
  }

  std::filesystem::path File(const YAML::Node& n, const std::string& path) const {
    std::filesystem::path p = Scalar(n, path);
    if (p.empty()) Fail(n, path, "empty file name");
    if (p.is_relative()) p = base / p;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(p, ec)) {
      Fail(n, path, fmt::format("{}: not a readable regular file", p.string()));
    }
    return p;
  }
};

int TlsVersion(const Reader& r, const YAML::Node& n, const std::string& path) {
  const std::string v = r.Scalar(n, path);
  static constexpr std::array<std::pair<std::string_view, int>, 4> kVersions{
      {{"TLS10", 0x0301}, {"TLS11", 0x0302}, {"TLS12", 0x0303}, {"TLS13", 0x0304}}};
  for (const auto& [name, wire] : kVersions) {
    if (v == name) return wire;
  }
  r.Fail(n, path,
         fmt::format("unknown TLS version \"{}\" (allowed: TLS10, TLS11, TLS12, TLS13)", v));
}

// Go's names of the TLS 1.2 suites it supports (crypto/tls), as OpenSSL calls them.
std::optional<std::string_view> OpenSslCipher(std::string_view go) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kSuites{{
      {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"},
      {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"},
      {"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384"},
      {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384"},
      {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "ECDHE-ECDSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"},
      {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA"},
      {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA"},
      {"TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA"},
      {"TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA"},
      {"TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256"},
      {"TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384"},
  }};
  for (const auto& [g, o] : kSuites) {
    if (g == go) return o;
  }
  return std::nullopt;
}

ClientAuth ClientAuthOf(const Reader& r, const YAML::Node& n, const std::string& path) {
  const std::string v = r.Scalar(n, path);
  if (v == "" || v == "NoClientCert") return ClientAuth::kNone;
  if (v == "RequestClientCert") return ClientAuth::kRequest;
  if (v == "RequireAnyClientCert") return ClientAuth::kRequireAny;
  if (v == "VerifyClientCertIfGiven") return ClientAuth::kVerifyIfGiven;
  if (v == "RequireAndVerifyClientCert") return ClientAuth::kRequireAndVerify;
  r.Fail(n, path,
         fmt::format("unknown client_auth_type \"{}\" (allowed: NoClientCert, RequestClientCert, "
                     "RequireAnyClientCert, VerifyClientCertIfGiven, RequireAndVerifyClientCert)",
                     v));
}

TlsServerConfig ParseTls(const Reader& r, const YAML::Node& n) {
  const std::string path = "tls_server_config";
  r.ExpectMap(n, path);
  r.CheckKeys(n, path,
              {"cert_file", "key_file", "client_auth_type", "client_ca_file", "min_version",
               "max_version", "cipher_suites", "prefer_server_cipher_suites", "curve_preferences"});
  TlsServerConfig tls;
  if (!n["cert_file"] || !n["key_file"]) r.Fail(n, path, "cert_file and key_file are required");
  tls.cert_file = r.File(n["cert_file"], path + ".cert_file");
  tls.key_file = r.File(n["key_file"], path + ".key_file");
  if (n["client_auth_type"]) {
    tls.client_auth = ClientAuthOf(r, n["client_auth_type"], path + ".client_auth_type");
  }
  if (n["client_ca_file"])
    tls.client_ca_file = r.File(n["client_ca_file"], path + ".client_ca_file");
  const bool verifies = tls.client_auth == ClientAuth::kVerifyIfGiven ||
                        tls.client_auth == ClientAuth::kRequireAndVerify;
  if (verifies && tls.client_ca_file.empty()) {
    r.Fail(n, path + ".client_ca_file", "required when client_auth_type verifies certificates");
  }
  if (n["min_version"]) tls.min_version = TlsVersion(r, n["min_version"], path + ".min_version");
  if (n["max_version"]) tls.max_version = TlsVersion(r, n["max_version"], path + ".max_version");
  if (tls.max_version != 0 && tls.max_version < tls.min_version) {
    r.Fail(n["max_version"], path + ".max_version", "lower than min_version");
  }
  if (const auto suites = n["cipher_suites"]) {
    if (!suites.IsSequence()) r.Fail(suites, path + ".cipher_suites", "expected a list");
    for (const auto& s : suites) {
      const std::string go = r.Scalar(s, path + ".cipher_suites");
      const auto name = OpenSslCipher(go);
      if (!name) r.Fail(s, path + ".cipher_suites", fmt::format("unknown cipher suite \"{}\"", go));
      if (!tls.cipher_list.empty()) tls.cipher_list += ':';
      tls.cipher_list += *name;
    }
  }
  return tls;
}

bool LooksLikeBcrypt(const std::string& h) {
  return h.size() == 60 && h[0] == '$' && h[1] == '2' &&
         (h[2] == 'a' || h[2] == 'b' || h[2] == 'y') && h[3] == '$';
}

}  // namespace

WebConfig ParseWebConfig(const std::string& text, const std::string& name,
                         const std::filesystem::path& base) {
  Reader r{name, base};
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw WebConfigError(
        fmt::format("{}:{}:{}: YAML syntax error", name, e.mark.line + 1, e.mark.column + 1));
  }
  WebConfig cfg;
  if (!root || root.IsNull()) return cfg;  // an empty file: no TLS, no auth
  r.ExpectMap(root, "web config");
  r.CheckKeys(root, "web config", {"tls_server_config", "http_server_config", "basic_auth_users"});
  if (const auto tls = root["tls_server_config"]; tls && !tls.IsNull()) cfg.tls = ParseTls(r, tls);
  if (const auto http = root["http_server_config"]; http && !http.IsNull()) {
    r.ExpectMap(http, "http_server_config");
    r.CheckKeys(http, "http_server_config", {"http2", "headers"});
    if (const auto headers = http["headers"]; headers && !headers.IsNull()) {
      r.ExpectMap(headers, "http_server_config.headers");
      // The toolkit allows these security headers only.
      static const std::set<std::string> kAllowed = {"Strict-Transport-Security",
                                                     "X-Content-Type-Options", "X-Frame-Options",
                                                     "X-XSS-Protection", "Content-Security-Policy"};
      for (const auto& kv : headers) {
        const std::string key = kv.first.Scalar();
        if (!kAllowed.contains(key)) {
          r.Fail(kv.first, "http_server_config.headers",
                 fmt::format("header \"{}\" may not be set (allowed: Strict-Transport-Security, "
                             "X-Content-Type-Options, X-Frame-Options, X-XSS-Protection, "
                             "Content-Security-Policy)",
                             key));
        }
        cfg.headers.emplace_back(key, r.Scalar(kv.second, "http_server_config.headers." + key));
      }
    }
  }
  if (const auto users = root["basic_auth_users"]; users && !users.IsNull()) {
    if (!users.IsMap()) r.Fail(users, "basic_auth_users", "expected a map of user: bcrypt hash");
    for (const auto& kv : users) {
      const std::string user = kv.first.Scalar();
      const std::string path = "basic_auth_users." + user;
      // Never quote the value: a plain password written here by mistake must not be logged.
      if (!kv.second.IsScalar() || !LooksLikeBcrypt(kv.second.Scalar())) {
        r.Fail(kv.second, path, "not a bcrypt hash ($2a$/$2b$/$2y$, 60 characters; value hidden)");
      }
      if (user.find(':') != std::string::npos) r.Fail(kv.first, path, "a user name has no ':'");
      cfg.basic_auth_users[user] = kv.second.Scalar();
    }
  }
  return cfg;
}

WebConfig LoadWebConfig(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw WebConfigError(fmt::format("{}: not a readable regular file", path.string()));
  }
  if (std::filesystem::file_size(path, ec) > 1024 * 1024) {
    throw WebConfigError(fmt::format("{}: too large (over 1 MiB)", path.string()));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw WebConfigError(fmt::format("{}: cannot be read", path.string()));
  return ParseWebConfig(text.str(), path.string(), path.parent_path());
}

}  // namespace surfzone::http
