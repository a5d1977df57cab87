#pragma once
/// Command-line options of surfzoned (exporter conventions).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/config/load.hpp"
#include "surfzone/config/shard.hpp"

namespace surfzone::core {

/// `surfzoned profile list|show NAME|test --profile P --walk W` (see profile_command.hpp).
struct ProfileCommand {
  std::string action;         ///< "list", "show" or "test"
  std::string name;           ///< show: the built-in profile
  std::string profile, walk;  ///< test
};

struct Options {
  std::string config_file = "/etc/surfzone/surfzone.yaml";
  /// --config.max-size: largest config file (main or included) read, in bytes.
  std::uint64_t config_max_size = config::LoadOptions::kDefaultMaxFileSize;
  std::string listen_address = "127.0.0.1:9877";
  std::string web_config_file;       // --web.config.file; empty: plain HTTP without auth
  bool disable_compression = false;  // --web.disable-compression: /metrics never gzipped
  std::string log_level = "info";
  std::string log_format = "logfmt";
  std::optional<config::Shard> shard;  // --shard=i/n; overrides the config's `shard:`
  bool check_config = false;
  bool version = false;
  std::optional<ProfileCommand> profile_command;
};

/// Parses argv. Returns nullopt after printing help/usage (exit code in `exit_code`).
std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code);

}  // namespace surfzone::core
