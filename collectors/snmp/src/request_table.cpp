#include "detail/request_table.hpp"

#include <algorithm>
#include <functional>

#include "detail/random_ids.hpp"

namespace surfzone::snmp::detail {
namespace {

// Wake-ups are rounded up to this grid: the requests of one poll batch share one wake-up (most
// find their requests answered), and a try lasts at most this much longer than its timeout.
using Tick = std::chrono::duration<std::int64_t, std::centi>;  // 10 ms

PendingRequest::Clock::time_point WakeFor(PendingRequest::Clock::time_point deadline) {
  return PendingRequest::Clock::time_point(std::chrono::ceil<Tick>(deadline.time_since_epoch()));
}

}  // namespace

RequestTable::RequestTable(boost::asio::any_io_executor executor) : timer_(std::move(executor)) {}

std::int32_t RequestTable::NewId() {
  for (;;) {
    const std::int32_t id = RandomId();
    if (!pending_.contains(id)) return id;
  }
}

PendingRequest& RequestTable::Add(std::unique_ptr<PendingRequest> request) {
  PendingRequest& r = *request;
  r.deadline = Clock::now() + r.timeout;
  pending_.emplace(r.id, std::move(request));
  Schedule(r.deadline, r.id);
  return r;
}

PendingRequest* RequestTable::Find(std::int32_t id) {
  const auto it = pending_.find(id);
  return it == pending_.end() ? nullptr : it->second.get();
}

std::unique_ptr<PendingRequest> RequestTable::Remove(std::int32_t id) {
  const auto it = pending_.find(id);
  if (it == pending_.end()) return nullptr;
  std::unique_ptr<PendingRequest> out = std::move(it->second);
  pending_.erase(it);
  if (pending_.empty()) {
    // Nothing left to time out: no wait may keep the io_context busy.
    due_.clear();
    armed_ = Clock::time_point::max();
    timer_.cancel();
  }
  return out;
}

std::vector<std::unique_ptr<PendingRequest>> RequestTable::RemoveAll(const RequestOwner* owner) {
  std::vector<std::int32_t> ids;
  for (const auto& [id, r] : pending_) {
    if (r->owner == owner) ids.push_back(id);
  }
  std::vector<std::unique_ptr<PendingRequest>> out;
  out.reserve(ids.size());
  for (const std::int32_t id : ids) out.push_back(Remove(id));
  return out;
}

void RequestTable::Schedule(Clock::time_point deadline, std::int32_t id) {
  due_.emplace_back(deadline, id);
  std::push_heap(due_.begin(), due_.end(), std::greater<>());
  const Clock::time_point wake = WakeFor(deadline);
  if (wake >= armed_) return;  // the pending wait fires first
  armed_ = wake;
  timer_.expires_at(wake);  // cancels the pending wait, if any
  timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (!ec) self->OnTimer();
  });
}

void RequestTable::OnTimer() {
  armed_ = Clock::time_point::max();
  const auto now = Clock::now();
  while (!due_.empty() && due_.front().first <= now) {
    std::pop_heap(due_.begin(), due_.end(), std::greater<>());
    const auto [deadline, id] = due_.back();
    due_.pop_back();
    PendingRequest* r = Find(id);
    if (!r || r->deadline != deadline) continue;  // answered, or a later try is running
    if (r->retries_left > 0) {
      --r->retries_left;
      r->deadline = now + r->timeout;
      due_.emplace_back(r->deadline, id);
      std::push_heap(due_.begin(), due_.end(), std::greater<>());
      r->owner->Retransmit(*r);
    } else {
      RequestOwner* owner = r->owner;
      owner->Expire(Remove(id));
    }
  }
  if (!due_.empty()) {
    const Clock::time_point next = WakeFor(due_.front().first);
    armed_ = next;
    timer_.expires_at(next);
    timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
      if (!ec) self->OnTimer();
    });
  }
}

}  // namespace surfzone::snmp::detail
