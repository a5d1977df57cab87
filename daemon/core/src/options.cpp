#include "surfzone/core/options.hpp"

#include <CLI/CLI.hpp>

namespace surfzone::core {

std::optional<Options> ParseOptions(int argc, char** argv, int* exit_code) {
  Options o;
  CLI::App app{
      "surfzoned: polls public Wi-Fi access points over SNMP and serves Prometheus metrics"};
  app.add_option("--config.file", o.config_file, "Configuration file (YAML)")
      ->capture_default_str();
  app.add_option("--config.max-size", o.config_max_size,
                 "Largest configuration file read (the main file and each included one); a "
                 "larger one is an error. Bytes, or with a unit: 64MiB, 1GiB")
      ->transform(CLI::AsSizeValue(true))
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
  ProfileCommand pc;
  CLI::App* profile = app.add_subcommand("profile", "Built-in profiles and the offline tester");
  profile->require_subcommand(1);
  profile->add_subcommand("list", "List the built-in profiles")->callback([&] {
    pc.action = "list";
  });
  CLI::App* show = profile->add_subcommand("show", "Print a built-in profile's YAML");
  show->add_option("name", pc.name, "Built-in profile name")->required();
  show->callback([&] { pc.action = "show"; });
  CLI::App* test = profile->add_subcommand(
      "test", "Apply a profile to a recorded walk (snmpwalk -On output or .snmprec), offline");
  test->add_option("--profile", pc.profile, "Built-in profile name or a profile YAML file")
      ->required();
  test->add_option("--walk", pc.walk, "Walk file: snmpwalk -On / snmpbulkwalk -On text or .snmprec")
      ->required();
  test->callback([&] { pc.action = "test"; });
  try {
    app.parse(argc, argv);
    if (!pc.action.empty()) o.profile_command = pc;
  } catch (const CLI::ParseError& e) {
    *exit_code = app.exit(e);
    return std::nullopt;
  }
  return o;
}

}  // namespace surfzone::core
