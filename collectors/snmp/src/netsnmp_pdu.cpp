// Conversions between net-snmp's C structures and surfzone's plain types.
#include <cstring>

#include "detail/agent_error.hpp"
#include "detail/netsnmp.hpp"
#include "detail/random_ids.hpp"

namespace surfzone::snmp::detail {
namespace {

Value DecodeValue(const netsnmp_variable_list* v) {
  Value out;
  switch (v->type) {
    case ASN_INTEGER:
      out.type = ValueType::kInteger;
      out.integer = *v->val.integer;
      break;
    case ASN_OCTET_STR:
    case ASN_OPAQUE:
    case ASN_IPADDRESS:
      out.type = v->type == ASN_OCTET_STR ? ValueType::kOctetString
                 : v->type == ASN_OPAQUE  ? ValueType::kOpaque
                                          : ValueType::kIpAddress;
      out.bytes.assign(reinterpret_cast<const char*>(v->val.string), v->val_len);
      break;
    case ASN_OBJECT_ID: {
      out.type = ValueType::kObjectId;
      std::vector<std::uint32_t> arcs;
      const std::size_t n = v->val_len / sizeof(oid);
      arcs.reserve(n);
      for (std::size_t i = 0; i < n; ++i)
        arcs.push_back(static_cast<std::uint32_t>(v->val.objid[i]));
      out.oid = Oid(std::move(arcs));
      break;
    }
    case ASN_COUNTER:
    case ASN_GAUGE:
    case ASN_TIMETICKS:
      out.type = v->type == ASN_COUNTER ? ValueType::kCounter32
                 : v->type == ASN_GAUGE ? ValueType::kGauge32
                                        : ValueType::kTimeTicks;
      // net-snmp stores these in a long; only the low 32 bits are the value.
      out.unsigned_ = static_cast<std::uint32_t>(*v->val.integer);
      break;
    case ASN_COUNTER64:
      out.type = ValueType::kCounter64;
      out.unsigned_ = (static_cast<std::uint64_t>(v->val.counter64->high) << 32) |
                      static_cast<std::uint32_t>(v->val.counter64->low);
      break;
    case SNMP_NOSUCHOBJECT:
      out.type = ValueType::kNoSuchObject;
      break;
    case SNMP_NOSUCHINSTANCE:
      out.type = ValueType::kNoSuchInstance;
      break;
    case SNMP_ENDOFMIBVIEW:
      out.type = ValueType::kEndOfMibView;
      break;
    default:
      out.type = ValueType::kNull;
      break;
  }
  return out;
}

}  // namespace

Varbinds DecodeVarbinds(const netsnmp_pdu* pdu) {
  Varbinds out;
  std::size_t count = 0;
  for (const netsnmp_variable_list* v = pdu->variables; v; v = v->next_variable) ++count;
  out.reserve(count);
  for (const netsnmp_variable_list* v = pdu->variables; v; v = v->next_variable) {
    std::vector<std::uint32_t> arcs(v->name_length);
    for (std::size_t i = 0; i < v->name_length; ++i)
      arcs[i] = static_cast<std::uint32_t>(v->name[i]);
    out.push_back({Oid(std::move(arcs)), DecodeValue(v)});
  }
  return out;
}

netsnmp_pdu* CreatePdu(int command) {
  netsnmp_pdu* pdu = snmp_pdu_create(command);
  // net-snmp's own ids grow by one from a random start: guessable from one observed request.
  pdu->reqid = RandomId();
  pdu->msgid = RandomId();
  return pdu;
}

netsnmp_pdu* BuildRequest(int command, const std::vector<Oid>& oids) {
  netsnmp_pdu* pdu = CreatePdu(command);
  std::vector<oid> buf;
  for (const Oid& o : oids) {
    buf.assign(o.arcs().begin(), o.arcs().end());
    snmp_add_null_var(pdu, buf.data(), buf.size());
  }
  return pdu;
}

namespace {

struct AuthProto {
  const oid* id;
  std::size_t len;
};

AuthProto AuthOid(config::AuthProtocol p) {
  switch (p) {
    case config::AuthProtocol::kMD5:
      return {usmHMACMD5AuthProtocol, USM_AUTH_PROTO_MD5_LEN};
    case config::AuthProtocol::kSHA:
      return {usmHMACSHA1AuthProtocol, USM_AUTH_PROTO_SHA_LEN};
    case config::AuthProtocol::kSHA224:
      return {usmHMAC128SHA224AuthProtocol, OID_LENGTH(usmHMAC128SHA224AuthProtocol)};
    case config::AuthProtocol::kSHA256:
      return {usmHMAC192SHA256AuthProtocol, OID_LENGTH(usmHMAC192SHA256AuthProtocol)};
    case config::AuthProtocol::kSHA384:
      return {usmHMAC256SHA384AuthProtocol, OID_LENGTH(usmHMAC256SHA384AuthProtocol)};
    case config::AuthProtocol::kSHA512:
      return {usmHMAC384SHA512AuthProtocol, OID_LENGTH(usmHMAC384SHA512AuthProtocol)};
    case config::AuthProtocol::kNone:
      break;
  }
  return {usmNoAuthProtocol, OID_LENGTH(usmNoAuthProtocol)};
}

AuthProto PrivOid(config::PrivProtocol p) {
  switch (p) {
    case config::PrivProtocol::kDES:
      return {usmDESPrivProtocol, USM_PRIV_PROTO_DES_LEN};
    case config::PrivProtocol::kAES:
      return {usmAESPrivProtocol, USM_PRIV_PROTO_AES_LEN};
    case config::PrivProtocol::kAES192:
      return {usmAES192PrivProtocol, OID_LENGTH(usmAES192PrivProtocol)};
    case config::PrivProtocol::kAES256:
      return {usmAES256PrivProtocol, OID_LENGTH(usmAES256PrivProtocol)};
    case config::PrivProtocol::kNone:
      break;
  }
  return {usmNoPrivProtocol, OID_LENGTH(usmNoPrivProtocol)};
}

}  // namespace

std::string ApplyAuth(const config::Auth& auth, netsnmp_session& s) {
  switch (auth.version) {
    case config::SnmpVersion::kV1:
      s.version = SNMP_VERSION_1;
      break;
    case config::SnmpVersion::kV2c:
      s.version = SNMP_VERSION_2c;
      break;
    case config::SnmpVersion::kV3:
      s.version = SNMP_VERSION_3;
      break;
  }
  if (auth.version != config::SnmpVersion::kV3) {
    // net-snmp copies the community in snmp_sess_open.
    s.community = reinterpret_cast<u_char*>(const_cast<char*>(auth.community.Reveal().c_str()));
    s.community_len = auth.community.Reveal().size();
    return {};
  }
  s.securityName = const_cast<char*>(auth.username.c_str());
  s.securityNameLen = auth.username.size();
  s.securityModel = SNMP_SEC_MODEL_USM;
  if (!auth.context.empty()) {
    s.contextName = const_cast<char*>(auth.context.c_str());
    s.contextNameLen = auth.context.size();
  }
  switch (auth.security_level) {
    case config::SecurityLevel::kNoAuthNoPriv:
      s.securityLevel = SNMP_SEC_LEVEL_NOAUTH;
      break;
    case config::SecurityLevel::kAuthNoPriv:
      s.securityLevel = SNMP_SEC_LEVEL_AUTHNOPRIV;
      break;
    case config::SecurityLevel::kAuthPriv:
      s.securityLevel = SNMP_SEC_LEVEL_AUTHPRIV;
      break;
  }
  if (auth.security_level == config::SecurityLevel::kNoAuthNoPriv) return {};

  const AuthProto a = AuthOid(auth.auth_protocol);
  s.securityAuthProto = const_cast<oid*>(a.id);
  s.securityAuthProtoLen = a.len;
  s.securityAuthKeyLen = USM_AUTH_KU_LEN;
  const std::string& ap = auth.auth_password.Reveal();
  if (generate_Ku(s.securityAuthProto, static_cast<u_int>(s.securityAuthProtoLen),
                  reinterpret_cast<const u_char*>(ap.data()), ap.size(), s.securityAuthKey,
                  &s.securityAuthKeyLen) != SNMPERR_SUCCESS) {
    return "cannot derive the authentication key of auth \"" + auth.name + "\"";
  }
  if (auth.security_level != config::SecurityLevel::kAuthPriv) return {};

  const AuthProto p = PrivOid(auth.priv_protocol);
  s.securityPrivProto = const_cast<oid*>(p.id);
  s.securityPrivProtoLen = p.len;
  s.securityPrivKeyLen = USM_PRIV_KU_LEN;
  const std::string& pp = auth.priv_password.Reveal();
  if (generate_Ku(s.securityAuthProto, static_cast<u_int>(s.securityAuthProtoLen),
                  reinterpret_cast<const u_char*>(pp.data()), pp.size(), s.securityPrivKey,
                  &s.securityPrivKeyLen) != SNMPERR_SUCCESS) {
    return "cannot derive the privacy key of auth \"" + auth.name + "\"";
  }
  return {};
}

std::string AgentErrorText(long error_status, long error_index) {
  return std::string(snmp_errstring(static_cast<int>(error_status))) + " (index " +
         std::to_string(error_index) + ")";
}

std::string PeerName(const boost::asio::ip::udp::endpoint& peer) {
  const auto addr = peer.address();
  if (addr.is_v6()) return "udp6:[" + addr.to_string() + "]:" + std::to_string(peer.port());
  return "udp:" + addr.to_string() + ":" + std::to_string(peer.port());
}

}  // namespace surfzone::snmp::detail
