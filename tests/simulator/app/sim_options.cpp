#include "sim_options.hpp"

#include <CLI/CLI.hpp>

namespace surfzone::sim {

std::optional<SimOptions> ParseSimOptions(int argc, char** argv, int* exit_code) {
  SimOptions o;
  CLI::App app{
      "surfzone-sim: a simulated city fleet of Wi-Fi access points speaking SNMP on loopback"};
  auto* fleet = app.add_option("--fleet", o.fleet_file,
                               "Fleet file (YAML), e.g. deploy/demo/helsingborg.yaml");
  auto* gen =
      app.add_option("--generate", o.generate, "Generate a synthetic fleet of N access points");
  fleet->excludes(gen);
  app.add_option("--seed", o.seed, "Seed of --generate")->capture_default_str();
  app.add_option("--controllers", o.controllers,
                 "With --generate: N wireless controllers (alternately cisco-wlc and "
                 "aruba-instant) managing about half of the generated locations' APs")
      ->needs(gen)
      ->check(CLI::Range(0, 1000));
  app.add_option("--profiles", o.profiles,
                 "Profiles of direct APs in the written config: vendor (unifi/generic by "
                 "vendor), fleet (the fleet file's, default generic), auto (vendor exactly when "
                 "the fleet has controllers)")
      ->check(CLI::IsMember({"auto", "vendor", "fleet"}))
      ->capture_default_str();
  app.add_option("--speed", o.speed, "Simulated seconds per real second (1..10000)");
  app.add_option("--base-port", o.base_port, "First UDP port (APs get consecutive ports)");
  app.add_option("--addressing", o.addressing,
                 "ports: one UDP port per AP on 127.0.0.1; hosts: one 127.A.B.C address per AP on "
                 "one shared port (for fleets beyond the open-file limit)")
      ->check(CLI::IsMember({"ports", "hosts"}));
  app.add_option("--web.listen-address", o.listen, "Truth/fault API address")
      ->capture_default_str();
  app.add_option("--write-config", o.write_config,
                 "Write the surfzoned configuration for this fleet");
  app.add_flag("--config-only", o.config_only, "With --write-config: write it and exit");
  app.add_option("--interval", o.interval, "Poll interval in the written config")
      ->capture_default_str();
  app.add_option("--timeout", o.timeout, "SNMP timeout in the written config")
      ->capture_default_str();
  app.add_option("--retries", o.retries, "SNMP retries in the written config")
      ->check(CLI::Range(0, 10))
      ->capture_default_str();
  app.add_option("--cpu", o.cpu, "Pin the SNMP thread to this CPU");
  try {
    app.parse(argc, argv);
    if (o.fleet_file.empty() && o.generate == 0) {
      throw CLI::RequiredError("--fleet or --generate");
    }
  } catch (const CLI::ParseError& e) {
    *exit_code = app.exit(e);
    return std::nullopt;
  }
  return o;
}

}  // namespace surfzone::sim
