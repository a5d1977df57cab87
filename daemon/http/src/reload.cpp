// POST /-/reload: hands a `done` continuation to Handlers::reload and waits for it without
// blocking the server thread (AwaitReply).

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "server_impl.hpp"
#include "session_util.hpp"
#include "surfzone/http/log.hpp"

namespace surfzone::http {

namespace bhttp = beast::http;

asio::awaitable<Response> Server::Impl::Reload(Connection& conn, const Request& req) {
  const unsigned version = req.version();
  const bool keep_alive = req.keep_alive();
  std::optional<std::string> thrown;
  auto reply = co_await AwaitReply(
      conn,
      [this](Respond respond) {
        handlers_.reload([respond = std::move(respond)](bool ok, std::string message) {
          RouteReply r;
          r.status = ok ? 200 : 500;
          r.body = message.empty() ? (ok ? "OK" : "reload failed") : std::move(message);
          respond(std::move(r));
        });
      },
      options_.reload_timeout, thrown);
  if (thrown) {
    log::Error("Reload handler threw", {{"error", *thrown}});
    co_return TextResponse(bhttp::status::internal_server_error, version, keep_alive,
                           fmt::format("reload failed: {}\n", *thrown));
  }
  if (reply) {
    co_return TextResponse(static_cast<bhttp::status>(reply->status), version, keep_alive,
                           fmt::format("{}\n", reply->body));
  }
  if (stopping_) {
    co_return TextResponse(bhttp::status::service_unavailable, version, false, "shutting down\n");
  }
  log::Error("Reload did not complete in time", {{"timeout_ms", options_.reload_timeout.count()}});
  co_return TextResponse(bhttp::status::internal_server_error, version, keep_alive,
                         fmt::format("reload timed out after {}\n", options_.reload_timeout));
}

}  // namespace surfzone::http
