#pragma once
// The simulator's HTTP API: GET /truth (ground truth as JSON), POST /faults (live injection).
// Runs on the HTTP server's thread; every touch of the models is posted to the SNMP thread.

#include <boost/asio/io_context.hpp>

#include "surfzone/http/server.hpp"
#include "surfzone/sim/server.hpp"
#include "surfzone/sim/sim_clock.hpp"
#include "surfzone/sim/sim_fleet.hpp"

namespace surfzone::sim {

/// GET /truth[?from=UNIX][&wraps=1]: truth now, location state seconds over [from, now) (default:
/// since the sim start). Every AP that has answered correctly also gets first_answered_at,
/// last_answered_at and rx/tx_bytes_since_first_answer (truth carried between the two, which is
/// what a poller that baselines on its first answer can count), and with wraps=1 counter32_wraps
/// (radio interfaces) and on UniFi APs vap_counter32_wraps (VAP byte counters) (costs a model
/// replay per AP); locations get the sums of their APs'
/// rx/tx_bytes_since_first_answer (APs with an agent of their own only). Agent k of `fleet` must
/// be agent k of `agents`. POST /faults with a JSON-free form body
/// "ap=NAME|location=NAME|controller=NAME&kind=down|reboot|slow|garbage|wrong_request_id
/// &duration=SECONDS[&delay_ms=N]": the fault starts now (sim time) and lasts `duration`
/// simulated seconds; a controller takes every kind but reboot and only its own agent is
/// affected (down: silent, so its APs are unknown to a poller; they keep serving clients).
/// GET /truth/clients: "clients<TAB>location" lines, busiest first; ?format=json: clients-only
/// truth (per AP total/radio/SSID, per location incl. per SSID, per controller).
void AddTruthRoutes(http::Handlers& handlers, SimFleet& fleet, const SimClock& clock,
                    AgentServer& agents);

}  // namespace surfzone::sim
