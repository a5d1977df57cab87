#include "surfzone/snmp/engine.hpp"

#include <cstdlib>
#include <mutex>

#include "detail/netsnmp.hpp"

namespace surfzone::snmp {

const char* ToString(DropReason reason) {
  switch (reason) {
    case DropReason::kWrongSource:
      return "wrong_source";
    case DropReason::kUnknownRequestId:
      return "unknown_request_id";
    case DropReason::kMalformed:
      return "malformed";
    case DropReason::kBadVersion:
      return "bad_version";
    case DropReason::kAuthFailure:
      return "auth_failure";
    case DropReason::kCount:
      break;
  }
  return "?";
}

const char* ToString(RequestResult result) {
  switch (result) {
    case RequestResult::kOk:
      return "ok";
    case RequestResult::kTimeout:
      return "timeout";
    case RequestResult::kError:
      return "error";
    case RequestResult::kCount:
      break;
  }
  return "?";
}

Engine::Scratch::Scratch() {
  netsnmp_large_fd_set_init(&fds, FD_SETSIZE);
  capacity = FD_SETSIZE;
}
Engine::Scratch::~Scratch() { netsnmp_large_fd_set_cleanup(&fds); }
void Engine::Scratch::Ensure(int fd) {
  if (fd < capacity) return;
  int want = capacity;
  while (want <= fd) want *= 2;
  netsnmp_large_fd_set_resize(&fds, want);
  capacity = want;
}

Engine::Engine() : scratch_(std::make_unique<Scratch>()) {
  static std::once_flag once;
  std::call_once(once, [] {
    // Host snmp.conf files and persistent state must not change what the daemon does, and we
    // use numeric OIDs only, so no MIB files are read either.
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
    netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
    setenv("MIBS", "", 0);
    setenv("MIBDIRS", "", 0);
    snmp_disable_log();
    // SURFZONE_NETSNMP_DEBUG=usm,snmp_api,... turns on net-snmp's own debug output (stderr).
    if (const char* tokens = std::getenv("SURFZONE_NETSNMP_DEBUG"); tokens && *tokens) {
      snmp_enable_stderrlog();
      debug_register_tokens(tokens);
      snmp_set_do_debugging(1);
    }
    init_snmp("surfzone");
  });
}

Engine::~Engine() = default;

}  // namespace surfzone::snmp
