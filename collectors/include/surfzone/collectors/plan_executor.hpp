#pragma once
/// Runs a PollPlan over an SNMP session. v2c/v3: one GETBULK with the scalars as non-repeaters
/// and every table column as repeaters, then more GETBULKs only for columns not finished (a
/// small AP answers a whole poll in one round trip). v1, or an agent that rejects that request:
/// one GET for all scalars, then one multi-column GETNEXT/GETBULK walk per table. Stops at the
/// first timeout (a dead AP costs one timeout, not one per request).

#include <boost/asio/awaitable.hpp>
#include <chrono>
#include <functional>

#include "surfzone/collectors/collector.hpp"
#include "surfzone/snmp/client.hpp"

namespace surfzone::collectors {

struct ExecuteLimits {
  int max_repetitions = 25;
  std::size_t max_rows = 10000;
};

/// Called after every SNMP request with its round-trip time.
using RequestObserver = std::function<void(std::chrono::duration<double> elapsed, bool ok)>;

struct ExecuteOutcome {
  snmp::ErrorCode error;  // first error that stopped the poll; empty if complete
  int requests = 0;
};

boost::asio::awaitable<ExecuteOutcome> ExecutePlan(snmp::Client& session, const PollPlan& plan,
                                                   ExecuteLimits limits, PollResult& result,
                                                   const RequestObserver& observe);

}  // namespace surfzone::collectors
