#include "sim_process.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "surfzone/testing/http_client.hpp"

namespace surfzone::e2e_sim {
namespace {

using Clock = std::chrono::steady_clock;

double WallNow() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool UdpPortFree(unsigned short port) {
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  if (fd < 0) return false;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

// `count` consecutive UDP ports on 127.0.0.1 that were free a moment ago.
unsigned short FreeUdpPortRange(std::size_t count) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const unsigned short base = testing::FreeUdpPort();
    if (base + count > 65535) continue;
    bool all = true;
    for (std::size_t i = 0; i < count && all; ++i) {
      all = UdpPortFree(static_cast<unsigned short>(base + i));
    }
    if (all) return base;
  }
  throw std::runtime_error("no range of free UDP ports found");
}

}  // namespace

const char* SurfzoneSimPath() { return SURFZONE_SIM_PATH; }

SurfzoneSim::SurfzoneSim(const std::string& dir, const std::string& fleet_yaml,
                         const SimRunOptions& options)
    : log_file_(dir + "/surfzone-sim.log"), config_path_(dir + "/surfzoned.yaml") {
  const std::string fleet_path = dir + "/fleet.yaml";
  std::ofstream(fleet_path) << fleet_yaml;
  // A port can be taken between the check and the simulator's bind: then it exits; try again.
  for (int attempt = 0; attempt < 3; ++attempt) {
    base_port_ = FreeUdpPortRange(options.ap_count);
    api_port_ = testing::FreeTcpPort();
    proc_ = std::make_unique<testing::ChildProcess>(
        std::vector<std::string>{
            SurfzoneSimPath(), "--fleet", fleet_path, "--base-port", std::to_string(base_port_),
            "--web.listen-address", "127.0.0.1:" + std::to_string(api_port_), "--write-config",
            config_path_, "--interval", options.interval, "--timeout", options.timeout, "--retries",
            std::to_string(options.retries), "--profiles", options.profiles},
        log_file_);
    const auto deadline = Clock::now() + 10s;
    while (Clock::now() < deadline && proc_->Running()) {
      try {
        const double before = WallNow();
        const auto resp = testing::HttpGet(api_port_, "/clock", 2s);
        const double after = WallNow();
        if (resp.status == 200) {
          const auto clock = boost::json::parse(resp.body);
          sim_anchor_ = Num(clock.at("now"));
          speed_ = Num(clock.at("speed"));
          real_anchor_ = (before + after) / 2;
          return;
        }
      } catch (const std::exception&) {
        // not listening yet
      }
      std::this_thread::sleep_for(20ms);
    }
    proc_->Stop();
  }
  throw std::runtime_error("surfzone-sim did not start; log:\n" + Log());
}

std::string SurfzoneSim::Log() const { return ReadFile(log_file_); }

boost::json::value SurfzoneSim::Truth(const std::string& query) const {
  const auto resp = testing::HttpGet(api_port_, query.empty() ? "/truth" : "/truth?" + query, 10s);
  if (resp.status != 200) throw std::runtime_error("GET /truth: " + resp.body);
  return boost::json::parse(resp.body);
}

boost::json::value SurfzoneSim::ClientsTruth() const {
  const auto resp = testing::HttpGet(api_port_, "/truth/clients?format=json", 10s);
  if (resp.status != 200) throw std::runtime_error("GET /truth/clients: " + resp.body);
  return boost::json::parse(resp.body);
}

void SurfzoneSim::Inject(const std::string& form) const {
  const auto resp = testing::HttpPost(api_port_, "/faults", form);
  if (resp.status != 200) throw std::runtime_error("POST /faults " + form + ": " + resp.body);
}

double SurfzoneSim::SimNow() const {
  const auto resp = testing::HttpGet(api_port_, "/clock");
  if (resp.status != 200) throw std::runtime_error("GET /clock: " + resp.body);
  return Num(boost::json::parse(resp.body).at("now"));
}

bool SurfzoneSim::WaitUntilSim(double sim_seconds, std::chrono::milliseconds limit) const {
  const auto deadline = Clock::now() + limit;
  for (;;) {
    if (SimNow() >= sim_seconds) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
}

double Num(const boost::json::value& v) {
  if (v.is_double()) return v.get_double();
  if (v.is_int64()) return static_cast<double>(v.get_int64());
  if (v.is_uint64()) return static_cast<double>(v.get_uint64());
  throw std::runtime_error("not a number: " + boost::json::serialize(v));
}

const boost::json::object& ByName(const boost::json::value& list, const std::string& name) {
  for (const auto& item : list.as_array()) {
    if (item.as_object().at("name").as_string() == name) return item.as_object();
  }
  throw std::runtime_error("no entry named " + name);
}

}  // namespace surfzone::e2e_sim
