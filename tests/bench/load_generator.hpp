#pragma once
/// A closed-loop SNMP load generator for benchmarks: keeps `in_flight` v2c requests outstanding
/// across a set of UDP targets from one socket on the calling thread, and measures answered
/// requests and their latency. Responses are matched by request-id only (cheap peek), with a
/// full decode of every 1024th one as a sanity check.

#include <netinet/in.h>

#include <cstdint>
#include <string>
#include <vector>

namespace surfzone::bench {

struct LoadOptions {
  std::vector<sockaddr_in> targets;
  std::string community = "public";
  int in_flight = 64;
  double warmup_s = 0.5;
  double duration_s = 5;
  double timeout_s = 1.0;
  /// Every `bulk_every`-th request is a GETBULK (6 columns x 25 repetitions), the rest GETs of 6
  /// scalars. 2 = half and half.
  int bulk_every = 2;
  int bulk_repetitions = 25;
};

struct LoadResult {
  std::uint64_t answered = 0;  // within the measuring window
  std::uint64_t answered_get = 0;
  std::uint64_t answered_bulk = 0;
  std::uint64_t timeouts = 0;
  std::uint64_t bad_responses = 0;  // sanity-checked responses that were errors or empty
  std::uint64_t response_bytes = 0;
  double seconds = 0;
  double p50_us = 0;
  double p99_us = 0;
};

/// Runs warm-up then the measured window; throws std::runtime_error on socket errors.
/// `on_window(start)` is called at the start (true) and the end (false) of the window.
LoadResult RunLoad(const LoadOptions& options, void (*on_window)(bool start, void* ctx), void* ctx);

/// "127.0.0.1:1161" -> sockaddr_in; throws std::invalid_argument.
sockaddr_in ParseTarget(const std::string& host_port);

}  // namespace surfzone::bench
