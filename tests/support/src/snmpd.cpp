#include "surfzone/testing/snmpd.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace surfzone::testing {

std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
  pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

Snmpd::Snmpd(const std::string& sys_name) {
  port_ = FreeUdpPort();
  const std::string conf = dir_.Write(
      "snmpd.conf",
      std::string("rocommunity ") + SnmpdUsers::kCommunity + " 127.0.0.1\n" + "createUser " +
          SnmpdUsers::kAuthPrivUser + " SHA-256 " + SnmpdUsers::kAuthPassword + " AES " +
          SnmpdUsers::kPrivPassword + "\n" + "createUser " + SnmpdUsers::kAuthNoPrivUser + " SHA " +
          SnmpdUsers::kAuthPassword + "\n" + "rouser " + SnmpdUsers::kAuthPrivUser + " priv\n" +
          "rouser " + SnmpdUsers::kAuthNoPrivUser + " auth\n" + "sysName " + sys_name + "\n" +
          "sysLocation surfzone test\n"
          "sysServices 72\n");
  // -C: only our config; -f: foreground; persistent state in the temp dir.
  proc_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{"/usr/sbin/snmpd", "-f", "-C", "-c", conf, "-Lf",
                               dir_.path() + "/snmpd.log", "-p", dir_.path() + "/snmpd.pid", "-M",
                               "/dev/null", "-m", "", "-I", "-smux",
                               "udp:127.0.0.1:" + std::to_string(port_)},
      dir_.path() + "/stdout.log",
      std::vector<std::string>{"SNMP_PERSISTENT_DIR=" + dir_.path() + "/persist",
                               "SNMPCONFPATH=" + dir_.path()});
  // Polls until it answers; a deadline rather than a count, as each snmpget takes its own time.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!SnmpGet("1.3.6.1.2.1.1.3.0").empty()) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  throw std::runtime_error("snmpd did not come up on port " + std::to_string(port_));
}

Snmpd::~Snmpd() { Stop(); }

void Snmpd::Stop() {
  if (proc_) proc_->Stop();
  proc_.reset();
}

std::string Snmpd::SnmpGet(const std::string& oid) const {
  return RunCommand("snmpget -v2c -c " + std::string(SnmpdUsers::kCommunity) +
                    " -On -Oqv -t 0.3 -r 1 -M /dev/null -m '' 127.0.0.1:" + std::to_string(port_) +
                    " " + oid + " 2>/dev/null");
}

}  // namespace surfzone::testing
