#pragma once
// Private to surfzone_snmp: what a Session does, implemented twice. v1/v2c requests are encoded,
// matched and retried by us (session_native.cpp); v3 goes through net-snmp for USM
// (session_netsnmp.cpp). Session (session.cpp) picks one by the auth's version.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/post.hpp>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/snmp/session.hpp"

namespace surfzone::snmp::detail {

class SessionImpl : public std::enable_shared_from_this<SessionImpl> {
 public:
  using VarbindsHandler = UniqueHandler<VarbindsSignature>;
  using OpenHandler = UniqueHandler<OpenSignature>;

  SessionImpl(boost::asio::any_io_executor ex, Engine& e, SessionOptions o)
      : executor(std::move(ex)), engine(e), options(std::move(o)) {}
  virtual ~SessionImpl() = default;
  SessionImpl(const SessionImpl&) = delete;
  SessionImpl& operator=(const SessionImpl&) = delete;

  virtual void Open(OpenHandler handler) = 0;
  virtual void Get(std::vector<Oid> oids, VarbindsHandler handler) = 0;
  virtual void Bulk(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                    VarbindsHandler handler) = 0;
  virtual void Close() = 0;
  virtual bool IsOpen() const = 0;

  /// Completions are always posted, never invoked from inside a delivery or a timer: a handler
  /// may start the next request or close the session safely.
  template <typename Handler, typename... Args>
  void Complete(Handler handler, Args... args) {
    boost::asio::post(executor, [h = std::move(handler), ... a = std::move(args)]() mutable {
      std::move(h)(std::move(a)...);
    });
  }

  /// The SNMP version number on the wire: 0 (v1), 1 (v2c), 3.
  long WireVersion() const {
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

  boost::asio::any_io_executor executor;
  Engine& engine;
  SessionOptions options;
  std::string last_error;
};

std::shared_ptr<SessionImpl> MakeNativeSession(boost::asio::any_io_executor ex, Engine& engine,
                                               SessionOptions options);
std::shared_ptr<SessionImpl> MakeNetsnmpSession(boost::asio::any_io_executor ex, Engine& engine,
                                                SessionOptions options);

}  // namespace surfzone::snmp::detail
