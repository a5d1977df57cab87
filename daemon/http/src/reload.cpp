// POST /-/reload: hands a `done` continuation to Handlers::reload and waits for it without
// blocking the server thread.

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "server_impl.hpp"
#include "session_util.hpp"
#include "surfzone/http/log.hpp"

namespace surfzone::http {
namespace {

namespace bhttp = beast::http;

// Where `done` leaves its result for the waiting request; only touched on the server thread.
// `timer` is null once the request stopped waiting, so late results are dropped.
struct ReloadSlot {
  asio::steady_timer* timer = nullptr;
  std::optional<std::pair<bool, std::string>> outcome;
};

std::function<void(bool, std::string)> MakeDone(std::shared_ptr<ReloadGate> gate,
                                                std::shared_ptr<ReloadSlot> slot) {
  auto called = std::make_shared<std::atomic<bool>>(false);
  return [gate = std::move(gate), slot = std::move(slot), called](bool ok, std::string message) {
    if (called->exchange(true)) return;
    gate->Post([slot, ok, message = std::move(message)]() mutable {
      if (slot->timer == nullptr) return;
      slot->outcome.emplace(ok, std::move(message));
      slot->timer->cancel();
    });
  };
}

}  // namespace

asio::awaitable<Response> Server::Impl::Reload(Connection& conn, const Request& req) {
  const unsigned version = req.version();
  const bool keep_alive = req.keep_alive();
  asio::steady_timer timer(io_, options_.reload_timeout);
  auto slot = std::make_shared<ReloadSlot>();
  slot->timer = &timer;
  conn.reload_timer = &timer;
  struct StopWaiting {
    ReloadSlot& slot;
    Connection& conn;
    ~StopWaiting() {
      slot.timer = nullptr;
      conn.reload_timer = nullptr;
    }
  } stop_waiting{*slot, conn};

  std::optional<std::string> thrown;
  try {
    handlers_.reload(MakeDone(gate_, slot));
  } catch (const std::exception& e) {
    thrown = e.what();
  } catch (...) {
    thrown = "unknown exception";
  }
  if (thrown) {
    log::Error("Reload handler threw", {{"error", *thrown}});
    co_return TextResponse(bhttp::status::internal_server_error, version, keep_alive,
                           fmt::format("reload failed: {}\n", *thrown));
  }

  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  if (slot->outcome) {
    auto& [ok, message] = *slot->outcome;
    if (message.empty()) message = ok ? "OK" : "reload failed";
    co_return TextResponse(ok ? bhttp::status::ok : bhttp::status::internal_server_error, version,
                           keep_alive, fmt::format("{}\n", message));
  }
  if (stopping_) {
    co_return TextResponse(bhttp::status::service_unavailable, version, false, "shutting down\n");
  }
  log::Error("Reload did not complete in time", {{"timeout_ms", options_.reload_timeout.count()}});
  co_return TextResponse(bhttp::status::internal_server_error, version, keep_alive,
                         fmt::format("reload timed out after {}\n", options_.reload_timeout));
}

}  // namespace surfzone::http
