// surfzone-sim: serves a simulated fleet of access points over SNMP on loopback, with a
// ground-truth and fault-injection API over HTTP. Stops on SIGINT/SIGTERM.
#include <signal.h>

#include <fstream>
#include <iostream>

#include "sim_options.hpp"
#include "surfzone/http/server.hpp"
#include "surfzone/log/log.hpp"
#include "surfzone/sim/config_writer.hpp"
#include "surfzone/sim/fleet_generator.hpp"
#include "surfzone/sim/fleet_loader.hpp"
#include "surfzone/sim/server.hpp"
#include "surfzone/sim/sim_fleet.hpp"
#include "truth_api.hpp"

namespace sim = surfzone::sim;
namespace slog = surfzone::log;

namespace {

sim::FleetSpec LoadSpec(const sim::SimOptions& o) {
  sim::FleetSpec spec = o.fleet_file.empty() ? sim::GenerateFleet(o.generate, o.seed, o.controllers)
                                             : sim::LoadFleetFile(o.fleet_file);
  if (o.speed) spec.sim.speed = *o.speed;
  if (o.base_port) spec.sim.base_port = static_cast<std::uint16_t>(*o.base_port);
  if (!o.addressing.empty()) spec.sim.addressing = o.addressing;
  return spec;
}

int Serve(const sim::SimOptions& o, const sim::FleetSpec& spec) {
  const double start = spec.sim.start.value_or(sim::CurrentUnixSeconds());
  sim::AcceleratedClock clock(start, spec.sim.speed);
  sim::SimFleet fleet(spec, start);

  sim::AgentServerOptions server_options;
  server_options.address = spec.sim.host;
  server_options.clock = [&clock] { return clock.Now(); };
  sim::AgentServer agents(std::move(server_options));
  // Agent k of the server is agent k of the fleet (direct APs, then controllers).
  for (std::size_t k = 0; k < fleet.agent_count(); ++k) {
    if (fleet.shared_socket()) {
      agents.AddShared(fleet.agent(k), fleet.agent_host(k), fleet.agent_port(k));
    } else {
      agents.Add(fleet.agent(k), fleet.agent_port(k));
    }
  }

  surfzone::http::Handlers handlers;
  sim::AddTruthRoutes(handlers, fleet, clock, agents);
  surfzone::http::Server http(o.listen, std::move(handlers));
  http.Start();
  agents.Start(o.cpu);
  const std::size_t last = fleet.agent_count() - 1;
  slog::Info("surfzone-sim serving",
             {{"access_points", static_cast<long long>(fleet.size())},
              {"controllers", static_cast<long long>(fleet.controller_count())},
              {"locations", static_cast<long long>(spec.locations.size())},
              {"udp", fleet.agent_host(0) + ":" + std::to_string(fleet.agent_port(0)) + " .. " +
                          fleet.agent_host(last) + ":" + std::to_string(fleet.agent_port(last))},
              {"speed", spec.sim.speed},
              {"truth", "http://" + o.listen + "/truth"}});

  // Block the termination signals and wait for one: no async-signal-safety concerns.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  int sig = 0;
  sigwait(&set, &sig);
  slog::Info("surfzone-sim stopping", {{"signal", sig}});
  agents.Stop();
  http.Stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Block SIGINT/SIGTERM before any thread starts, so only sigwait() sees them.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  int exit_code = 0;
  auto options = sim::ParseSimOptions(argc, argv, &exit_code);
  if (!options) return exit_code;
  try {
    const sim::FleetSpec spec = LoadSpec(*options);
    if (!options->write_config.empty()) {
      sim::ConfigWriterOptions w;
      w.interval = options->interval;
      w.timeout = options->timeout;
      w.retries = options->retries;
      if (options->profiles == "vendor") w.vendor_profiles = true;
      if (options->profiles == "fleet") w.vendor_profiles = false;
      std::ofstream(options->write_config) << sim::WriteSurfzonedConfig(spec, w);
      if (options->config_only) return 0;
    }
    return Serve(*options, spec);
  } catch (const sim::FleetException& e) {
    for (const auto& err : e.errors()) std::cerr << err.ToString() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "surfzone-sim: " << e.what() << "\n";
    return 1;
  }
}
