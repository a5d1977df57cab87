#include "surfzone/sim/server.hpp"

#include <netinet/in.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace surfzone::sim {

namespace asio = boost::asio;
using asio::ip::udp;

struct AgentServer::Slot {
  Slot(asio::io_context& io, Agent& a) : agent(&a), socket(io) {}
  Agent* agent;
  udp::socket socket;  // own socket; unused (never opened) for a shared agent
  SharedSocket* shared = nullptr;
  in_addr local{};  // shared: the agent's own address, the answers' source
  udp::endpoint peer;
  std::uint16_t port = 0;
  AgentCounters counters;
};

struct AgentServer::SharedSocket {
  explicit SharedSocket(asio::io_context& io) : socket(io) {}
  udp::socket socket;
  std::uint16_t port = 0;
  std::unordered_map<std::uint32_t, Slot*> by_address;  // network byte order s_addr
};

struct AgentServer::Delayed {
  Delayed(asio::io_context& io, std::vector<std::uint8_t> b, udp::endpoint to)
      : timer(io), bytes(std::move(b)), peer(to) {}
  asio::steady_timer timer;
  std::vector<std::uint8_t> bytes;
  udp::endpoint peer;
};

namespace {

AgentStats Snapshot(const AgentCounters& c) {
  auto r = [](const std::atomic<std::uint64_t>& a) { return a.load(std::memory_order_relaxed); };
  AgentStats s;
  s.get = r(c.get);
  s.get_next = r(c.get_next);
  s.get_bulk = r(c.get_bulk);
  s.malformed = r(c.malformed);
  s.community_mismatch = r(c.community_mismatch);
  s.dropped = r(c.dropped);
  s.responses = r(c.responses);
  s.send_errors = r(c.send_errors);
  s.first_answered_at = c.first_answered_at.load(std::memory_order_relaxed);
  s.last_answered_at = c.last_answered_at.load(std::memory_order_relaxed);
  return s;
}

double RealClock() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

AgentServer::AgentServer(AgentServerOptions options)
    : options_(std::move(options)), rx_(65536), rng_(options_.seed | 1) {
  if (!options_.clock) options_.clock = RealClock;
  if (options_.max_batch < 1) options_.max_batch = 1;
  tx_.reserve(options_.responder.max_message_size + 64);
  RaiseFileLimit();
}

AgentServer::~AgentServer() { Stop(); }

std::uint64_t AgentServer::RaiseFileLimit() {
  rlimit lim{};
  if (getrlimit(RLIMIT_NOFILE, &lim) != 0) return 0;
  // With CAP_SYS_RESOURCE (e.g. root in a container) the hard limit itself can go up to
  // fs.nr_open; otherwise this fails and the soft limit is raised to the hard one.
  std::uint64_t nr_open = 0;
  if (std::FILE* f = std::fopen("/proc/sys/fs/nr_open", "r")) {
    if (std::fscanf(f, "%lu", &nr_open) != 1) nr_open = 0;
    std::fclose(f);
  }
  if (nr_open > lim.rlim_max) {
    const rlimit wanted{nr_open, nr_open};
    if (setrlimit(RLIMIT_NOFILE, &wanted) == 0) return nr_open;
  }
  if (lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    getrlimit(RLIMIT_NOFILE, &lim);
  }
  return lim.rlim_cur;
}

std::uint16_t AgentServer::Add(Agent& agent, std::uint16_t port) {
  auto slot = std::make_unique<Slot>(io_, agent);
  const udp::endpoint at(asio::ip::make_address(options_.address), port);
  slot->socket.open(at.protocol());
  slot->socket.bind(at);
  slot->socket.non_blocking(true);
  slot->port = slot->socket.local_endpoint().port();
  Slot& s = *slot;
  slots_.push_back(std::move(slot));
  Arm(s);
  return s.port;
}

void AgentServer::AddShared(Agent& agent, const std::string& address, std::uint16_t port) {
  const auto addr = asio::ip::make_address_v4(address);
  if ((addr.to_uint() >> 24) != 127) {
    throw std::invalid_argument("shared-socket agents must use 127.0.0.0/8 addresses, not " +
                                address);
  }
  auto& shared = shared_[port];
  if (!shared) {
    shared = std::make_unique<SharedSocket>(io_);
    shared->socket.open(udp::v4());
    shared->socket.set_option(udp::socket::reuse_address(true));
    const int on = 1;
    setsockopt(shared->socket.native_handle(), IPPROTO_IP, IP_PKTINFO, &on, sizeof(on));
    shared->socket.bind(udp::endpoint(asio::ip::address_v4::any(), port));
    shared->socket.non_blocking(true);
    shared->port = shared->socket.local_endpoint().port();
    ArmShared(*shared);
  }
  auto slot = std::make_unique<Slot>(io_, agent);
  slot->shared = shared.get();
  slot->local.s_addr = htonl(addr.to_uint());
  slot->port = shared->port;
  if (!shared->by_address.emplace(slot->local.s_addr, slot.get()).second) {
    throw std::invalid_argument("two agents at " + address + ":" + std::to_string(port));
  }
  slots_.push_back(std::move(slot));
}

void AgentServer::ArmShared(SharedSocket& shared) {
  shared.socket.async_wait(udp::socket::wait_read, [this, &shared](boost::system::error_code ec) {
    if (!ec) DrainShared(shared);
  });
}

void AgentServer::DrainShared(SharedSocket& shared) {
  for (int i = 0; i < options_.max_batch; ++i) {
    sockaddr_in from{};
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in_pktinfo))];
    iovec iov{rx_.data(), rx_.size()};
    msghdr msg{};
    msg.msg_name = &from;
    msg.msg_namelen = sizeof(from);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    const ssize_t n = recvmsg(shared.socket.native_handle(), &msg, MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EAGAIN) return ArmShared(shared);  // == EWOULDBLOCK on Linux
      if (errno == EBADF) return;
      continue;
    }
    in_addr to{};
    for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
      if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
        in_pktinfo info;
        std::memcpy(&info, CMSG_DATA(c), sizeof(info));
        to = info.ipi_addr;
      }
    }
    auto it = shared.by_address.find(to.s_addr);
    if (it == shared.by_address.end()) continue;  // not one of ours (or not loopback): drop
    Slot& slot = *it->second;
    slot.peer =
        udp::endpoint(asio::ip::address_v4(ntohl(from.sin_addr.s_addr)), ntohs(from.sin_port));
    Handle(slot, static_cast<std::size_t>(n));
  }
  asio::post(io_, [this, &shared] { DrainShared(shared); });
}

void AgentServer::Run() {
  auto guard = asio::make_work_guard(io_);
  io_.run();
}

void AgentServer::Start(int cpu) {
  thread_ = std::thread([this, cpu] {
    if (cpu >= 0) {
      cpu_set_t set;
      CPU_ZERO(&set);
      CPU_SET(cpu, &set);
      sched_setaffinity(0, sizeof(set), &set);
    }
    Run();
  });
}

void AgentServer::Stop() {
  io_.stop();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

std::uint16_t AgentServer::port(std::size_t agent_index) const {
  return slots_.at(agent_index)->port;
}

AgentStats AgentServer::stats(std::size_t agent_index) const {
  return Snapshot(slots_.at(agent_index)->counters);
}

AgentStats AgentServer::totals() const { return Snapshot(totals_); }

void AgentServer::Arm(Slot& slot) {
  slot.socket.async_wait(udp::socket::wait_read, [this, &slot](boost::system::error_code ec) {
    if (!ec) Drain(slot);
  });
}

void AgentServer::Drain(Slot& slot) {
  for (int i = 0; i < options_.max_batch; ++i) {
    boost::system::error_code ec;
    const std::size_t n = slot.socket.receive_from(asio::buffer(rx_), slot.peer, 0, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) return Arm(slot);
    if (ec == asio::error::operation_aborted || ec == asio::error::bad_descriptor) return;
    if (!ec) Handle(slot, n);
  }
  // The reactor is edge-triggered: with datagrams still queued, wake ourselves rather than
  // wait for an edge that will not come.
  asio::post(io_, [this, &slot] { Drain(slot); });
}

void AgentServer::Handle(Slot& slot, std::size_t length) {
  AgentCounters& mine = slot.counters;
  if (ber::DecodeRequest({rx_.data(), length}, request_) != ber::DecodeStatus::kOk) {
    Count(mine.malformed);
    Count(totals_.malformed);
    return;
  }
  const auto counter = request_.type == ber::PduType::kGet       ? &AgentCounters::get
                       : request_.type == ber::PduType::kGetNext ? &AgentCounters::get_next
                                                                 : &AgentCounters::get_bulk;
  Count(mine.*counter);
  Count(totals_.*counter);
  Agent& agent = *slot.agent;
  if (request_.community != agent.community()) {
    Count(mine.community_mismatch);
    Count(totals_.community_mismatch);
    return;
  }
  const double now = options_.clock();
  agent.AdvanceTo(now);
  const Behaviour behaviour = agent.behaviour();
  if (behaviour == Behaviour::kSilent ||
      !Respond(request_, agent, agent.community(), options_.responder, response_)) {
    Count(mine.dropped);
    Count(totals_.dropped);
    return;
  }
  if (behaviour == Behaviour::kGarbage) {
    FillGarbage();
  } else {
    if (behaviour == Behaviour::kWrongRequestId) {
      response_.request_id =
          static_cast<std::int32_t>(static_cast<std::uint32_t>(response_.request_id) + 1u);
    }
    ber::EncodeMessage(response_, tx_);
  }
  if (behaviour == Behaviour::kNormal || behaviour == Behaviour::kSlow) {
    RecordAnswer(mine, now);
    RecordAnswer(totals_, now);
  }
  if (behaviour == Behaviour::kSlow) return SendLater(slot, agent.slow_delay());
  Send(slot, tx_.data(), tx_.size());
}

void AgentServer::RecordAnswer(AgentCounters& c, double sim_seconds) {
  // Only the server thread writes; the atomics make the values readable from any thread.
  if (std::isnan(c.first_answered_at.load(std::memory_order_relaxed))) {
    c.first_answered_at.store(sim_seconds, std::memory_order_relaxed);
  }
  c.last_answered_at.store(sim_seconds, std::memory_order_relaxed);
}

void AgentServer::Send(Slot& slot, const std::uint8_t* data, std::size_t size) {
  // Counted before sending so that a peer that has its answer also sees it counted.
  Count(slot.counters.responses);
  Count(totals_.responses);
  boost::system::error_code ec;
  if (slot.shared) {
    // Answer from the address the request was sent to, as a real agent at that address would.
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(slot.peer.port());
    to.sin_addr.s_addr = htonl(slot.peer.address().to_v4().to_uint());
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in_pktinfo))] = {};
    iovec iov{const_cast<std::uint8_t*>(data), size};
    msghdr msg{};
    msg.msg_name = &to;
    msg.msg_namelen = sizeof(to);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    cmsghdr* c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = IPPROTO_IP;
    c->cmsg_type = IP_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(in_pktinfo));
    in_pktinfo info{};
    info.ipi_spec_dst = slot.local;
    std::memcpy(CMSG_DATA(c), &info, sizeof(info));
    if (sendmsg(slot.shared->socket.native_handle(), &msg, 0) < 0) {
      ec = boost::system::error_code(errno, boost::system::system_category());
    }
  } else {
    slot.socket.send_to(asio::buffer(data, size), slot.peer, 0, ec);
  }
  if (ec) {
    Count(slot.counters.send_errors);
    Count(totals_.send_errors);
  }
}

void AgentServer::SendLater(Slot& slot, std::chrono::milliseconds delay) {
  auto d = std::make_shared<Delayed>(io_, tx_, slot.peer);
  d->timer.expires_after(delay);
  d->timer.async_wait([this, &slot, d](boost::system::error_code ec) {
    if (ec) return;
    slot.peer = d->peer;
    Send(slot, d->bytes.data(), d->bytes.size());
  });
}

void AgentServer::FillGarbage() {
  auto next = [this] {
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 7;
    rng_ ^= rng_ << 17;
    return rng_;
  };
  tx_.resize(8 + next() % 57);
  for (auto& b : tx_) b = static_cast<std::uint8_t>(next());
  // Never a SEQUENCE tag first: the bytes must not even start like a BER message.
  if (tx_[0] == ber::tag::kSequence) tx_[0] = 0xff;
}

}  // namespace surfzone::sim
