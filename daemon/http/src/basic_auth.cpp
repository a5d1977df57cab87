#include "basic_auth.hpp"

#include <crypt.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <memory>

namespace surfzone::http {

std::string BcryptHash(const std::string& password, unsigned cost) {
  std::array<char, CRYPT_GENSALT_OUTPUT_SIZE> setting{};
  if (crypt_gensalt_rn("$2y$", cost, nullptr, 0, setting.data(),
                       static_cast<int>(setting.size())) == nullptr) {
    return "";
  }
  auto data = std::make_unique<crypt_data>();
  data->initialized = 0;
  const char* out = crypt_r(password.c_str(), setting.data(), data.get());
  return out != nullptr && out[0] != '*' ? std::string(out) : std::string();
}

namespace {

// What an unknown user is checked against: a real bcrypt hash at cost 10 (made once), so that
// the check costs what a known user's does.
const std::string& DummyHash() {
  static const std::string hash = [] {
    std::string made = BcryptHash("not a password", 10);
    return made.empty() ? std::string("$2y$10$") + std::string(53, '.') : made;
  }();
  return hash;
}

std::string Digest(const std::string& user, const std::string& password, const std::string& hash) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  const std::string input = user + '\0' + password + '\0' + hash;
  EVP_Digest(input.data(), input.size(), md.data(), &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(md.data()), len);
}

}  // namespace

std::optional<std::pair<std::string, std::string>> ParseBasicAuth(std::string_view header) {
  constexpr std::string_view kScheme = "Basic ";
  if (header.size() <= kScheme.size() || header.size() > 4096) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size() - 1; ++i) {  // the scheme is case-insensitive
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return std::nullopt;
    }
  }
  std::string_view b64 = header.substr(kScheme.size());
  while (!b64.empty() && b64.front() == ' ') b64.remove_prefix(1);
  while (!b64.empty() && b64.back() == ' ') b64.remove_suffix(1);
  if (b64.empty() || b64.size() % 4 != 0) return std::nullopt;
  std::string decoded(b64.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(decoded.data()),
                                reinterpret_cast<const unsigned char*>(b64.data()),
                                static_cast<int>(b64.size()));
  if (n < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts the padding as zero bytes.
  if (b64.ends_with("==")) {
    size -= 2;
  } else if (b64.ends_with("=")) {
    size -= 1;
  }
  decoded.resize(size);
  const auto colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::make_pair(decoded.substr(0, colon), decoded.substr(colon + 1));
}

bool BcryptMatches(const std::string& password, const std::string& hash) {
  auto data = std::make_unique<crypt_data>();  // ~32 KiB: not on the stack
  data->initialized = 0;
  const char* out = crypt_r(password.c_str(), hash.c_str(), data.get());
  if (out == nullptr || out[0] == '*') return false;
  const std::string_view result(out);
  return result.size() == hash.size() &&
         CRYPTO_memcmp(result.data(), hash.data(), hash.size()) == 0;
}

bool BasicAuthCache::Check(const std::map<std::string, std::string>& users, const std::string& user,
                           const std::string& password) {
  const auto it = users.find(user);
  const std::string& hash = it != users.end() ? it->second : DummyHash();
  const std::string key = Digest(user, password, hash);
  {
    std::lock_guard lock(mutex_);
    if (it != users.end() && good_.contains(key)) return true;
  }
  const bool ok = BcryptMatches(password, hash) && it != users.end();
  if (ok) {
    std::lock_guard lock(mutex_);
    if (good_.size() > 1024) good_.clear();  // bounded; refilled by the next scrapes
    good_.insert(key);
  }
  return ok;
}

}  // namespace surfzone::http
