// Session: net-snmp's single-session API driven by Asio.
//
// The socket is watched with posix::stream_descriptor::async_wait (no reads by Asio); when it
// is readable we check the sender, then let net-snmp read and dispatch the datagram. Timeouts
// and retransmissions stay net-snmp's: an Asio timer fires at the moment
// snmp_sess_select_info2_flags names and calls snmp_sess_timeout. Completions are always
// posted, never invoked from inside net-snmp, so a handler may start the next request or close
// the session safely.
#include "surfzone/snmp/session.hpp"

#include <sys/socket.h>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "detail/netsnmp.hpp"
#include "surfzone/snmp/message_peek.hpp"

namespace surfzone::snmp {
namespace asio = boost::asio;

namespace {

bool SameEndpoint(const sockaddr_storage& from, const asio::ip::udp::endpoint& peer) {
  asio::ip::udp::endpoint got;
  std::memcpy(got.data(), &from, std::min<std::size_t>(sizeof(from), got.capacity()));
  got.resize(from.ss_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in));
  auto addr = got.address();
  // A v4 agent reached from a dual-stack socket shows up v4-mapped.
  if (addr.is_v6() && addr.to_v6().is_v4_mapped() && peer.address().is_v4()) {
    addr = asio::ip::make_address_v4(asio::ip::v4_mapped, addr.to_v6());
  }
  return addr == peer.address() && got.port() == peer.port();
}

}  // namespace

struct Session::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::any_io_executor ex, Engine& e, SessionOptions o)
      : executor(ex), engine(e), options(std::move(o)), watch(ex), timer(ex) {}

  // One outstanding net-snmp request; handed to net-snmp as the callback's `magic`.
  struct Request {
    Impl* impl = nullptr;
    VarbindsHandler handler;   // ordinary requests
    OpenHandler open_handler;  // the v3 discovery probe
  };

  asio::any_io_executor executor;
  Engine& engine;
  SessionOptions options;
  void* sessp = nullptr;
  int fd = -1;
  asio::posix::stream_descriptor watch;
  asio::steady_timer timer;
  bool waiting_read = false;
  unsigned generation = 0;  // bumped by CloseSocket: stale waits of an old socket are ignored
  bool closing = false;
  int outstanding = 0;
  unsigned callbacks = 0;  // net-snmp callbacks seen (any op): tells handled from dropped
  unsigned sec_errors = 0;
  std::string last_error;
  std::vector<u_char> engine_id;  // v3: discovered securityEngineID

  template <typename Handler, typename... Args>
  void Complete(Handler handler, Args... args) {
    // All our handlers run on this io_context's single thread; posting (not invoking) keeps
    // completions out of net-snmp's call stack.
    asio::post(executor, [h = std::move(handler), ... a = std::move(args)]() mutable {
      std::move(h)(std::move(a)...);
    });
  }

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
    sessp = snmp_sess_open(&s);
    if (!sessp) {
      char* msg = nullptr;
      snmp_error(&s, nullptr, nullptr, &msg);
      last_error = msg ? msg : "snmp_sess_open failed";
      free(msg);
      return false;
    }
    if (probe) {
      // snmp_sess_open clears DONT_PROBE; without it the first send would run net-snmp's
      // synchronous "delayed probe" and block the event loop.
      snmp_sess_session(sessp)->flags |= SNMP_FLAGS_DONT_PROBE;
    }
    fd = snmp_sess_transport(sessp)->sock;
    boost::system::error_code ec;
    watch.assign(fd, ec);
    engine.stats().sessions_open++;
    ArmRead();
    return true;
  }

  void CloseSocket() {
    if (!sessp) return;
    closing = true;
    ++generation;
    waiting_read = false;
    timer.cancel();
    watch.cancel();
    watch.release();
    snmp_sess_close(sessp);  // fires TIMED_OUT callbacks for outstanding requests -> kClosed
    sessp = nullptr;
    fd = -1;
    closing = false;
    engine.stats().sessions_open--;
  }

  static int OnCallback(int op, netsnmp_session* /*s*/, int /*reqid*/, netsnmp_pdu* pdu,
                        void* magic) {
    Request* raw = static_cast<Request*>(magic);
    Impl& self = *raw->impl;
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
        self.last_error = std::string(snmp_errstring(static_cast<int>(pdu->errstat))) + " (index " +
                          std::to_string(pdu->errindex) + ")";
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
    } else if (snmp_sess_async_send(sessp, pdu, &Impl::OnCallback, req.get()) == 0) {
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

  void ArmRead() {
    if (waiting_read || !sessp) return;
    waiting_read = true;
    watch.async_wait(asio::posix::stream_descriptor::wait_read,
                     [self = shared_from_this(), gen = generation](ErrorCode ec) {
                       if (gen != self->generation) return;
                       self->waiting_read = false;
                       if (ec || !self->sessp) return;
                       self->OnReadable();
                     });
  }

  void OnReadable() {
    auto& buf = engine.scratch().datagram;
    for (int i = 0; i < 64 && sessp; ++i) {
      sockaddr_storage from{};
      socklen_t from_len = sizeof(from);
      const ssize_t n = recvfrom(fd, buf.data(), buf.size(), MSG_PEEK | MSG_DONTWAIT,
                                 reinterpret_cast<sockaddr*>(&from), &from_len);
      if (n < 0) break;  // nothing more queued
      if (!SameEndpoint(from, options.peer)) {
        Discard(DropReason::kWrongSource);
        continue;
      }
      const auto peek = PeekMessage(std::span(buf.data(), static_cast<std::size_t>(n)));
      if (!peek) {  // net-snmp would drop it silently; we count it
        Discard(DropReason::kMalformed);
        continue;
      }
      if (peek->version != ExpectedVersion()) {
        Discard(DropReason::kBadVersion);
        continue;
      }
      const unsigned callbacks_before = callbacks;
      const unsigned sec_errors_before = sec_errors;
      auto& scratch = engine.scratch();
      scratch.Ensure(fd);
      NETSNMP_LARGE_FD_SET(fd, &scratch.fds);
      snmp_sess_read2(sessp, &scratch.fds);
      NETSNMP_LARGE_FD_CLR(fd, &scratch.fds);
      if (callbacks == callbacks_before) {
        // net-snmp took the datagram but it answered nothing we asked: a stale or forged
        // request-id, or (v3) one that failed authentication.
        engine.stats().Dropped(sec_errors != sec_errors_before ? DropReason::kAuthFailure
                                                               : DropReason::kUnknownRequestId)++;
      }
    }
    ArmRead();
    ArmTimer();
  }

  void Discard(DropReason reason) {
    char byte;
    recv(fd, &byte, 1, MSG_DONTWAIT);  // removes the whole datagram
    engine.stats().Dropped(reason)++;
  }

  long ExpectedVersion() const {
    switch (options.auth.version) {
      case config::SnmpVersion::kV1:
        return 0;
      case config::SnmpVersion::kV2c:
        return 1;
      case config::SnmpVersion::kV3:
        return 3;
    }
    return -1;
  }

  void ArmTimer() {
    if (!sessp || outstanding == 0) {
      timer.cancel();
      return;
    }
    int numfds = 0;
    int block = 1;
    timeval tv{};
    auto& scratch = engine.scratch();
    scratch.Ensure(fd);
    snmp_sess_select_info2_flags(sessp, &numfds, &scratch.fds, &tv, &block,
                                 NETSNMP_SELECT_NOALARMS);
    NETSNMP_LARGE_FD_CLR(fd, &scratch.fds);
    if (block) return;  // no request waiting for a timeout
    const auto delay = std::chrono::seconds(tv.tv_sec) + std::chrono::microseconds(tv.tv_usec);
    timer.expires_after(delay);
    timer.async_wait([self = shared_from_this(), gen = generation](ErrorCode ec) {
      if (ec || gen != self->generation || !self->sessp) return;
      snmp_sess_timeout(self->sessp);
      self->ArmTimer();
    });
  }
};

Session::Session(asio::any_io_executor executor, Engine& engine, SessionOptions options)
    : impl_(std::make_shared<Impl>(std::move(executor), engine, std::move(options))) {}

Session::~Session() { Close(); }

bool Session::IsOpen() const { return impl_->sessp != nullptr; }
void Session::Close() { impl_->CloseSocket(); }
const std::string& Session::last_error() const { return impl_->last_error; }
const SessionOptions& Session::options() const { return impl_->options; }

void Session::OpenImpl(OpenHandler handler) {
  Impl& impl = *impl_;
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
  auto req = std::make_unique<Impl::Request>();
  req->impl = &impl;
  req->open_handler = OpenHandler([self = impl_, h = std::move(handler)](ErrorCode ec) mutable {
    self->CloseSocket();
    if (!ec && !self->OpenSocket(false)) ec = Errc::kOpenFailed;
    std::move(h)(ec);
  });
  netsnmp_pdu* pdu = snmp_pdu_create(SNMP_MSG_GET);
  pdu->version = SNMP_VERSION_3;
  pdu->securityModel = SNMP_SEC_MODEL_USM;
  pdu->securityLevel = SNMP_SEC_LEVEL_NOAUTH;
  pdu->securityName = strdup("");
  pdu->securityNameLen = 0;
  impl.Submit(pdu, std::move(req));
}

void Session::GetImpl(std::vector<Oid> oids, VarbindsHandler handler) {
  auto req = std::make_unique<Impl::Request>();
  req->impl = impl_.get();
  req->handler = std::move(handler);
  impl_->Submit(detail::BuildRequest(SNMP_MSG_GET, oids), std::move(req));
}

void Session::BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                       VarbindsHandler handler) {
  auto req = std::make_unique<Impl::Request>();
  req->impl = impl_.get();
  req->handler = std::move(handler);
  // SNMPv1 has no GETBULK: one GETNEXT of the same OIDs is the closest equivalent.
  if (impl_->options.auth.version == config::SnmpVersion::kV1) {
    impl_->Submit(detail::BuildRequest(SNMP_MSG_GETNEXT, oids), std::move(req));
    return;
  }
  netsnmp_pdu* pdu = detail::BuildRequest(SNMP_MSG_GETBULK, oids);
  pdu->non_repeaters = non_repeaters;
  pdu->max_repetitions = max_repetitions;
  impl_->Submit(pdu, std::move(req));
}

}  // namespace surfzone::snmp
