#pragma once
// surfzone-sim started for one test: a fleet file written to a temp dir, the agents on free
// consecutive loopback UDP ports, the truth/fault API on a free TCP port, and the matching
// surfzoned config written next to it. Every wait is bounded.

#include <boost/json/value.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "surfzone/testing/child_process.hpp"

namespace surfzone::e2e_sim {

using namespace std::chrono_literals;

/// Path of the simulator binary (a compile definition set by tests/e2e_sim/CMakeLists.txt).
const char* SurfzoneSimPath();

struct SimRunOptions {
  std::size_t ap_count = 0;       // APs in the fleet file (to reserve that many UDP ports)
  std::string interval = "1s";    // for the written surfzoned config
  std::string timeout = "300ms";  // likewise
  int retries = 0;                // likewise
  std::string profiles = "auto";  // --profiles: auto | vendor | fleet (direct APs' profiles)
};

class SurfzoneSim {
 public:
  /// Writes `fleet_yaml` (without sim.base_port: the port range is chosen here) to `dir`, starts
  /// the simulator and waits until its HTTP API answers. Throws std::runtime_error with the log.
  SurfzoneSim(const std::string& dir, const std::string& fleet_yaml, const SimRunOptions& options);

  /// The surfzoned config (YAML file) for this fleet.
  const std::string& config_path() const { return config_path_; }
  unsigned short base_port() const { return base_port_; }
  unsigned short api_port() const { return api_port_; }
  std::string Log() const;

  /// GET /truth[?query]; the parsed JSON. Throws unless 200.
  boost::json::value Truth(const std::string& query = {}) const;
  /// GET /truth/clients?format=json (clients per AP, location and controller now); the JSON.
  boost::json::value ClientsTruth() const;
  /// POST /faults with a form body; throws unless 200.
  void Inject(const std::string& form) const;
  /// Sim time now (GET /clock).
  double SimNow() const;
  double speed() const { return speed_; }
  /// Wall-clock (unix) time at which the sim clock shows `sim_seconds`.
  double RealAt(double sim_seconds) const {
    return real_anchor_ + (sim_seconds - sim_anchor_) / speed_;
  }
  /// Polls /clock until the sim time reaches `sim_seconds`; false if `limit` passes first.
  bool WaitUntilSim(double sim_seconds, std::chrono::milliseconds limit) const;

 private:
  std::string log_file_;
  std::string config_path_;
  unsigned short base_port_ = 0;
  unsigned short api_port_ = 0;
  double speed_ = 1;
  double sim_anchor_ = 0;   // a sim time ...
  double real_anchor_ = 0;  // ... and the wall-clock time it was read at
  std::unique_ptr<testing::ChildProcess> proc_;
};

/// A number from a JSON value (integer or double).
double Num(const boost::json::value& v);
/// The object in array `list` whose "name" is `name`; throws if none.
const boost::json::object& ByName(const boost::json::value& list, const std::string& name);

}  // namespace surfzone::e2e_sim
