#pragma once
// Command line of surfzone-sim.

#include <cstdint>
#include <optional>
#include <string>

namespace surfzone::sim {

struct SimOptions {
  std::string fleet_file;                 // --fleet
  std::size_t generate = 0;               // --generate N (instead of --fleet)
  std::uint64_t seed = 1;                 // --seed
  std::size_t controllers = 0;            // --controllers N (with --generate)
  std::string profiles = "auto";          // --profiles auto|vendor|fleet (written config)
  std::optional<double> speed;            // --speed: overrides the fleet file's
  std::optional<int> base_port;           // --base-port: overrides the fleet file's
  std::string addressing;                 // --addressing ports|hosts: overrides the fleet file's
  std::string listen = "127.0.0.1:9878";  // --web.listen-address: truth and fault API
  std::string write_config;               // --write-config FILE: surfzoned config for this fleet
  bool config_only = false;               // --config-only: write it and exit
  std::string interval = "30s";           // for the written config
  std::string timeout = "2s";
  int retries = 1;  // --retries, for the written config
  int cpu = -1;     // --cpu: pin the SNMP thread
};

std::optional<SimOptions> ParseSimOptions(int argc, char** argv, int* exit_code);

}  // namespace surfzone::sim
