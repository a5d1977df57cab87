#pragma once
/// A child process for tests: started with fork/exec, killed (SIGTERM, then SIGKILL) on
/// destruction, so no server outlives its test.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace surfzone::testing {

class ChildProcess {
 public:
  /// argv[0] is looked up in PATH. stdout/stderr go to `log_file` (appended) if not empty.
  ChildProcess(std::vector<std::string> argv, std::string log_file = {},
               std::vector<std::string> extra_env = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  bool Running();
  void Signal(int sig);
  /// SIGTERM, wait up to `grace`, then SIGKILL. Returns the exit status (waitpid form).
  int Stop(std::chrono::milliseconds grace = std::chrono::milliseconds(3000));
  /// Waits for exit up to `limit`; returns true and sets `status` if it exited.
  bool WaitExit(std::chrono::milliseconds limit, int* status);

 private:
  pid_t pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
};

/// A UDP (or TCP) port on 127.0.0.1 that was free a moment ago.
unsigned short FreeUdpPort();
unsigned short FreeTcpPort();

/// A fresh directory under $TMPDIR (or /tmp), removed recursively on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

}  // namespace surfzone::testing
