// The SNMPv3 Session: net-snmp's single-session API driven by Asio, over the Engine's shared UDP
// socket (v1/v2c do not come here: session_native.cpp).
//
// Each net-snmp session gets a transport of ours (MakeTransport): sending is a sendto() to the
// agent on the shared socket, receiving hands net-snmp the datagram the shared reader
// (detail::SharedUdp) took for this session's peer. So a whole fleet needs one socket per
// address family, not one per AP. Request matching, v3 security, timeouts and retransmissions
// stay net-snmp's: an Asio timer fires at the moment snmp_sess_select_info2_flags names and
// calls snmp_sess_timeout. Completions are always posted, never invoked from inside net-snmp,
// so a handler may start the next request or close the session safely.
#include <sys/socket.h>

#include <boost/asio/steady_timer.hpp>
#include <cstring>

#include "detail/agent_error.hpp"
#include "detail/netsnmp.hpp"
#include "detail/session_impl.hpp"
#include "detail/shared_udp.hpp"
#include "surfzone/snmp/message_peek.hpp"

namespace surfzone::snmp {
namespace asio = boost::asio;

namespace {

class NetsnmpSession final : public detail::SessionImpl, public detail::DatagramSink {
 public:
  NetsnmpSession(asio::any_io_executor ex, Engine& e, SessionOptions o)
      : SessionImpl(ex, e, std::move(o)), timer(ex) {}
  ~NetsnmpSession() override { CloseSocket(); }

  void Open(OpenHandler handler) override;
  void Get(std::vector<Oid> oids, VarbindsHandler handler) override;
  void Bulk(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
            VarbindsHandler handler) override;
  void Close() override { CloseSocket(); }
  bool IsOpen() const override { return sessp != nullptr; }

  // One outstanding net-snmp request; handed to net-snmp as the callback's `magic`.
  struct Request {
    NetsnmpSession* impl = nullptr;
    VarbindsHandler handler;   // ordinary requests
    OpenHandler open_handler;  // the v3 discovery probe
  };

  void* sessp = nullptr;
  std::shared_ptr<detail::SharedUdp> udp;  // set while open
  asio::steady_timer timer;
  unsigned generation = 0;  // bumped by CloseSocket: stale waits of an old socket are ignored
  bool closing = false;
  int outstanding = 0;
  unsigned callbacks = 0;  // net-snmp callbacks seen (any op): tells handled from dropped
  unsigned sec_errors = 0;
  std::vector<u_char> engine_id;  // v3: discovered securityEngineID

  bool OpenSocket(bool probe) {
    netsnmp_session s;
    snmp_sess_init(&s);
    const std::string peer = detail::PeerName(options.peer);
    s.peername = const_cast<char*>(peer.c_str());
    s.timeout = static_cast<long>(options.timeout.count()) * 1000;  // microseconds
    s.retries = options.retries;
    if (probe) {
      // Discovery: noAuthNoPriv with an empty user; the agent answers with a Report that
      // carries its engine ID. DONT_PROBE keeps snmp_sess_open from doing it synchronously.
      s.version = SNMP_VERSION_3;
      s.securityModel = SNMP_SEC_MODEL_USM;
      s.securityLevel = SNMP_SEC_LEVEL_NOAUTH;
      s.securityName = const_cast<char*>("");
      s.securityNameLen = 0;
      s.flags |= SNMP_FLAGS_DONT_PROBE;
    } else {
      if (std::string err = detail::ApplyAuth(options.auth, s); !err.empty()) {
        last_error = err;
        return false;
      }
      if (options.auth.version == config::SnmpVersion::kV3) {
        // Engine ID known from our own asynchronous discovery: net-snmp skips its blocking
        // probe but still localises the user's keys for it.
        s.securityEngineID = engine_id.data();
        s.securityEngineIDLen = engine_id.size();
        // net-snmp keeps USM users process-wide by (engine ID, name) and would reuse a stale
        // entry (old password after a reload); build it afresh from this session's keys.
        if (usmUser* old = usm_get_user(engine_id.data(), engine_id.size(),
                                        const_cast<char*>(options.auth.username.c_str()))) {
          usm_remove_user(old);
          usm_free_user(old);
        }
      }
    }
    udp = detail::SharedUdp::For(executor, engine, options.peer);
    sessp = snmp_sess_add(&s, MakeTransport(), nullptr, nullptr);
    if (!sessp) {
      char* msg = nullptr;
      snmp_error(&s, nullptr, nullptr, &msg);
      last_error = msg ? msg : "snmp_sess_add failed";
      free(msg);
      udp.reset();
      return false;
    }
    if (probe) {
      // snmp_sess_add clears DONT_PROBE; without it the first send would run net-snmp's
      // synchronous "delayed probe" and block the event loop.
      snmp_sess_session(sessp)->flags |= SNMP_FLAGS_DONT_PROBE;
    }
    udp->Register(options.peer, this);
    engine.stats().sessions_open++;
    return true;
  }

  // --- our net-snmp transport: `data` points back to this Impl; f_close clears it so that
  // netsnmp_transport_free does not free() it.
  netsnmp_transport* MakeTransport() {
    auto* t = static_cast<netsnmp_transport*>(calloc(1, sizeof(netsnmp_transport)));
    if (!t) return nullptr;
    const bool v6 = options.peer.address().is_v6();
    t->domain = v6 ? netsnmp_UDPIPv6Domain : netsnmpUDPDomain;
    t->domain_length = static_cast<int>(netsnmpUDPDomain_len);
    t->sock = udp->fd();
    t->flags = NETSNMP_TRANSPORT_FLAG_OPENED | NETSNMP_TRANSPORT_FLAG_SHARED;
    t->data = this;
    t->msgMaxSize = 65507;  // largest UDP payload over IPv4
    t->f_recv = &NetsnmpSession::TransportRecv;
    t->f_send = &NetsnmpSession::TransportSend;
    t->f_close = &NetsnmpSession::TransportClose;
    t->f_fmtaddr = &NetsnmpSession::TransportFormat;
    return t;
  }
  static int TransportRecv(netsnmp_transport* t, void* buf, int size, void** opaque, int* olength) {
    if (opaque) *opaque = nullptr;
    if (olength) *olength = 0;
    auto* self = static_cast<NetsnmpSession*>(t->data);
    if (!self || !self->udp) return -1;
    const auto datagram = self->udp->current();
    if (datagram.empty() || datagram.size() > static_cast<std::size_t>(size)) return -1;
    std::memcpy(buf, datagram.data(), datagram.size());
    return static_cast<int>(datagram.size());
  }
  static int TransportSend(netsnmp_transport* t, const void* buf, int size, void** /*opaque*/,
                           int* /*olength*/) {
    auto* self = static_cast<NetsnmpSession*>(t->data);
    if (!self || !self->udp || size < 0) return -1;
    return static_cast<int>(
        self->udp->SendTo(self->options.peer, buf, static_cast<std::size_t>(size)));
  }
  static int TransportClose(netsnmp_transport* t) {
    t->data = nullptr;
    t->sock = -1;
    return 0;
  }
  static char* TransportFormat(netsnmp_transport* t, const void* /*data*/, int /*len*/) {
    auto* self = static_cast<NetsnmpSession*>(t->data);
    if (!self) return strdup("udp: (closed)");
    const auto& p = self->options.peer;
    return strdup(("udp:" + p.address().to_string() + ":" + std::to_string(p.port())).c_str());
  }

  void CloseSocket() {
    if (!sessp) return;
    closing = true;
    ++generation;
    timer.cancel();
    udp->Unregister(options.peer, this);
    snmp_sess_close(sessp);  // fires TIMED_OUT callbacks for outstanding requests -> kClosed
    sessp = nullptr;
    udp.reset();
    closing = false;
    engine.stats().sessions_open--;
  }

  static int OnCallback(int op, netsnmp_session* /*s*/, int /*reqid*/, netsnmp_pdu* pdu,
                        void* magic) {
    Request* raw = static_cast<Request*>(magic);
    NetsnmpSession& self = *raw->impl;
    self.callbacks++;
    // Notifications: the request stays outstanding, a final callback follows.
    if (op == NETSNMP_CALLBACK_OP_RESEND) {
      self.engine.stats().retries++;
      return 1;
    }
    if (op == NETSNMP_CALLBACK_OP_SEC_ERROR) self.sec_errors++;
    if (op == NETSNMP_CALLBACK_OP_SEC_ERROR || op == NETSNMP_CALLBACK_OP_SEND_FAILED) {
      if (pdu) self.last_error = snmp_api_errstring(snmpv3_get_report_type(pdu));
      return 1;
    }
    std::unique_ptr<Request> req(raw);
    self.outstanding--;
    ErrorCode ec;
    Varbinds vbs;
    RequestResult result = RequestResult::kError;
    if (self.closing) {
      ec = Errc::kClosed;
    } else if (op == NETSNMP_CALLBACK_OP_RECEIVED_MESSAGE && pdu) {
      if (req->open_handler) {
        self.engine_id.assign(pdu->securityEngineID,
                              pdu->securityEngineID + pdu->securityEngineIDLen);
        if (self.engine_id.empty()) {
          ec = Errc::kDiscoveryFailed;
        } else {
          result = RequestResult::kOk;
        }
      } else if (pdu->command == SNMP_MSG_REPORT) {
        ec = Errc::kSecurityError;
        self.last_error = snmp_api_errstring(snmpv3_get_report_type(pdu));
      } else if (pdu->errstat != SNMP_ERR_NOERROR) {
        ec = Errc::kAgentError;
        self.last_error = detail::AgentErrorText(pdu->errstat, pdu->errindex);
      } else {
        vbs = detail::DecodeVarbinds(pdu);
        result = RequestResult::kOk;
      }
    } else if (op == NETSNMP_CALLBACK_OP_TIMED_OUT) {
      ec = Errc::kTimeout;
      result = RequestResult::kTimeout;
    } else {
      ec = Errc::kSendFailed;
    }
    if (!self.closing) self.engine.stats().Requests(result)++;
    if (req->open_handler) {
      self.Complete(std::move(req->open_handler), ec);
    } else {
      self.Complete(std::move(req->handler), ec, std::move(vbs));
    }
    return 1;
  }

  // Sends `pdu` (taking ownership); on failure completes the request with the error.
  void Submit(netsnmp_pdu* pdu, std::unique_ptr<Request> req) {
    ErrorCode ec;
    if (!sessp) {
      snmp_free_pdu(pdu);
      ec = Errc::kClosed;
    } else if (snmp_sess_async_send(sessp, pdu, &NetsnmpSession::OnCallback, req.get()) == 0) {
      int liberr = 0, syserr = 0;
      char* msg = nullptr;
      snmp_sess_error(sessp, &liberr, &syserr, &msg);
      last_error = msg ? msg : "send failed";
      free(msg);
      snmp_free_pdu(pdu);
      engine.stats().Requests(RequestResult::kError)++;
      ec = Errc::kSendFailed;
    } else {
      req.release();
      outstanding++;
      ArmTimer();
      return;
    }
    if (req->open_handler) {
      Complete(std::move(req->open_handler), ec);
    } else {
      Complete(std::move(req->handler), ec, Varbinds{});
    }
  }

  // A datagram from our peer, read by the shared socket: checked, then given to net-snmp.
  std::optional<DropReason> Deliver(std::span<const std::uint8_t> datagram) override {
    if (!sessp) return DropReason::kWrongSource;
    const auto peek = PeekMessage(datagram);
    if (!peek) return DropReason::kMalformed;  // net-snmp would drop it silently; we count it
    if (peek->version != WireVersion()) return DropReason::kBadVersion;
    const unsigned callbacks_before = callbacks;
    const unsigned sec_errors_before = sec_errors;
    const int fd = udp->fd();
    auto& scratch = engine.scratch();
    scratch.Ensure(fd);
    NETSNMP_LARGE_FD_SET(fd, &scratch.fds);
    snmp_sess_read2(sessp, &scratch.fds);  // calls TransportRecv, which copies `datagram`
    NETSNMP_LARGE_FD_CLR(fd, &scratch.fds);
    ArmTimer();
    if (callbacks != callbacks_before) return std::nullopt;
    // net-snmp took the datagram but it answered nothing we asked: a stale or forged
    // request-id, or (v3) one that failed authentication.
    return sec_errors != sec_errors_before ? DropReason::kAuthFailure
                                           : DropReason::kUnknownRequestId;
  }

  void ArmTimer() {
    if (!sessp || outstanding == 0) {
      timer.cancel();
      return;
    }
    int numfds = 0;
    int block = 1;
    timeval tv{};
    const int fd = udp->fd();
    auto& scratch = engine.scratch();
    scratch.Ensure(fd);
    snmp_sess_select_info2_flags(sessp, &numfds, &scratch.fds, &tv, &block,
                                 NETSNMP_SELECT_NOALARMS);
    NETSNMP_LARGE_FD_CLR(fd, &scratch.fds);
    if (block) return;  // no request waiting for a timeout
    const auto delay = std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
    timer.expires_after(delay);
    timer.async_wait([self = std::static_pointer_cast<NetsnmpSession>(shared_from_this()),
                      gen = generation](ErrorCode ec) {
      if (ec || gen != self->generation || !self->sessp) return;
      snmp_sess_timeout(self->sessp);
      self->ArmTimer();
    });
  }
};

}  // namespace

void NetsnmpSession::Open(OpenHandler handler) {
  NetsnmpSession& impl = *this;
  impl.CloseSocket();
  const bool v3 = impl.options.auth.version == config::SnmpVersion::kV3;
  if (!v3 || !impl.engine_id.empty()) {
    ErrorCode ec;
    if (!impl.OpenSocket(false)) ec = Errc::kOpenFailed;
    impl.Complete(std::move(handler), ec);
    return;
  }
  if (!impl.OpenSocket(true)) {
    impl.Complete(std::move(handler), ErrorCode(Errc::kOpenFailed));
    return;
  }
  // The probe's completion reopens the socket as the real, authenticated session.
  auto req = std::make_unique<Request>();
  req->impl = &impl;
  auto self = std::static_pointer_cast<NetsnmpSession>(shared_from_this());
  req->open_handler = OpenHandler([self, h = std::move(handler)](ErrorCode ec) mutable {
    self->CloseSocket();
    if (!ec && !self->OpenSocket(false)) ec = Errc::kOpenFailed;
    std::move(h)(ec);
  });
  netsnmp_pdu* pdu = detail::CreatePdu(SNMP_MSG_GET);
  pdu->version = SNMP_VERSION_3;
  pdu->securityModel = SNMP_SEC_MODEL_USM;
  pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
  pdu->securityName = strdup("");
  pdu->securityNameLen = 0;
  impl.Submit(pdu, std::move(req));
}

void NetsnmpSession::Get(std::vector<Oid> oids, VarbindsHandler handler) {
  auto req = std::make_unique<Request>();
  req->impl = this;
  req->handler = std::move(handler);
  Submit(detail::BuildRequest(SNMP_MSG_GET, oids), std::move(req));
}

void NetsnmpSession::Bulk(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                          VarbindsHandler handler) {
  auto req = std::make_unique<Request>();
  req->impl = this;
  req->handler = std::move(handler);
  // SNMPv1 has no GETBULK: one GETNEXT of the same OIDs is the closest equivalent.
  if (options.auth.version == config::SnmpVersion::kV1) {
    Submit(detail::BuildRequest(SNMP_MSG_GETNEXT, oids), std::move(req));
    return;
  }
  netsnmp_pdu* pdu = detail::BuildRequest(SNMP_MSG_GETBULK, oids);
  pdu->non_repeaters = non_repeaters;
  pdu->max_repetitions = max_repetitions;
  Submit(pdu, std::move(req));
}

std::shared_ptr<detail::SessionImpl> detail::MakeNetsnmpSession(asio::any_io_executor ex,
                                                                Engine& engine,
                                                                SessionOptions options) {
  return std::make_shared<NetsnmpSession>(std::move(ex), engine, std::move(options));
}

}  // namespace surfzone::snmp
