// GET /metrics written in parts (Handlers::metrics_parts): chunked transfer encoding for
// HTTP/1.1, the body until the connection closes for HTTP/1.0. A large fleet's body (30 MB at
// 20,000 APs) then never exists as one string; only one part (Handlers::metrics_parts decides
// its size) is held at a time.

#include <fmt/format.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <exception>
#include <optional>
#include <string_view>
#include <tuple>

#include "server_impl.hpp"
#include "session_util.hpp"
#include "surfzone/http/log.hpp"

namespace surfzone::http {

namespace bhttp = beast::http;

asio::awaitable<bool> Server::Impl::StreamMetrics(Connection& conn, const Request& req) {
  const bool chunked = req.version() >= 11;
  std::function<bool(std::string&)> next;
  std::string part;
  bool more = false;
  std::optional<Response> failed;
  try {
    next = handlers_.metrics_parts();
    more = next(part);
  } catch (const std::exception& e) {
    // Nothing is sent yet: an ordinary 500 (written below: no co_await inside a handler).
    log::Error("Rendering metrics failed", {{"error", e.what()}});
    failed = TextResponse(bhttp::status::internal_server_error, req.version(), req.keep_alive(),
                          fmt::format("rendering metrics failed: {}\n", e.what()));
  }
  if (failed) {
    Response& res = *failed;
    if (handlers_.on_request) handlers_.on_request("/metrics", res.result_int());
    conn.stream.expires_after(options_.read_timeout);
    auto [ec, n] =
        co_await bhttp::async_write(conn.stream, res, asio::as_tuple(asio::use_awaitable));
    co_return !ec && res.keep_alive();
  }

  bhttp::response<bhttp::empty_body> head{bhttp::status::ok, req.version()};
  head.set(bhttp::field::server, "surfzone");
  head.set(bhttp::field::content_type, kMetricsContentType);
  head.keep_alive(chunked && req.keep_alive());  // HTTP/1.0: the close ends the body
  if (chunked) head.chunked(true);
  log::Debug("HTTP request", {{"method", std::string_view(req.method_string())},
                              {"target", std::string_view(req.target())},
                              {"code", 200}});
  if (handlers_.on_request) handlers_.on_request("/metrics", 200);
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  conn.stream.expires_after(options_.read_timeout);
  auto [head_ec, head_n] = co_await bhttp::async_write_header(conn.stream, serializer,
                                                              asio::as_tuple(asio::use_awaitable));
  if (head_ec) co_return false;

  for (;;) {
    if (!part.empty()) {
      conn.stream.expires_after(options_.read_timeout);
      boost::system::error_code ec;
      if (chunked) {
        std::tie(ec, std::ignore) =
            co_await asio::async_write(conn.stream, bhttp::make_chunk(asio::buffer(part)),
                                       asio::as_tuple(asio::use_awaitable));
      } else {
        std::tie(ec, std::ignore) = co_await asio::async_write(conn.stream, asio::buffer(part),
                                                               asio::as_tuple(asio::use_awaitable));
      }
      if (ec || stopping_) co_return false;
    }
    if (!more) break;
    part.clear();  // keeps its capacity for the next part
    try {
      more = next(part);
    } catch (const std::exception& e) {
      // The status line is out: end the connection so the client sees a truncated body.
      log::Error("Rendering metrics failed", {{"error", e.what()}});
      co_return false;
    }
  }
  if (!chunked) co_return false;
  conn.stream.expires_after(options_.read_timeout);
  auto [last_ec, last_n] = co_await asio::async_write(conn.stream, bhttp::make_chunk_last(),
                                                      asio::as_tuple(asio::use_awaitable));
  co_return !last_ec && head.keep_alive();
}

}  // namespace surfzone::http
