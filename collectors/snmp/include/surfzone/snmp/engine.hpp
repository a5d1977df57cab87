#pragma once
/// Process-wide SNMP state: net-snmp library initialisation (for v3) and the counters every
/// session feeds (requests by result, packets dropped by reason). One per process, used from the
/// thread that runs the sessions' io_context only.

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace surfzone::snmp {

/// Why an incoming packet was thrown away (label `reason` of surfzone_snmp_dropped_packets_total).
enum class DropReason : std::uint8_t {
  kWrongSource,       // came from an address:port that no open session polls
  kUnknownRequestId,  // parsed, but answers no outstanding request
  kMalformed,         // BER/ASN.1 parse error, truncated, garbage
  kBadVersion,        // SNMP version does not match the session
  kAuthFailure,       // v3: wrong digest, decryption error, unknown user/engine
  kCount,
};
const char* ToString(DropReason reason);

enum class RequestResult : std::uint8_t { kOk, kTimeout, kError, kCount };
const char* ToString(RequestResult result);

struct EngineStats {
  std::array<std::uint64_t, static_cast<std::size_t>(DropReason::kCount)> dropped{};
  std::array<std::uint64_t, static_cast<std::size_t>(RequestResult::kCount)> requests{};
  std::uint64_t retries = 0;        // retransmissions after a timeout (v3: net-snmp's)
  std::uint64_t sessions_open = 0;  // currently open sessions (sharing the sockets)

  std::uint64_t& Dropped(DropReason r) { return dropped[static_cast<std::size_t>(r)]; }
  std::uint64_t& Requests(RequestResult r) { return requests[static_cast<std::size_t>(r)]; }
};

class Engine {
 public:
  /// Initialises net-snmp once: no config files, no MIB loading, no persistent state.
  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  EngineStats& stats() { return stats_; }
  const EngineStats& stats() const { return stats_; }

  /// Internal: shared state for the net-snmp calls (a large fd set, the shared sockets).
  struct Scratch;
  Scratch& scratch() { return *scratch_; }

 private:
  EngineStats stats_;
  std::unique_ptr<Scratch> scratch_;
};

}  // namespace surfzone::snmp
