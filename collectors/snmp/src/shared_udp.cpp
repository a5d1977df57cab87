#include "detail/shared_udp.hpp"

#include <sys/socket.h>

#include <algorithm>

#include "detail/netsnmp.hpp"

namespace surfzone::snmp::detail {
namespace asio = boost::asio;

namespace {
// Room for bursts of replies while the event loop is busy elsewhere (e.g. rendering /metrics).
constexpr int kReceiveBuffer = 8 << 20;
constexpr int kBatch = 256;  // datagrams read per wake-up before yielding to other handlers
}  // namespace

SharedUdp::SharedUdp(asio::any_io_executor executor, Engine& engine, const asio::ip::udp& protocol)
    : engine_(engine), socket_(executor), requests_(std::make_shared<RequestTable>(executor)) {
  socket_.open(protocol);
  socket_.non_blocking(true);
  const int fd = socket_.native_handle();
  // As root SO_RCVBUFFORCE passes net.core.rmem_max; otherwise take what SO_RCVBUF gives.
  if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &kReceiveBuffer, sizeof(kReceiveBuffer)) != 0) {
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &kReceiveBuffer, sizeof(kReceiveBuffer));
  }
  if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &kReceiveBuffer, sizeof(kReceiveBuffer)) != 0) {
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &kReceiveBuffer, sizeof(kReceiveBuffer));
  }
}

SharedUdp::~SharedUdp() = default;

std::shared_ptr<SharedUdp> SharedUdp::For(asio::any_io_executor executor, Engine& engine,
                                          const asio::ip::udp::endpoint& peer) {
  auto& slot = peer.address().is_v6() ? engine.scratch().udp6 : engine.scratch().udp4;
  if (auto existing = slot.lock()) return existing;
  auto created = std::make_shared<SharedUdp>(executor, engine, peer.protocol());
  slot = created;
  return created;
}

int SharedUdp::fd() { return socket_.native_handle(); }

long SharedUdp::SendTo(const asio::ip::udp::endpoint& peer, const void* data, std::size_t size) {
  return static_cast<long>(
      sendto(fd(), data, size, 0, peer.data(), static_cast<socklen_t>(peer.size())));
}

void SharedUdp::Register(const asio::ip::udp::endpoint& peer, DatagramSink* sink) {
  sinks_[peer].push_back(sink);
  ++registered_;
  ArmRead();
}

void SharedUdp::Unregister(const asio::ip::udp::endpoint& peer, DatagramSink* sink) {
  auto it = sinks_.find(peer);
  if (it == sinks_.end()) return;
  auto& list = it->second;
  const auto found = std::find(list.begin(), list.end(), sink);
  if (found == list.end()) return;
  list.erase(found);
  if (list.empty()) sinks_.erase(it);
  if (--registered_ == 0 && waiting_) {
    // Nobody listens: let the pending wait go so the socket closes with its last session.
    boost::system::error_code ignored;
    socket_.cancel(ignored);
  }
}

void SharedUdp::ArmRead() {
  if (waiting_ || registered_ == 0) return;
  waiting_ = true;
  socket_.async_wait(asio::ip::udp::socket::wait_read,
                     [self = shared_from_this()](boost::system::error_code ec) {
                       self->waiting_ = false;
                       if (ec) {
                         self->ArmRead();  // re-arms only if someone registered meanwhile
                         return;
                       }
                       self->OnReadable();
                     });
}

void SharedUdp::OnReadable() {
  for (int i = 0; i < kBatch && registered_ > 0; ++i) {
    asio::ip::udp::endpoint from;
    socklen_t from_len = static_cast<socklen_t>(from.capacity());
    const ssize_t n =
        recvfrom(fd(), buffer_.data(), buffer_.size(), MSG_DONTWAIT, from.data(), &from_len);
    if (n < 0) break;  // nothing more queued (ICMP errors are not reported: socket unconnected)
    from.resize(from_len);
    Dispatch(from, std::span<const std::uint8_t>(buffer_.data(), static_cast<std::size_t>(n)));
  }
  ArmRead();
}

void SharedUdp::Dispatch(const asio::ip::udp::endpoint& from, std::span<const std::uint8_t> data) {
  auto it = sinks_.find(from);
  if (it == sinks_.end()) {
    engine_.stats().Dropped(DropReason::kWrongSource)++;
    return;
  }
  // Normally one session per peer; two (e.g. a reload overlapping a poll) are each offered the
  // datagram until one takes it. Copy: a delivery may close or open sessions.
  const std::vector<DatagramSink*> candidates = it->second;
  std::optional<DropReason> reason;
  current_ = data;
  for (DatagramSink* sink : candidates) {
    auto now = sinks_.find(from);
    if (now == sinks_.end() ||
        std::find(now->second.begin(), now->second.end(), sink) == now->second.end()) {
      continue;  // closed by an earlier delivery
    }
    reason = sink->Deliver(data);
    if (!reason) break;
  }
  current_ = {};
  if (reason) engine_.stats().Dropped(*reason)++;
}

}  // namespace surfzone::snmp::detail
