#pragma once

/// @file
/// The daemon's HTTP endpoint: a small HTTP/1.1 server (Boost.Beast, C++20 coroutines) on an
/// io_context of its own, run by one dedicated thread so that slow scrapes never delay polling.
/// Nothing on that thread waits for another thread: work elsewhere (a snapshot from the poll
/// thread, a reload) is handed a continuation that posts its result back.
///
/// Endpoints:
///  - `GET /metrics`      200, `text/plain; version=0.0.4; charset=utf-8`, Handlers::metrics
///  - `GET /-/healthy`    200 "Healthy" / 503 "Not healthy"
///  - `GET /-/ready`      200 "Ready" / 503 "Not ready"
///  - `POST /-/reload`    200 on success, 500 with the handler's message otherwise
///  - `GET /`             a small HTML page linking /metrics
///  - anything else       404; a known path with a wrong method 405 with an `Allow` header.
/// HEAD is accepted wherever GET is. Malformed requests get 400 (431/413 when the header/body
/// limit is exceeded) and the connection is closed; the server keeps serving others.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace surfzone::http {

/// What a route answers. `parts`, when set, is the body in parts for GET: each call appends the
/// next part to its argument and returns whether more follow; it is sent with chunked transfer
/// encoding (HTTP/1.0: until the connection closes), so a large body never has to exist as one
/// string. It runs on the server thread. An exception from the first part answers 500; from a
/// later one it closes the connection mid-body (the client sees a truncated response). A HEAD
/// request gets the headers and the length of `body` (of the parts, joined, when set).
struct RouteReply {
  RouteReply() = default;
  RouteReply(unsigned s, std::string type, std::string text)
      : status(s), content_type(std::move(type)), body(std::move(text)) {}

  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::function<bool(std::string&)> parts;
  /// Further response headers (e.g. Cache-Control, Retry-After).
  std::vector<std::pair<std::string, std::string>> headers;
};

/// What an asynchronous route sees of the request.
struct RouteRequest {
  std::string method;  ///< "GET", "HEAD", "POST"
  std::string target;  ///< path and query, as received
  std::string path;    ///< target without the query
  std::string body;
};

/// The continuation of an asynchronous route: call it exactly once, from any thread, at once or
/// later; further calls are ignored, and calls after the request timed out, the client went
/// away or the server stopped are harmless. The reply is sent from the server thread.
using Respond = std::function<void(RouteReply)>;

/// An extra endpoint.
struct ExtraRoute {
  using SyncHandler = std::function<RouteReply(std::string_view target, std::string_view body)>;
  ExtraRoute() = default;
  ExtraRoute(std::string m, SyncHandler h) : method(std::move(m)), handle(std::move(h)) {}

  /// "GET" (HEAD is accepted too) or "POST".
  std::string method = "GET";
  /// Synchronous handler, run on the server thread: for cheap work only (it holds every other
  /// client while it runs). Gets the full target (path and query) and the request body.
  SyncHandler handle;
  /// Asynchronous handler (used instead of `handle` when set): starts the work and returns; the
  /// reply comes through `respond`. Without a reply within `timeout` the client gets 503.
  std::function<void(const RouteRequest& request, Respond respond)> handle_async;
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  /// Also serves every path below this one (`/api/v1/locations` serves
  /// `/api/v1/locations/Stortorget`); the longest matching route wins.
  bool prefix = false;
};

/// Callbacks of the server. Synchronous ones are invoked on the server's thread, one at a time;
/// exceptions thrown by them become a 500 response.
struct Handlers {
  /// Returns the Prometheus text exposition. Unset: an empty body. Used when `metrics` is unset.
  std::function<std::string()> render_metrics;
  /// The /metrics body, asynchronously (takes precedence over render_metrics): called on the
  /// server thread for each GET/HEAD /metrics; the reply's content type is ignored (always the
  /// Prometheus text format). Without a reply within ServerOptions::metrics_timeout the scrape
  /// gets 503.
  std::function<void(Respond respond)> metrics;
  /// Liveness for /-/healthy. Unset: always healthy.
  std::function<bool()> healthy;
  /// Readiness for /-/ready. Unset: always ready.
  std::function<bool()> ready;
  /// Starts a reload for POST /-/reload. The callee must call `done(ok, message)` exactly once,
  /// from any thread, synchronously or later; further calls are ignored, and calls after the
  /// request timed out or the server stopped are harmless. Unset: /-/reload answers 404.
  std::function<void(std::function<void(bool ok, std::string message)> done)> reload;
  /// Called for each response, just before it is sent, with a handler label ("/metrics",
  /// "/-/healthy", "/-/ready", "/-/reload", "/", or "other") and the status code, e.g. to count
  /// `surfzone_http_requests_total{handler,code}`. Optional.
  std::function<void(std::string_view handler, unsigned code)> on_request;
  /// Called when a connection is dropped to stay within the connection limits, with the reason:
  /// "idle_evicted" (an idle connection closed to make room) or "refused" (the new one closed,
  /// none being idle). Optional.
  std::function<void(std::string_view reason)> on_connection_dropped;
  /// Called for each request refused by basic auth (never with the credentials), with the
  /// reason: "missing" (no or malformed Authorization header; 401), "wrong" (unknown user or
  /// wrong password; 401) or "busy" (too many password checks in progress; 503). Optional.
  std::function<void(std::string_view reason)> on_auth_failure;
  /// Further endpoints by path, checked after the built-in ones (a route for "/" replaces the
  /// built-in index page); the label passed to on_request is the route's path.
  std::map<std::string, ExtraRoute, std::less<>> routes;
};

/// Tunables; the defaults suit a Prometheus scrape endpoint.
struct ServerOptions {
  /// A connection is closed when a request (or the next request on a keep-alive connection)
  /// has not been fully received within this time, or a response could not be sent within it.
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  /// How long POST /-/reload waits for `done`; then it answers 500 "reload timed out".
  std::chrono::milliseconds reload_timeout{std::chrono::seconds(60)};
  /// How long GET /metrics waits for Handlers::metrics; then it answers 503.
  std::chrono::milliseconds metrics_timeout{std::chrono::seconds(5)};
  /// Waiting for the first byte of a request (a new connection, or a kept-alive one between
  /// scrapes) may take this long; then the connection is closed.
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(60)};
  /// From a request's first byte to the end of its header: a slow client (one byte a second)
  /// holds a connection at most this long.
  std::chrono::milliseconds header_timeout{std::chrono::seconds(5)};
  /// Open connections in all, and from one client address. When a new connection would pass
  /// either limit, the longest-idle connection (of that address, for the per-address limit)
  /// is closed to make room; when none is idle the new one is closed. Idle clients therefore
  /// cannot lock out a scrape, and one address cannot take every slot.
  std::size_t max_connections = 1024;
  std::size_t max_connections_per_address = 64;
  /// Limits of the request header block and body; exceeding them answers 431 / 413.
  /// The exporter-toolkit web config (TLS, basic auth, headers; see web_config.hpp), or empty
  /// for plain HTTP without auth. Read at Start() (a bad file throws) and again on each new
  /// connection when it or a TLS file changed; a bad file then keeps the last good one.
  /// With basic_auth_users, every endpoint but /-/healthy needs credentials.
  std::string web_config_file;
  /// Replies in parts (/metrics) are gzipped (zlib level 1, part by part) for clients whose
  /// Accept-Encoding accepts gzip, as Prometheus' does.
  bool gzip = true;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_body_bytes = 64 * 1024;
};

/// The HTTP server. Start() and Stop() must be called from outside the server's own thread (not
/// from a handler). A Server is started at most once.
class Server {
 public:
  /// `listen_address` as accepted by ParseListenAddress: "127.0.0.1:9877", "[::1]:0",
  /// ":9877" (all interfaces, IPv6 dual-stack where available), or "localhost:9877".
  Server(std::string listen_address, Handlers handlers, ServerOptions options = {});
  ~Server();  ///< Calls Stop().

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens, then starts the server thread. Throws std::runtime_error naming the
  /// address if it cannot be parsed, resolved or bound; std::logic_error if called twice.
  void Start();

  /// The bound port (the actual one when 0 was requested); 0 before Start().
  std::uint16_t port() const;

  /// Re-reads the web config file (if any) now, as a new connection does when it changed; any
  /// thread, returns at once. A bad file keeps the last good one (logged).
  void RefreshWebConfig();

  /// Graceful stop: stops accepting, closes all connections (pending reload requests are
  /// abandoned), and joins the server thread. Idempotent; a no-op if never started.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace surfzone::http
