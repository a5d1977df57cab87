#pragma once
/// Command-line options of surfzoned (exporter conventions).

#include <optional>
#include <string>
#include <vector>

#include "surfzone/config/shard.hpp"

namespace surfzone::core {

struct Options {
  std::string config_file = "/etc/surfzone/surfzone.yaml";
  std::string listen_address = "127.0.0.1:9877";
  std::string web_config_file;       // --web.config.file; empty: plain HTTP without auth
  bool disable_compression = false;  // --web.disable-compression: /metrics never gzipped
  std::string log_level = "info";
  std::string log_format = "logfmt";
  std::optional<config::Shard> shard;  // --shard=i/n; overrides the config's `shard:`
  bool check_config = false;
  bool version = false;
};

/// Parses argv. Returns nullopt after printing help/usage (exit code in `exit_code`).
std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code);

}  // namespace surfzone::core
