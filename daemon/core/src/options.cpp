#include "surfzone/core/options.hpp"

#include <CLI/CLI.hpp>

namespace surfzone::core {

std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code) {
  Options o;
  CLI::App app{
      "surfzoned: polls public Wi-Fi access points over SNMP and serves Prometheus metrics"};
  app.add_option("--config.file", o.config_file, "Configuration file (YAML)")
      ->capture_default_str();
  app.add_option("--web.listen-address", o.listen_address,
                 "Address for /metrics and the API, host:port ([::1]:port for IPv6, :port for all)")
      ->capture_default_str();
  app.add_option("--web.config.file", o.web_config_file,
                 "Exporter-toolkit web config (TLS, basic auth, headers); empty: plain HTTP, "
                 "no auth. Re-read when it changes (on new connections) and on reload");
  app.add_flag("--web.disable-compression", o.disable_compression,
               "Never gzip /metrics, even when the scraper accepts it");
  app.add_option("--log.level", o.log_level, "debug, info, warn or error")
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}))
      ->capture_default_str();
  app.add_option("--log.format", o.log_format, "logfmt or json")
      ->check(CLI::IsMember({"logfmt", "json"}))
      ->capture_default_str();
  app.add_option_function<std::string>(
         "--shard",
         [&o](const std::string& text) {
           o.shard = config::ParseShard(text);
           if (!o.shard) {
             throw CLI::ValidationError("--shard", "expected i/n with 1 <= i <= n <= " +
                                                       std::to_string(config::kMaxShards) +
                                                       ", got \"" + text + "\"");
           }
         },
         "Poll only shard i of n of the configured locations (by a stable hash of each "
         "location's name; overrides the config's `shard:`)")
      ->type_name("i/n");
  app.add_flag("--check-config", o.check_config, "Validate the configuration and exit");
  app.add_flag("--version", o.version, "Print the version and exit");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    *exit_code = app.exit(e);
    return std::nullopt;
  }
  return o;
}

}  // namespace surfzone::core
