// Waiting on the server thread for a reply produced elsewhere (a snapshot from the poll thread,
// a reload): the work gets a Respond continuation that posts the reply back through the
// ReloadGate; the request's coroutine waits on a timer that the reply cancels.

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <memory>
#include <optional>
#include <utility>

#include "server_impl.hpp"

namespace surfzone::http {
namespace {

// Where the continuation leaves its reply; only touched on the server thread. `timer` is null
// once the request stopped waiting, so late replies are dropped.
struct ReplySlot {
  asio::steady_timer* timer = nullptr;
  std::optional<RouteReply> reply;
};

Respond MakeRespond(std::shared_ptr<ReloadGate> gate, std::shared_ptr<ReplySlot> slot) {
  auto called = std::make_shared<std::atomic<bool>>(false);
  return [gate = std::move(gate), slot = std::move(slot), called](RouteReply reply) {
    if (called->exchange(true)) return;
    gate->Post([slot, reply = std::move(reply)]() mutable {
      if (slot->timer == nullptr) return;
      slot->reply.emplace(std::move(reply));
      slot->timer->cancel();
    });
  };
}

}  // namespace

asio::awaitable<std::optional<RouteReply>> Server::Impl::AwaitReply(
    Connection& conn, const std::function<void(Respond)>& start, std::chrono::milliseconds timeout,
    std::optional<std::string>& thrown) {
  asio::steady_timer timer(io_, timeout);
  auto slot = std::make_shared<ReplySlot>();
  slot->timer = &timer;
  conn.wait_timer = &timer;
  struct StopWaiting {
    ReplySlot& slot;
    Connection& conn;
    ~StopWaiting() {
      slot.timer = nullptr;
      conn.wait_timer = nullptr;
    }
  } stop_waiting{*slot, conn};

  try {
    start(MakeRespond(gate_, slot));
  } catch (const std::exception& e) {
    thrown = e.what();
  } catch (...) {
    thrown = "unknown exception";
  }
  if (thrown) co_return std::nullopt;
  // A reply given at once is already posted: the wait below ends as soon as it runs.
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  co_return std::move(slot->reply);
}

}  // namespace surfzone::http
