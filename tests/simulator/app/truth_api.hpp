#pragma once
// The simulator's HTTP API: GET /truth (ground truth as JSON), POST /faults (live injection).
// Runs on the HTTP server's thread; every touch of the models is posted to the SNMP thread.

#include <boost/asio/io_context.hpp>

#include "surfzone/http/server.hpp"
#include "surfzone/sim/sim_clock.hpp"
#include "surfzone/sim/sim_fleet.hpp"

namespace surfzone::sim {

/// GET /truth[?from=UNIX]: truth now, location state seconds over [from, now) (default: since
/// the sim start). POST /faults with a JSON-free form body
/// "ap=NAME|location=NAME&kind=down|reboot|slow|garbage|wrong_request_id&duration=SECONDS[&delay_ms=N]":
/// the fault starts now (sim time) and lasts `duration` simulated seconds.
void AddTruthRoutes(http::Handlers& handlers, SimFleet& fleet, const SimClock& clock,
                    boost::asio::io_context& snmp_io);

}  // namespace surfzone::sim
