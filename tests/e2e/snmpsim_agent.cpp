#include "snmpsim_agent.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "surfzone/testing/snmpd.hpp"

namespace surfzone::e2e {
namespace fs = std::filesystem;

SnmpsimAgent::SnmpsimAgent(const std::vector<std::string>& recordings, int endpoints) {
  char templ[] = "/tmp/surfzone-snmpsim-XXXXXX";
  if (!mkdtemp(templ)) throw std::runtime_error("mkdtemp failed");
  dir_ = templ;
  const fs::path data = fs::path(dir_) / "data", cache = fs::path(dir_) / "cache";
  fs::create_directories(data);
  fs::create_directories(cache);
  ::chmod(dir_.c_str(), 0755);
  ::chmod(data.c_str(), 0755);
  ::chmod(cache.c_str(), 0777);
  for (const auto& name : recordings) {
    const fs::path to = data / (name + ".snmprec");
    fs::copy_file(fs::path(SURFZONE_WALKS_DIR) / (name + ".snmprec"), to);
    ::chmod(to.c_str(), 0644);
  }
  std::vector<std::string> argv = {"snmpsimd",
                                   "--data-dir=" + data.string(),
                                   "--cache-dir=" + cache.string(),
                                   "--process-user=nobody",
                                   "--process-group=nogroup",
                                   "--max-varbinds=720720"};
  for (int i = 0; i < endpoints; ++i) {
    ports_.push_back(testing::FreeUdpPort());
    argv.push_back("--agent-udpv4-endpoint=" + address(i));
  }
  proc_ = std::make_unique<testing::ChildProcess>(std::move(argv), dir_ + "/snmpsimd.log");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (const auto& name : recordings) {
    while (true) {
      const std::string out = testing::RunCommand("snmpget -v2c -c '" + name +
                                                  "' -On -Oqv -t 0.5 -r 0 -M /dev/null -m '' " +
                                                  address() + " 1.3.6.1.2.1.1.2.0 2>/dev/null");
      if (out.find("1.3.6.1.4.1") != std::string::npos) break;
      if (std::chrono::steady_clock::now() > deadline || !proc_->Running()) {
        throw std::runtime_error("snmpsimd did not answer community " + name);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
  }
}

SnmpsimAgent::~SnmpsimAgent() {
  if (proc_) proc_->Stop();
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::string SnmpsimAgent::address(int i) const {
  return "127.0.0.1:" + std::to_string(ports_.at(static_cast<std::size_t>(i)));
}

}  // namespace surfzone::e2e
