#pragma once
// HTTP basic authentication against bcrypt hashes (libxcrypt's crypt_r; internal to
// surfzone_http). Checks are blocking (bcrypt costs ~50-100 ms at cost 10): the server runs
// them on a thread of their own, a bounded number at a time.

#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace surfzone::http {

/// user and password of an `Authorization: Basic ...` header; nullopt if malformed.
std::optional<std::pair<std::string, std::string>> ParseBasicAuth(std::string_view header);

/// A new bcrypt ($2y$) hash of `password` at `cost` (salt from the kernel); "" on failure.
std::string BcryptHash(const std::string& password, unsigned cost);

/// Whether `password` matches the bcrypt `hash` (constant-time comparison of the results).
bool BcryptMatches(const std::string& password, const std::string& hash);

/// Checks credentials against `users` (user -> bcrypt hash). An unknown user costs the same
/// bcrypt as a known one. Successful checks are remembered (keyed by a SHA-256 of user,
/// password and hash, as the exporter-toolkit caches them), so a scraper pays bcrypt once, not
/// on every scrape; failures are never cached. Thread-safe.
class BasicAuthCache {
 public:
  bool Check(const std::map<std::string, std::string>& users, const std::string& user,
             const std::string& password);

 private:
  std::mutex mutex_;
  std::set<std::string> good_;  // digests of successful (user, password, hash)
};

}  // namespace surfzone::http
