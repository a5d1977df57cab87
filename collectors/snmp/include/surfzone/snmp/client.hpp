#pragma once
/// The seam between what polls an agent (the plan executor, profile detection, the poller) and
/// what talks to it: an abstract SNMP client with GET, GETBULK and open/close. Session is the
/// network implementation; MibClient (mib_client.hpp) answers from an in-memory MIB, for the
/// offline profile tester and for unit tests of the poll path.
///
/// Requests complete through Asio completion tokens (callbacks, `use_awaitable`,
/// `as_tuple(use_awaitable)` ...). Implementations always complete them later (posted), never
/// inline, and only on the executor the client was made for.

#include <boost/asio/async_result.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/system/error_code.hpp>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "surfzone/config/config.hpp"
#include "surfzone/snmp/error.hpp"
#include "surfzone/snmp/unique_handler.hpp"
#include "surfzone/snmp/value.hpp"

namespace surfzone::snmp {

struct SessionOptions {
  boost::asio::ip::udp::endpoint peer;  // already resolved: no DNS in here
  config::Auth auth;
  std::chrono::milliseconds timeout{2000};  // per try
  int retries = 1;
};

using ErrorCode = boost::system::error_code;
using VarbindsSignature = void(ErrorCode, Varbinds);
using OpenSignature = void(ErrorCode);

class Client {
 public:
  virtual ~Client() = default;

  /// Opens the client; for v3 also discovers the agent's engine ID (one round trip).
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

  virtual bool IsOpen() const = 0;
  /// Closes now; outstanding requests complete with Errc::kClosed. Reopen with AsyncOpen.
  virtual void Close() = 0;
  /// Human-readable detail of the last error (never contains secrets).
  virtual const std::string& last_error() const = 0;
  virtual const SessionOptions& options() const = 0;

 protected:
  using VarbindsHandler = UniqueHandler<VarbindsSignature>;
  using OpenHandler = UniqueHandler<OpenSignature>;
  virtual void OpenImpl(OpenHandler handler) = 0;
  virtual void GetImpl(std::vector<Oid> oids, VarbindsHandler handler) = 0;
  virtual void BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                        VarbindsHandler handler) = 0;
};

}  // namespace surfzone::snmp
