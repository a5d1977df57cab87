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
#include "surfzone/snmp/client.hpp"
#include "surfzone/snmp/engine.hpp"
#include "surfzone/snmp/error.hpp"
#include "surfzone/snmp/unique_handler.hpp"
#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

namespace detail {
class SessionImpl;
}

/// The network Client: v1/v2c over the Engine's shared socket, v3 through net-snmp.
class Session final : public Client {
 public:
  Session(boost::asio::any_io_executor executor, Engine& engine, SessionOptions options);
  ~Session() override;  // closes; outstanding requests complete with Errc::kClosed
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  bool IsOpen() const override;
  void Close() override;
  const std::string& last_error() const override;
  const SessionOptions& options() const override;

 private:
  void OpenImpl(OpenHandler handler) override;
  void GetImpl(std::vector<Oid> oids, VarbindsHandler handler) override;
  void BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                VarbindsHandler handler) override;

  std::shared_ptr<detail::SessionImpl> impl_;
};

}  // namespace surfzone::snmp
