#pragma once
// Private to surfzone_snmp: the outstanding v1/v2c requests of every native session on one shared
// socket, by request-id, and their deadlines. One Asio timer for all of them (a due-time heap),
// so a session at rest owns no timer; wake-ups fall on a 10 ms grid. Request-ids are unique among
// outstanding requests of the socket, starting at a random value.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "surfzone/snmp/session.hpp"

namespace surfzone::snmp::detail {

struct PendingRequest;

/// Who sent a request: told when its try times out.
class RequestOwner {
 public:
  /// Another try is due: send `request.datagram` again (`request.retries_left` already counted).
  virtual void Retransmit(PendingRequest& request) = 0;
  /// No try was answered; the request has left the table.
  virtual void Expire(std::unique_ptr<PendingRequest> request) = 0;

 protected:
  ~RequestOwner() = default;
};

struct PendingRequest {
  using Clock = std::chrono::steady_clock;
  RequestOwner* owner = nullptr;
  std::int32_t id = 0;
  int retries_left = 0;
  std::chrono::milliseconds timeout{0};  // per try
  Clock::time_point deadline{};          // of the current try
  std::vector<std::uint8_t> datagram;    // as sent, for retransmission
  UniqueHandler<void(boost::system::error_code, Varbinds)> handler;
};

class RequestTable : public std::enable_shared_from_this<RequestTable> {
 public:
  explicit RequestTable(boost::asio::any_io_executor executor);

  /// A random id (RandomId) that no outstanding request uses (never 0, never negative).
  std::int32_t NewId();
  /// Takes `request` (its id from NewId) and starts its first try's clock.
  PendingRequest& Add(std::unique_ptr<PendingRequest> request);
  PendingRequest* Find(std::int32_t id);
  /// Takes the request out (answered or abandoned); null if there is none.
  std::unique_ptr<PendingRequest> Remove(std::int32_t id);
  /// Takes out every request of `owner` (closing it).
  std::vector<std::unique_ptr<PendingRequest>> RemoveAll(const RequestOwner* owner);
  std::size_t size() const { return pending_.size(); }

 private:
  using Clock = PendingRequest::Clock;
  using Due = std::pair<Clock::time_point, std::int32_t>;  // deadline, request-id
  void Schedule(Clock::time_point deadline, std::int32_t id);
  void OnTimer();

  std::unordered_map<std::int32_t, std::unique_ptr<PendingRequest>> pending_;
  std::vector<Due> due_;  // min-heap; entries of answered requests are skipped when they pop
  boost::asio::steady_timer timer_;
  Clock::time_point armed_ = Clock::time_point::max();  // expiry of the pending wait, if any
};

}  // namespace surfzone::snmp::detail
