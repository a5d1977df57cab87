#pragma once
/// The protocol logic of an SNMP v1/v2c agent, free of I/O: one decoded request in, one response
/// message out, answered from a MibView.
///
/// Semantics (RFC 3416, RFC 2576 for v1, and net-snmp's snmpd where the RFCs leave a choice):
/// - GET: an absent instance is noSuchInstance if its parent object has any instance, else
///   noSuchObject (v2c); in v1 the whole response is noSuchName (2) with error-index at the first
///   missing varbind and the request's varbinds echoed.
/// - GETNEXT: past the end is endOfMibView (v2c) or noSuchName (v1).
/// - GETBULK: non-repeaters GETNEXTs, then up to max-repetitions rows of the repeaters; stops after
///   the first row in which every repeater is endOfMibView, and drops whole trailing rows (as
///   net-snmp does) so the encoded response fits in `max_message_size` instead of answering tooBig.
/// - v1 never sees Counter64: GET answers noSuchName, GETNEXT skips such instances.
/// - A GET/GETNEXT response that does not fit is answered tooBig with no varbinds.

#include <cstddef>

#include "surfzone/sim/agent.hpp"
#include "surfzone/snmp/ber.hpp"

namespace surfzone::sim {

/// The BER codec lives in surfzone_snmp (shared with the client); the simulator says `ber::`.
namespace ber = snmp::ber;

struct ResponderOptions {
  /// Largest encoded response, in bytes (65507 = the largest UDP/IPv4 payload).
  std::size_t max_message_size = 65507;
};

/// Fills `response` (a RESPONSE to `request`; its buffers are reused) from `mib`. Returns false
/// when no answer must be sent: community mismatch, or not even a tooBig fits.
bool Respond(const ber::Message& request, const MibView& mib, const std::string& community,
             const ResponderOptions& options, ber::Message& response);

}  // namespace surfzone::sim
