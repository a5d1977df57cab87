#pragma once
// snmpsimd (Debian `snmpsim`) serving real recordings from tests/fixtures/walks on 127.0.0.1:
// one agent, every recording under its own community (the file name without .snmprec).
// Runs as nobody (snmpsimd refuses root) with --max-varbinds=720720 (multi-column GETBULK).

#include <memory>
#include <string>
#include <vector>

#include "surfzone/testing/child_process.hpp"

namespace surfzone::e2e {

class SnmpsimAgent {
 public:
  /// Copies `recordings` (names without .snmprec) to a temp dir readable by nobody, starts
  /// snmpsimd listening on `endpoints` free ports (the config wants a distinct address per
  /// device) and waits until each community answers; throws otherwise.
  explicit SnmpsimAgent(const std::vector<std::string>& recordings, int endpoints = 1);
  ~SnmpsimAgent();
  /// "127.0.0.1:<port>" of endpoint `i`; all serve every recording.
  std::string address(int i = 0) const;

 private:
  std::string dir_;
  std::vector<unsigned short> ports_;
  std::unique_ptr<testing::ChildProcess> proc_;
};

}  // namespace surfzone::e2e
