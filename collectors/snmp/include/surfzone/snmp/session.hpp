#pragma once
/// An asynchronous SNMP session to one agent, on Boost.Asio.
///
/// All sessions of an Engine send and receive through one shared UDP socket per address family
/// (answers are matched to the session by their source address:port, then to the request by
/// request-id). v1/v2c are our own: BER codec (ber.hpp), request-ids, timeouts and
/// retransmissions on one engine-wide timer queue. v3 uses a net-snmp single-session for USM,
/// its timeouts driven by an Asio timer; v3 engine-ID discovery is done asynchronously by Open();
/// time synchronisation (notInTimeWindow) is handled by net-snmp when the first authenticated
/// request is answered with a report. Requests complete through Asio completion tokens
/// (callbacks, `use_awaitable`, `as_tuple(use_awaitable)` ...), always posted, never inline;
/// nothing blocks the event loop.
///
/// @par Thread safety: a Session, and the Engine it belongs to, are used from the thread that
/// runs their io_context only.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/config/config.hpp"
#include "surfzone/snmp/engine.hpp"
#include "surfzone/snmp/error.hpp"
#include "surfzone/snmp/unique_handler.hpp"
#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

namespace detail {
class SessionImpl;
}

struct SessionOptions {
  boost::asio::ip::udp::endpoint peer;  // already resolved: no DNS in here
  config::Auth auth;
  std::chrono::milliseconds timeout{2000};  // per try
  int retries = 1;
};

using ErrorCode = boost::system::error_code;
using VarbindsSignature = void(ErrorCode, Varbinds);
using OpenSignature = void(ErrorCode);

class Session {
 public:
  Session(boost::asio::any_io_executor executor, Engine& engine, SessionOptions options);
  ~Session();  // closes; outstanding requests complete with Errc::kClosed
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Opens the session; for v3 also discovers the agent's engine ID (one round trip).
  template <typename Token>
  auto AsyncOpen(Token&& token) {
    return boost::asio::async_initiate<Token, OpenSignature>(
        [this](auto handler) { OpenImpl(OpenHandler(std::move(handler))); }, token);
  }

  /// GET of scalars / exact instances.
  template <typename Token>
  auto AsyncGet(std::vector<Oid> oids, Token&& token) {
    return boost::asio::async_initiate<Token, VarbindsSignature>(
        [this](auto handler, std::vector<Oid> o) {
          GetImpl(std::move(o), VarbindsHandler(std::move(handler)));
        },
        token, std::move(oids));
  }

  /// One GETBULK (v2c/v3) or, for v1, one GETNEXT of the same OIDs.
  template <typename Token>
  auto AsyncGetBulk(std::vector<Oid> oids, int non_repeaters, int max_repetitions, Token&& token) {
    return boost::asio::async_initiate<Token, VarbindsSignature>(
        [this, non_repeaters, max_repetitions](auto handler, std::vector<Oid> o) {
          BulkImpl(std::move(o), non_repeaters, max_repetitions,
                   VarbindsHandler(std::move(handler)));
        },
        token, std::move(oids));
  }

  bool IsOpen() const;
  /// Closes the session now; outstanding requests complete with Errc::kClosed. Reopen with
  /// AsyncOpen.
  void Close();

  /// Human-readable detail of the last error on this session (never contains secrets).
  const std::string& last_error() const;
  const SessionOptions& options() const;

 private:
  using VarbindsHandler = UniqueHandler<VarbindsSignature>;
  using OpenHandler = UniqueHandler<OpenSignature>;
  void OpenImpl(OpenHandler handler);
  void GetImpl(std::vector<Oid> oids, VarbindsHandler handler);
  void BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                VarbindsHandler handler);

  std::shared_ptr<detail::SessionImpl> impl_;
};

}  // namespace surfzone::snmp
