// The v1/v2c Session without net-snmp: requests encoded with our BER codec (ber.hpp), sent on
// the Engine's shared UDP socket, answers matched by (peer, request-id) in the socket's
// RequestTable, which also runs the timeouts and retransmissions (same request-id on every try,
// as net-snmp does; an answer to any try completes the request, later copies are dropped as
// unknown_request_id). Nothing here allocates at rest beyond the options; a request owns its
// encoded datagram until it completes.
#include <cerrno>
#include <cstring>

#include "detail/agent_error.hpp"
#include "detail/request_table.hpp"
#include "detail/session_impl.hpp"
#include "detail/shared_udp.hpp"
#include "surfzone/snmp/ber.hpp"

namespace surfzone::snmp {
namespace {
namespace asio = boost::asio;

class NativeSession final : public detail::SessionImpl,
                            public detail::DatagramSink,
                            public detail::RequestOwner {
 public:
  NativeSession(asio::any_io_executor ex, Engine& e, SessionOptions o)
      : SessionImpl(std::move(ex), e, std::move(o)) {}
  ~NativeSession() override { Close(); }

  void Open(OpenHandler handler) override {
    Close();
    udp_ = detail::SharedUdp::For(executor, engine, options.peer);
    udp_->Register(options.peer, this);
    engine.stats().sessions_open++;
    Complete(std::move(handler), ErrorCode());
  }

  void Get(std::vector<Oid> oids, VarbindsHandler handler) override {
    Send(ber::PduType::kGet, oids, 0, 0, std::move(handler));
  }

  void Bulk(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
            VarbindsHandler handler) override {
    // SNMPv1 has no GETBULK: one GETNEXT of the same OIDs is the closest equivalent.
    if (options.auth.version == config::SnmpVersion::kV1) {
      Send(ber::PduType::kGetNext, oids, 0, 0, std::move(handler));
    } else {
      Send(ber::PduType::kGetBulk, oids, non_repeaters, max_repetitions, std::move(handler));
    }
  }

  void Close() override {
    if (!udp_) return;
    // Keep the socket (and its table) alive while its last session lets go of it.
    const std::shared_ptr<detail::SharedUdp> udp = std::move(udp_);
    udp->Unregister(options.peer, this);
    if (outstanding_ > 0) {
      for (auto& r : udp->requests().RemoveAll(this)) {
        Complete(std::move(r->handler), ErrorCode(Errc::kClosed), Varbinds{});
      }
      outstanding_ = 0;
    }
    engine.stats().sessions_open--;
  }

  bool IsOpen() const override { return udp_ != nullptr; }

  // --- DatagramSink: a datagram from our peer.
  std::optional<DropReason> Deliver(std::span<const std::uint8_t> datagram) override {
    if (!udp_) return DropReason::kWrongSource;
    ber::MessageHeader h;
    switch (ber::DecodeHeader(datagram, h)) {
      case ber::DecodeStatus::kOk:
        break;
      case ber::DecodeStatus::kBadVersion:
        return DropReason::kBadVersion;
      default:
        return DropReason::kMalformed;
    }
    if (h.version != WireVersion()) return DropReason::kBadVersion;
    // Only a Response answers a request; anything else (a request, a trap) answers nothing.
    if (h.pdu_tag != static_cast<std::uint8_t>(ber::PduType::kResponse)) {
      return DropReason::kUnknownRequestId;
    }
    detail::RequestTable& table = udp_->requests();
    const detail::PendingRequest* pending = table.Find(h.request_id);
    if (!pending || pending->owner != this) return DropReason::kUnknownRequestId;
    Varbinds vbs;
    if (ber::DecodeVarbindList(h.varbind_list, vbs) != ber::DecodeStatus::kOk) {
      return DropReason::kMalformed;  // the request stays outstanding: a retry may do better
    }
    std::unique_ptr<detail::PendingRequest> r = table.Remove(h.request_id);
    --outstanding_;
    if (h.error_status != 0) {
      last_error = detail::AgentErrorText(h.error_status, h.error_index);
      engine.stats().Requests(RequestResult::kError)++;
      Complete(std::move(r->handler), ErrorCode(Errc::kAgentError), Varbinds{});
    } else {
      engine.stats().Requests(RequestResult::kOk)++;
      Complete(std::move(r->handler), ErrorCode(), std::move(vbs));
    }
    return std::nullopt;
  }

  // --- RequestOwner
  void Retransmit(detail::PendingRequest& r) override {
    engine.stats().retries++;
    // A failed resend is not fatal: the try times out like a lost datagram.
    udp_->SendTo(options.peer, r.datagram.data(), r.datagram.size());
  }

  void Expire(std::unique_ptr<detail::PendingRequest> r) override {
    --outstanding_;
    engine.stats().Requests(RequestResult::kTimeout)++;
    Complete(std::move(r->handler), ErrorCode(Errc::kTimeout), Varbinds{});
  }

 private:
  void Send(ber::PduType type, const std::vector<Oid>& oids, int non_repeaters, int max_repetitions,
            VarbindsHandler handler) {
    if (!udp_) {
      Complete(std::move(handler), ErrorCode(Errc::kClosed), Varbinds{});
      return;
    }
    detail::RequestTable& table = udp_->requests();
    auto r = std::make_unique<detail::PendingRequest>();
    r->owner = this;
    r->id = table.NewId();
    r->retries_left = options.retries;
    r->timeout = options.timeout;
    ber::EncodeRequest({.version = static_cast<int>(WireVersion()),
                        .community = options.auth.community.Reveal(),
                        .type = type,
                        .request_id = r->id,
                        .non_repeaters = non_repeaters,
                        .max_repetitions = max_repetitions},
                       oids, r->datagram);
    if (udp_->SendTo(options.peer, r->datagram.data(), r->datagram.size()) < 0) {
      last_error = std::string("Failure in sendto (") + std::strerror(errno) + ")";
      engine.stats().Requests(RequestResult::kError)++;
      Complete(std::move(handler), ErrorCode(Errc::kSendFailed), Varbinds{});
      return;
    }
    r->handler = std::move(handler);
    table.Add(std::move(r));
    ++outstanding_;
  }

  std::shared_ptr<detail::SharedUdp> udp_;  // set while open
  std::uint32_t outstanding_ = 0;           // this session's requests in udp_->requests()
};

}  // namespace

std::shared_ptr<detail::SessionImpl> detail::MakeNativeSession(asio::any_io_executor ex,
                                                               Engine& engine,
                                                               SessionOptions options) {
  return std::make_shared<NativeSession>(std::move(ex), engine, std::move(options));
}

}  // namespace surfzone::snmp
