#pragma once

// Internals of surfzone::http::Server, shared by server.cpp (lifecycle, accept loop),
// session.cpp (per-connection request loop, routing) and reload.cpp (POST /-/reload).

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>

#include "basic_auth.hpp"
#include "surfzone/http/server.hpp"
#include "surfzone/http/web_config.hpp"

namespace surfzone::http {

namespace asio = boost::asio;
namespace beast = boost::beast;

using Request = beast::http::request<beast::http::string_body>;
using Response = beast::http::response<beast::http::string_body>;

inline constexpr std::string_view kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

/// The web config in force for a connection: what it was when the connection was accepted.
struct WebState {
  WebConfig config;
  std::shared_ptr<asio::ssl::context> tls;  // null: plain HTTP
};

/// A connection's byte stream, plain or TLS, as one AsyncStream (the TLS one once
/// UpgradeToTls() ran). Both kinds complete with the same signatures, so each call returns the
/// same type whichever runs.
class DualStream {
 public:
  using executor_type = beast::tcp_stream::executor_type;
  explicit DualStream(asio::ip::tcp::socket socket) : plain_(std::move(socket)) {}

  executor_type get_executor() { return plain_.get_executor(); }
  /// The TCP layer (timeouts, close), whichever kind is in use.
  beast::tcp_stream& lowest() { return tls_ ? beast::get_lowest_layer(*tls_) : plain_; }
  void UpgradeToTls(asio::ssl::context& ctx) {
    tls_ = std::make_unique<TlsStream>(std::move(plain_), ctx);
  }
  TlsStream* tls() { return tls_.get(); }

  template <typename Buffers, typename Token>
  auto async_read_some(const Buffers& buffers, Token&& token) {
    if (tls_) return tls_->async_read_some(buffers, std::forward<Token>(token));
    return plain_.async_read_some(buffers, std::forward<Token>(token));
  }
  template <typename Buffers, typename Token>
  auto async_write_some(const Buffers& buffers, Token&& token) {
    if (tls_) return tls_->async_write_some(buffers, std::forward<Token>(token));
    return plain_.async_write_some(buffers, std::forward<Token>(token));
  }

 private:
  beast::tcp_stream plain_;
  std::unique_ptr<TlsStream> tls_;
};

/// One accepted connection. Only touched on the server thread.
struct Connection {
  Connection(asio::ip::tcp::socket socket, asio::ip::address peer_address,
             std::shared_ptr<const WebState> web_state)
      : stream(std::move(socket)), peer(std::move(peer_address)), web(std::move(web_state)) {}

  /// Aborts whatever the connection's coroutine is waiting for.
  void Close();

  DualStream stream;
  asio::ip::address peer;
  /// Waiting for the first byte of a request (evictable), since `idle_since`.
  bool idle = true;
  std::chrono::steady_clock::time_point idle_since = std::chrono::steady_clock::now();
  bool closed = false;  // Close() was called; it leaves the set when its coroutine ends
  std::shared_ptr<const WebState> web;       // null: no web config
  asio::steady_timer* wait_timer = nullptr;  // set while waiting for a reply from elsewhere
};

/// Lets `done` callbacks from any thread post to the io_context, but only while it exists.
class ReloadGate {
 public:
  explicit ReloadGate(asio::io_context::executor_type executor) : executor_(executor) {}

  /// Posts `fn` to the server thread; dropped after Close().
  template <typename Fn>
  void Post(Fn&& fn) {
    std::lock_guard lock(mutex_);
    if (open_) asio::post(executor_, std::forward<Fn>(fn));
  }

  void Close() {
    std::lock_guard lock(mutex_);
    open_ = false;
  }

 private:
  std::mutex mutex_;
  bool open_ = true;
  asio::io_context::executor_type executor_;
};

class Server::Impl {
 public:
  Impl(std::string listen_address, Handlers handlers, ServerOptions options);
  ~Impl();

  void Start();
  std::uint16_t port() const { return port_; }
  void Stop();
  void PostRefreshWebConfig();  // any thread: RefreshWebConfig() on the server thread

 private:
  // server.cpp
  void Bind();
  bool TryBind(const asio::ip::tcp::endpoint& endpoint, bool dual_stack,
               boost::system::error_code& ec);
  asio::awaitable<void> AcceptLoop();
  /// Makes room for a connection from `peer` within the limits: closes the longest-idle
  /// connection when one must go. False when there is no room (nothing idle to close).
  bool MakeRoom(const asio::ip::address& peer);
  /// Re-reads the web config file when it or a TLS file it names changed (server thread, on
  /// each new connection, as the exporter-toolkit does); a bad file keeps the last good one.
  void RefreshWebConfig();
  /// The request's credentials are good (or none are needed); bcrypt runs on auth_pool_.
  asio::awaitable<bool> Authorized(Connection& conn, const Request& req);
  /// Adds the web config's http_server_config.headers.
  template <typename Message>
  static void AddWebHeaders(const Connection& conn, Message& m) {
    if (!conn.web) return;
    for (const auto& [name, value] : conn.web->config.headers) m.set(name, value);
  }
  void CountDrop(std::string_view reason);
  void Shutdown();

  // session.cpp
  asio::awaitable<void> Serve(std::shared_ptr<Connection> conn);
  asio::awaitable<Response> Route(Connection& conn, const Request& req, std::string& label);
  Response Metrics(const Request& req);
  /// The asynchronous handler for `req` (Handlers::metrics, an ExtraRoute's handle_async) with
  /// its timeout and label; nullptr when the request goes through Route.
  struct AsyncTarget {
    std::function<void(Respond)> start;
    std::chrono::milliseconds timeout;
    std::string label;
    bool metrics = false;
  };
  std::optional<AsyncTarget> FindAsync(const Request& req) const;
  /// Runs an AsyncTarget and sends its reply; whether to keep the connection.
  asio::awaitable<bool> ServeAsync(Connection& conn, const Request& req, AsyncTarget target);
  const ExtraRoute* FindRoute(std::string_view path, std::string* matched) const;

  // await_reply.cpp: starts `start` with a Respond continuation and waits for it, at most
  // `timeout`; nullopt on timeout, shutdown, or when `start` threw (then `thrown` says why).
  asio::awaitable<std::optional<RouteReply>> AwaitReply(Connection& conn,
                                                        const std::function<void(Respond)>& start,
                                                        std::chrono::milliseconds timeout,
                                                        std::optional<std::string>& thrown);

  // send_reply.cpp: sends a RouteReply (its parts chunked, when set, for GET); whether to keep
  // the connection for another request.
  asio::awaitable<bool> SendReply(Connection& conn, const Request& req, RouteReply reply,
                                  std::string_view label);

  // reload.cpp
  asio::awaitable<Response> Reload(Connection& conn, const Request& req);

  // Declared first so that it is destroyed last: every socket and timer below belongs to it.
  asio::io_context io_;
  const std::string listen_address_;
  const Handlers handlers_;
  const ServerOptions options_;
  asio::ip::tcp::acceptor acceptor_;
  asio::steady_timer accept_retry_timer_;
  std::shared_ptr<ReloadGate> gate_;
  std::shared_ptr<const WebState> web_;  // server thread only after Start()
  std::string web_stamp_;                // mtimes and sizes web_ was read at
  std::string web_failed_stamp_;         // the last stamp whose file failed (logged once)
  std::string web_failed_error_;         // and why
  BasicAuthCache auth_cache_;
  asio::thread_pool auth_pool_{1};  // bcrypt checks: one core at most, never the poll thread
  int auth_pending_ = 0;            // checks queued or running (server thread)
  std::unordered_set<std::shared_ptr<Connection>> connections_;  // server thread only
  // Connection drops since the last log line (logged at most every kDropLogInterval).
  std::size_t drops_evicted_ = 0, drops_refused_ = 0;
  std::chrono::steady_clock::time_point drops_logged_{};
  bool stopping_ = false;   // server thread only
  std::uint16_t port_ = 0;  // written before the thread starts, then read-only

  std::mutex lifecycle_mutex_;
  bool started_ = false;
  std::thread thread_;
};

}  // namespace surfzone::http
