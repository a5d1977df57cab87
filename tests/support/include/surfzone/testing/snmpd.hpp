#pragma once
/// A real net-snmp `snmpd` on 127.0.0.1:<free port>, started for one test and stopped after it.
/// v1/v2c community "public" (read-only) and a v3 user for every security level.

#include <memory>
#include <string>

#include "surfzone/testing/child_process.hpp"

namespace surfzone::testing {

struct SnmpdUsers {
  static constexpr const char* kCommunity = "public";
  static constexpr const char* kAuthPrivUser = "surfpriv";    // SHA-256 + AES
  static constexpr const char* kAuthNoPrivUser = "surfauth";  // SHA
  static constexpr const char* kAuthPassword = "authpass-123";
  static constexpr const char* kPrivPassword = "privpass-456";
};

class Snmpd {
 public:
  /// Starts snmpd and waits until it answers (snmpget sysUpTime); throws if it does not.
  explicit Snmpd(const std::string& sys_name = "surfzone-test-agent");
  ~Snmpd();
  unsigned short port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  /// Runs the net-snmp CLI `snmpget -v2c -c public -On -Oqv <oid>` against it; value text.
  std::string SnmpGet(const std::string& oid) const;
  void Stop();

 private:
  TempDir dir_;
  unsigned short port_ = 0;
  std::unique_ptr<ChildProcess> proc_;
};

/// Output of a shell command (stdout), trailing newline removed.
std::string RunCommand(const std::string& command);

}  // namespace surfzone::testing
