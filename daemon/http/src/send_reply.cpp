// Sending a RouteReply: a plain body, or its parts with chunked transfer encoding for HTTP/1.1
// (the body until the connection closes for HTTP/1.0). A large body (30 MB of /metrics at
// 20,000 APs) then never exists as one string; only one part is held at a time.

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

#include "gzip_parts.hpp"
#include "server_impl.hpp"
#include "session_util.hpp"
#include "surfzone/http/log.hpp"

namespace surfzone::http {

namespace bhttp = beast::http;

namespace {

template <typename Message>
void AddHeaders(Message& m, const RouteReply& reply) {
  for (const auto& [name, value] : reply.headers) m.set(name, value);
}

}  // namespace

asio::awaitable<bool> Server::Impl::SendReply(Connection& conn, const Request& req,
                                              RouteReply reply, std::string_view label) {
  const bool head = req.method() == bhttp::verb::head;
  std::string part;
  bool more = false;
  std::optional<Response> plain;
  // A body in parts (/metrics) is gzipped part by part when the client accepts it.
  const bool gzip =
      options_.gzip && reply.parts && !head && AcceptsGzip(req[bhttp::field::accept_encoding]);
  if (gzip) reply.parts = GzipParts(std::move(reply.parts));
  if (reply.parts) {
    try {
      more = reply.parts(part);
      if (head) {  // HEAD: the length of the whole body, none of it sent
        while (more) more = reply.parts(part);
        reply.body = std::move(part);
        reply.parts = nullptr;
      }
    } catch (const std::exception& e) {
      // Nothing is sent yet: an ordinary 500.
      log::Error("Rendering a response failed", {{"handler", label}, {"error", e.what()}});
      plain = TextResponse(bhttp::status::internal_server_error, req.version(), req.keep_alive(),
                           fmt::format("rendering failed: {}\n", e.what()), head);
    }
  }
  if (!plain && !reply.parts) {
    plain = MakeResponse(static_cast<bhttp::status>(reply.status), req.version(), req.keep_alive(),
                         reply.content_type, std::move(reply.body), head);
    AddHeaders(*plain, reply);
  }
  if (plain) AddWebHeaders(conn, *plain);
  if (plain) {
    Response& res = *plain;
    log::Debug("HTTP request", {{"method", std::string_view(req.method_string())},
                                {"target", std::string_view(req.target())},
                                {"code", res.result_int()}});
    if (handlers_.on_request) handlers_.on_request(label, res.result_int());
    conn.stream.lowest().expires_after(options_.read_timeout);
    auto [ec, n] =
        co_await bhttp::async_write(conn.stream, res, asio::as_tuple(asio::use_awaitable));
    co_return !ec && res.keep_alive();
  }

  const bool chunked = req.version() >= 11;
  bhttp::response<bhttp::empty_body> header{static_cast<bhttp::status>(reply.status),
                                            req.version()};
  header.set(bhttp::field::server, "surfzone");
  header.set(bhttp::field::content_type, reply.content_type);
  AddHeaders(header, reply);
  AddWebHeaders(conn, header);
  if (gzip) header.set(bhttp::field::content_encoding, "gzip");
  header.set(bhttp::field::vary, "Accept-Encoding");
  header.keep_alive(chunked && req.keep_alive());  // HTTP/1.0: the close ends the body
  if (chunked) header.chunked(true);
  log::Debug("HTTP request", {{"method", std::string_view(req.method_string())},
                              {"target", std::string_view(req.target())},
                              {"code", reply.status}});
  if (handlers_.on_request) handlers_.on_request(label, reply.status);
  bhttp::response_serializer<bhttp::empty_body> serializer{header};
  conn.stream.lowest().expires_after(options_.read_timeout);
  auto [head_ec, head_n] = co_await bhttp::async_write_header(conn.stream, serializer,
                                                              asio::as_tuple(asio::use_awaitable));
  if (head_ec) co_return false;

  for (;;) {
    if (!part.empty()) {
      conn.stream.lowest().expires_after(options_.read_timeout);
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
      more = reply.parts(part);
    } catch (const std::exception& e) {
      // The status line is out: end the connection so the client sees a truncated body.
      log::Error("Rendering a response failed", {{"handler", label}, {"error", e.what()}});
      co_return false;
    }
  }
  if (!chunked) co_return false;
  conn.stream.lowest().expires_after(options_.read_timeout);
  auto [last_ec, last_n] = co_await asio::async_write(conn.stream, bhttp::make_chunk_last(),
                                                      asio::as_tuple(asio::use_awaitable));
  co_return !last_ec && header.keep_alive();
}

}  // namespace surfzone::http
