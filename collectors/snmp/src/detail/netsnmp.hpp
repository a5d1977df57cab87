#pragma once
// Private to surfzone_snmp: the only place net-snmp headers are included.
// net-snmp's headers depend on this order.
// clang-format off
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/large_fd_set.h>
#include <net-snmp/library/snmpusm.h>
#include <net-snmp/library/transform_oids.h>
// clang-format on

#include <boost/asio/ip/udp.hpp>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/config/config.hpp"
#include "surfzone/snmp/engine.hpp"
#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {
namespace detail {
class SharedUdp;
}

struct Engine::Scratch {
  netsnmp_large_fd_set fds;
  int capacity = 0;
  std::weak_ptr<detail::SharedUdp> udp4, udp6;  // the sessions' shared sockets, while any is open
  Scratch();
  ~Scratch();
  void Ensure(int fd);  // grow so that `fd` fits
};

namespace detail {

/// Copies a response PDU's varbinds into plain values.
Varbinds DecodeVarbinds(const netsnmp_pdu* pdu);

/// A new request PDU (GET / GETBULK / GETNEXT) holding `oids` with NULL values.
/// snmp_pdu_create with a random request-id and msgID (RandomId).
netsnmp_pdu* CreatePdu(int command);
netsnmp_pdu* BuildRequest(int command, const std::vector<Oid>& oids);

/// Fills the credentials of `auth` into `session` (community or USM keys). Returns an error
/// message (never containing secrets) or empty on success.
std::string ApplyAuth(const config::Auth& auth, netsnmp_session& session);

/// The network peer spec net-snmp parses, e.g. "udp:127.0.0.1:161" or "udp6:[::1]:161".
std::string PeerName(const boost::asio::ip::udp::endpoint& peer);

}  // namespace detail
}  // namespace surfzone::snmp
