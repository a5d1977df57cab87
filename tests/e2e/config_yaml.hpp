#pragma once
// Builds surfzoned config files for the end-to-end tests.

#include <string>
#include <vector>

namespace surfzone::e2e {

/// Auth names defined by every generated config.
inline constexpr const char* kAuthV2 = "v2";              // community "public"
inline constexpr const char* kAuthV3Priv = "v3priv";      // surfpriv, SHA-256/AES (SnmpdUsers)
inline constexpr const char* kAuthV2Secret = "v2secret";  // community kSecretCommunity
/// A community no agent knows; it must never show up in output.
inline constexpr const char* kSecretCommunity = "e2e-community-s3cret-91";

struct ApSpec {
  std::string name{};
  std::string address{};
  std::string auth{};                ///< empty: the default (kAuthV2)
  std::vector<std::string> extra{};  ///< more "key: value" lines, e.g. "timeout: 3s"
};

struct LocationSpec {
  std::string name{};
  std::string kind = "square";
  std::string district{};  ///< empty: omitted
  std::string lat{};       ///< empty: omitted
  std::string lon{};       ///< empty: omitted
  std::vector<ApSpec> aps{};
};

struct DefaultsSpec {
  std::string interval = "1s";
  std::string timeout = "300ms";
  int retries = 0;
};

/// A complete config: auths, defaults, and `locations`.
std::string ConfigYaml(const std::vector<LocationSpec>& locations,
                       const DefaultsSpec& defaults = {});

/// 1-based number of the first line of `text` containing `needle`; 0 if none.
int LineOf(const std::string& text, const std::string& needle);

}  // namespace surfzone::e2e
