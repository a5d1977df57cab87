// The per-connection request loop and the routing of requests to Handlers.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ssl/stream_base.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <exception>
#include <string_view>
#include <tuple>

#include "server_impl.hpp"
#include "session_util.hpp"
#include "surfzone/http/log.hpp"

namespace surfzone::http {
namespace {

namespace bhttp = beast::http;

constexpr std::string_view kIndexPage =
    "<!DOCTYPE html>\n<html>\n<head><title>surfzone exporter</title></head>\n<body>\n"
    "<h1>surfzone exporter</h1>\n<p><a href=\"/metrics\">Metrics</a></p>\n</body>\n</html>\n";
// After an error response the connection is closed; drain what the client still sends for at
// most this long so that the close does not turn into a reset that discards the response.
constexpr auto kLingerTime = std::chrono::seconds(1);
constexpr std::size_t kMaxLingerBytes = 64 * 1024;

bool IsGet(const Request& req) {
  return req.method() == bhttp::verb::get || req.method() == bhttp::verb::head;
}

// Half-closes, then reads until the peer closes (bounded), then closes.
asio::awaitable<void> LingeringClose(DualStream& dual) {
  beast::tcp_stream& stream = dual.lowest();
  boost::system::error_code ec;
  stream.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  if (!ec) {
    std::array<char, 4096> scratch{};
    std::size_t drained = 0;
    stream.expires_after(kLingerTime);
    while (drained < kMaxLingerBytes) {
      auto [read_ec, n] = co_await stream.async_read_some(asio::buffer(scratch),
                                                          asio::as_tuple(asio::use_awaitable));
      if (read_ec) break;
      drained += n;
    }
  }
  stream.close();
}

// bcrypt checks waiting or running at most; beyond, a login is answered 503 at once, so that a
// flood of bad logins costs one core of hashing and a bounded queue, never memory or polling.
constexpr int kMaxPendingAuth = 32;

// Runs on the auth pool. `web` keeps the users of the connection's config alive.
asio::awaitable<bool> CheckCredentials(BasicAuthCache& cache, std::shared_ptr<const WebState> web,
                                       std::string user, std::string password) {
  co_return cache.Check(web->config.basic_auth_users, user, password);
}

}  // namespace

asio::awaitable<bool> Server::Impl::Authorized(Connection& conn, const Request& req) {
  if (!conn.web || conn.web->config.basic_auth_users.empty()) co_return true;
  const std::string_view target = req.target();
  if (target.substr(0, target.find('?')) == "/-/healthy") co_return true;  // as in Prometheus
  bool ok = false;
  bool busy = false;
  const auto creds = ParseBasicAuth(req[bhttp::field::authorization]);
  if (creds) {
    if (auth_pending_ >= kMaxPendingAuth) {
      busy = true;
    } else {
      ++auth_pending_;
      // A coroutine function, not a capturing lambda: its arguments live in its own frame.
      ok = co_await asio::co_spawn(
          auth_pool_, CheckCredentials(auth_cache_, conn.web, creds->first, creds->second),
          asio::use_awaitable);
      --auth_pending_;
    }
  }
  if (ok) co_return true;
  Response res = busy ? TextResponse(bhttp::status::service_unavailable, req.version(),
                                     req.keep_alive(), "too many logins in progress\n")
                      : TextResponse(bhttp::status::unauthorized, req.version(), req.keep_alive(),
                                     "Unauthorized\n");
  if (handlers_.on_auth_failure)
    handlers_.on_auth_failure(busy ? "busy" : creds ? "wrong" : "missing");
  if (busy) {
    res.set(bhttp::field::retry_after, "1");
  } else {
    res.set(bhttp::field::www_authenticate, "Basic realm=\"surfzone\"");
    log::Debug("HTTP request refused: bad or missing credentials",
               {{"target", std::string_view(req.target())}});  // never the credentials
  }
  AddWebHeaders(conn, res);
  if (handlers_.on_request) handlers_.on_request("other", res.result_int());
  conn.stream.lowest().expires_after(options_.read_timeout);
  auto [ec, n] = co_await bhttp::async_write(conn.stream, res, asio::as_tuple(asio::use_awaitable));
  if (ec || !res.keep_alive()) conn.Close();
  co_return false;
}

asio::awaitable<void> Server::Impl::Serve(std::shared_ptr<Connection> conn) {
  struct Unregister {
    std::unordered_set<std::shared_ptr<Connection>>& set;
    std::shared_ptr<Connection> conn;
    ~Unregister() { set.erase(conn); }
  } unregister{connections_, conn};

  if (conn->web && conn->web->tls) {
    conn->stream.UpgradeToTls(*conn->web->tls);
    conn->stream.lowest().expires_after(options_.header_timeout);
    auto [ec] = co_await conn->stream.tls()->async_handshake(asio::ssl::stream_base::server,
                                                             asio::as_tuple(asio::use_awaitable));
    if (ec) {
      log::Debug("TLS handshake failed", {{"error", ec.message()}});
      conn->stream.lowest().close();
      co_return;
    }
  }
  beast::flat_buffer buffer;
  bool linger = false;
  while (!stopping_) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(
        static_cast<std::uint32_t>(std::min<std::size_t>(options_.max_header_bytes, UINT32_MAX)));
    parser.body_limit(options_.max_body_bytes);
    boost::system::error_code read_ec;
    if (buffer.size() == 0) {
      // Idle until the request's first byte: the connection may be closed to make room.
      conn->idle = true;
      conn->idle_since = std::chrono::steady_clock::now();
      conn->stream.lowest().expires_after(options_.idle_timeout);
      auto [ec, n] = co_await conn->stream.async_read_some(buffer.prepare(4096),
                                                           asio::as_tuple(asio::use_awaitable));
      buffer.commit(n);
      if (ec || conn->closed) break;
    }
    conn->idle = false;
    conn->stream.lowest().expires_after(options_.header_timeout);
    std::tie(read_ec, std::ignore) = co_await bhttp::async_read_header(
        conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    if (!read_ec && !parser.is_done()) {
      conn->stream.lowest().expires_after(options_.read_timeout);
      std::tie(read_ec, std::ignore) = co_await bhttp::async_read(
          conn->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
    }
    if (read_ec) {
      const auto status = StatusForReadError(read_ec);
      if (!status || stopping_) break;
      log::Debug("Bad HTTP request", {{"error", read_ec.message()}});
      Response res = TextResponse(*status, 11, false, fmt::format("{}\n", read_ec.message()));
      res.keep_alive(false);
      AddWebHeaders(*conn, res);
      if (handlers_.on_request) handlers_.on_request("other", res.result_int());
      conn->stream.lowest().expires_after(options_.read_timeout);
      co_await bhttp::async_write(conn->stream, res, asio::as_tuple(asio::use_awaitable));
      linger = true;
      break;
    }

    const Request& req = parser.get();
    if (!co_await Authorized(*conn, req)) {
      if (stopping_) break;
      continue;  // answered 401 (or 503); the connection stays for a retry with credentials
    }
    if (auto target = FindAsync(req)) {
      const bool keep = co_await ServeAsync(*conn, req, std::move(*target));
      if (!keep || stopping_) break;
      continue;
    }
    std::string label = "other";
    Response res = co_await Route(*conn, req, label);
    if (stopping_) break;
    res.keep_alive(req.keep_alive());
    log::Debug("HTTP request", {{"method", std::string_view(req.method_string())},
                                {"target", std::string_view(req.target())},
                                {"code", res.result_int()}});
    AddWebHeaders(*conn, res);
    if (handlers_.on_request) handlers_.on_request(label, res.result_int());
    conn->stream.lowest().expires_after(options_.read_timeout);
    auto [write_ec, written] =
        co_await bhttp::async_write(conn->stream, res, asio::as_tuple(asio::use_awaitable));
    if (write_ec || !res.keep_alive()) break;
  }
  if (linger && !stopping_) {
    co_await LingeringClose(conn->stream);
  } else {
    boost::system::error_code ignored;
    conn->stream.lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    conn->stream.lowest().close();
  }
}

asio::awaitable<Response> Server::Impl::Route(Connection& conn, const Request& req,
                                              std::string& label) {
  const std::string_view target = req.target();
  const std::string_view path = target.substr(0, target.find('?'));
  const unsigned version = req.version();
  const bool keep_alive = req.keep_alive();
  const bool head = req.method() == bhttp::verb::head;

  if (path == "/metrics") {
    label = "/metrics";
    if (!IsGet(req)) co_return MethodNotAllowed(version, keep_alive, "GET, HEAD");
    co_return Metrics(req);
  }
  if (path == "/-/healthy" || path == "/-/ready") {
    label = std::string(path);
    if (!IsGet(req)) co_return MethodNotAllowed(version, keep_alive, "GET, HEAD");
    const bool ready = path == "/-/ready";
    const auto& check = ready ? handlers_.ready : handlers_.healthy;
    bool ok = true;
    try {
      ok = !check || check();
    } catch (const std::exception& e) {
      log::Error("HTTP health check failed", {{"handler", path}, {"error", e.what()}});
      ok = false;
    }
    std::string_view text =
        ok ? (ready ? "Ready\n" : "Healthy\n") : (ready ? "Not ready\n" : "Not healthy\n");
    co_return TextResponse(ok ? bhttp::status::ok : bhttp::status::service_unavailable, version,
                           keep_alive, std::string(text), head);
  }
  if (path == "/-/reload" && handlers_.reload) {
    label = "/-/reload";
    if (req.method() != bhttp::verb::post) co_return MethodNotAllowed(version, keep_alive, "POST");
    co_return co_await Reload(conn, req);
  }
  std::string matched;
  const ExtraRoute* route = FindRoute(path, &matched);
  if (path == "/" && route == nullptr) {
    label = "/";
    if (!IsGet(req)) co_return MethodNotAllowed(version, keep_alive, "GET, HEAD");
    co_return MakeResponse(bhttp::status::ok, version, keep_alive, "text/html; charset=utf-8",
                           std::string(kIndexPage), head);
  }
  if (route != nullptr && route->handle) {
    label = matched;
    const bool post = route->method == "POST";
    if (post ? req.method() != bhttp::verb::post : !IsGet(req)) {
      co_return MethodNotAllowed(version, keep_alive, post ? "POST" : "GET, HEAD");
    }
    RouteReply reply;
    try {
      reply = route->handle(target, req.body());
    } catch (const std::exception& e) {
      reply.status = 500;
      reply.content_type = "text/plain; charset=utf-8";
      reply.body = std::string(e.what()) + "\n";
    }
    co_return MakeResponse(static_cast<bhttp::status>(reply.status), version, keep_alive,
                           reply.content_type, std::move(reply.body), head);
  }
  if (route != nullptr) {  // an asynchronous route asked with another method
    label = matched;
    co_return MethodNotAllowed(version, keep_alive, route->method == "POST" ? "POST" : "GET, HEAD");
  }
  co_return TextResponse(bhttp::status::not_found, version, keep_alive, "Not Found\n", head);
}

const ExtraRoute* Server::Impl::FindRoute(std::string_view path, std::string* matched) const {
  if (auto it = handlers_.routes.find(path); it != handlers_.routes.end()) {
    if (matched) *matched = it->first;
    return &it->second;
  }
  // The longest prefix route that `path` lies below ("/a" serves "/a/b", not "/ab").
  const ExtraRoute* best = nullptr;
  std::size_t best_len = 0;
  for (const auto& [name, route] : handlers_.routes) {
    if (!route.prefix || name.size() <= best_len || path.size() <= name.size()) continue;
    if (path.substr(0, name.size()) != name) continue;
    if (name.back() != '/' && path[name.size()] != '/') continue;
    best = &route;
    best_len = name.size();
    if (matched) *matched = name;
  }
  return best;
}

std::optional<Server::Impl::AsyncTarget> Server::Impl::FindAsync(const Request& req) const {
  const std::string_view target = req.target();
  const std::string_view path = target.substr(0, target.find('?'));
  if (path == "/metrics") {
    if (!handlers_.metrics || !IsGet(req)) return std::nullopt;
    return AsyncTarget{handlers_.metrics, options_.metrics_timeout, "/metrics", true};
  }
  if (path == "/-/healthy" || path == "/-/ready" || path == "/-/reload") return std::nullopt;
  std::string matched;
  const ExtraRoute* route = FindRoute(path, &matched);
  if (route == nullptr || !route->handle_async) return std::nullopt;
  const bool post = route->method == "POST";
  if (post ? req.method() != bhttp::verb::post : !IsGet(req)) return std::nullopt;
  RouteRequest request{std::string(req.method_string()), std::string(target), std::string(path),
                       req.body()};
  auto handle = route->handle_async;
  return AsyncTarget{[handle, request = std::move(request)](Respond respond) {
                       handle(request, std::move(respond));
                     },
                     route->timeout, matched, false};
}

asio::awaitable<bool> Server::Impl::ServeAsync(Connection& conn, const Request& req,
                                               AsyncTarget target) {
  std::optional<std::string> thrown;
  auto reply = co_await AwaitReply(conn, target.start, target.timeout, thrown);
  if (stopping_) co_return false;
  if (!reply) {
    RouteReply failed;
    failed.content_type = "text/plain; charset=utf-8";
    if (thrown) {
      log::Error("HTTP handler failed", {{"handler", target.label}, {"error", *thrown}});
      failed.status = 500;
      failed.body = fmt::format("{} failed: {}\n", target.label, *thrown);
    } else {
      log::Warn("HTTP handler did not answer in time",
                {{"handler", target.label}, {"timeout_ms", target.timeout.count()}});
      failed.status = 503;
      failed.body =
          fmt::format("{} did not answer within {} ms\n", target.label, target.timeout.count());
      failed.headers.emplace_back("Retry-After", "1");
    }
    reply = std::move(failed);
  }
  if (target.metrics && reply->status == 200) reply->content_type = kMetricsContentType;
  co_return co_await SendReply(conn, req, std::move(*reply), target.label);
}

Response Server::Impl::Metrics(const Request& req) {
  const bool head = req.method() == bhttp::verb::head;
  std::string body;
  try {
    if (handlers_.render_metrics) body = handlers_.render_metrics();
  } catch (const std::exception& e) {
    log::Error("Rendering metrics failed", {{"error", e.what()}});
    return TextResponse(bhttp::status::internal_server_error, req.version(), req.keep_alive(),
                        fmt::format("rendering metrics failed: {}\n", e.what()), head);
  }
  return MakeResponse(bhttp::status::ok, req.version(), req.keep_alive(), kMetricsContentType,
                      std::move(body), head);
}

}  // namespace surfzone::http
