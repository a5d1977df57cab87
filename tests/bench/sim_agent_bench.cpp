// surfzone-sim-bench: requests/s of the simulator's AgentServer on one core, or of any SNMP agent
// (--target host:port, e.g. snmpd or snmpsimd) under the same closed-loop load. Prints one JSON
// line. The server runs on CPU --server-cpu, the load generator on CPU --client-cpu.
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <boost/asio/post.hpp>
#include <cstdio>
#include <fstream>
#include <future>
#include <memory>
#include <sstream>

#include "load_generator.hpp"
#include "surfzone/sim/server.hpp"
#include "surfzone/sim/static_mib.hpp"

namespace {

using surfzone::sim::AgentServer;
using surfzone::sim::StaticAgent;

void Pin(int cpu) {
  if (cpu < 0) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  sched_setaffinity(0, sizeof(set), &set);
}

double ThreadCpu() {
  rusage ru{};
  getrusage(RUSAGE_THREAD, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// utime + stime of a process (all its threads), from /proc/<pid>/stat.
double ProcessCpu(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(in, line)) return 0;
  std::istringstream fields(line.substr(line.rfind(')') + 2));
  std::string f;
  double ticks = 0;
  for (int i = 3; fields >> f; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(f);
    if (i == 15) break;
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct CpuProbe {
  AgentServer* server = nullptr;  // our server: its loop thread's CPU
  std::vector<int> pids;          // an external agent's processes
  double start = 0, end = 0;

  double Read() {
    if (!server) {
      double sum = 0;
      for (int pid : pids) sum += ProcessCpu(pid);
      return sum;
    }
    std::promise<double> p;
    auto f = p.get_future();
    boost::asio::post(server->io_context(), [&p] { p.set_value(ThreadCpu()); });
    return f.get();
  }
  static void OnWindow(bool begin, void* self) {
    auto* probe = static_cast<CpuProbe*>(self);
    (begin ? probe->start : probe->end) = probe->Read();
  }
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"surfzone-sim-bench: SNMP agent throughput under a closed-loop load"};
  int agents = 1000, in_flight = 64, server_cpu = 0, client_cpu = 1, bulk_every = 2;
  double duration = 5, warmup = 0.5;
  std::string target, label;
  std::vector<int> target_pids;
  app.add_option("--agents", agents, "simulated agents (one UDP socket each)");
  app.add_option("--inflight", in_flight, "requests kept outstanding");
  app.add_option("--duration", duration, "measured seconds");
  app.add_option("--warmup", warmup, "seconds before measuring");
  app.add_option("--bulk-every", bulk_every, "every Nth request is a GETBULK (0 = none)");
  app.add_option("--server-cpu", server_cpu, "CPU of the server thread (-1 = any)");
  app.add_option("--client-cpu", client_cpu, "CPU of the load generator (-1 = any)");
  app.add_option("--target", target, "load an external agent at host:port instead");
  app.add_option("--target-pid", target_pids, "PIDs of the external agent (CPU accounting)");
  app.add_option("--label", label, "label in the JSON output");
  CLI11_PARSE(app, argc, argv);

  surfzone::bench::LoadOptions load;
  load.in_flight = in_flight;
  load.duration_s = duration;
  load.warmup_s = warmup;
  load.bulk_every = bulk_every;
  CpuProbe probe;
  probe.pids = target_pids;
  std::unique_ptr<AgentServer> server;
  std::vector<std::unique_ptr<StaticAgent>> fleet;
  if (target.empty()) {
    server = std::make_unique<AgentServer>();
    for (int i = 0; i < agents; ++i) {
      fleet.push_back(
          std::make_unique<StaticAgent>(surfzone::sim::SmallApMib(static_cast<unsigned>(i))));
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      a.sin_port = htons(server->Add(*fleet.back()));
      load.targets.push_back(a);
    }
    server->Start(server_cpu);
    probe.server = server.get();
    if (label.empty()) label = "surfzone-sim";
  } else {
    load.targets.push_back(surfzone::bench::ParseTarget(target));
    agents = 1;
    if (label.empty()) label = target;
  }
  Pin(client_cpu);
  const auto r = surfzone::bench::RunLoad(load, &CpuProbe::OnWindow, &probe);
  const double cpu = probe.end - probe.start;
  if (server) server->Stop();
  std::printf(
      "{\"label\":\"%s\",\"agents\":%d,\"inflight\":%d,\"bulk_every\":%d,\"seconds\":%.1f,"
      "\"answered\":%llu,\"requests_per_s\":%.0f,\"get_per_s\":%.0f,\"bulk_per_s\":%.0f,"
      "\"timeouts\":%llu,\"bad_responses\":%llu,\"mbytes_per_s\":%.1f,\"p50_us\":%.0f,"
      "\"p99_us\":%.0f,\"server_cpu_s\":%.2f,\"requests_per_cpu_s\":%.0f}\n",
      label.c_str(), agents, in_flight, bulk_every, r.seconds,
      static_cast<unsigned long long>(r.answered), r.answered / r.seconds,
      r.answered_get / r.seconds, r.answered_bulk / r.seconds,
      static_cast<unsigned long long>(r.timeouts), static_cast<unsigned long long>(r.bad_responses),
      r.response_bytes / r.seconds / 1e6, r.p50_us, r.p99_us, cpu,
      cpu > 0 ? r.answered / cpu : 0.0);
  return 0;
}
