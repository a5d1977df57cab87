#include "load_generator.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "surfzone/snmp/ber.hpp"
#include "surfzone/snmp/message_peek.hpp"

namespace surfzone::bench {
namespace {

using Clock = std::chrono::steady_clock;
using snmp::Oid;
namespace ber = snmp::ber;

struct Pending {
  std::int32_t request_id = -1;
  bool bulk = false;
  Clock::time_point sent;
};

ber::Message Template(const std::string& community, bool bulk, int reps) {
  ber::Message m;
  m.community = community;
  if (bulk) {
    m.type = ber::PduType::kGetBulk;
    m.error_status = 0;
    m.error_index = reps;
    for (std::uint32_t col : {2u, 3u, 5u, 8u, 10u, 16u}) {
      m.varbinds.push_back({Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, col}, {}});
    }
  } else {
    m.type = ber::PduType::kGet;
    for (std::uint32_t s : {1u, 2u, 3u, 4u, 5u, 6u}) {
      m.varbinds.push_back({Oid{1, 3, 6, 1, 2, 1, 1, s, 0}, {}});
    }
  }
  return m;
}

double Percentile(std::vector<std::uint32_t>& v, double p) {
  if (v.empty()) return 0;
  const auto k = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
  return v[k];
}

}  // namespace

sockaddr_in ParseTarget(const std::string& host_port) {
  const auto colon = host_port.rfind(':');
  if (colon == std::string::npos) throw std::invalid_argument("expected host:port");
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(std::stoi(host_port.substr(colon + 1))));
  if (inet_pton(AF_INET, host_port.substr(0, colon).c_str(), &a.sin_addr) != 1) {
    throw std::invalid_argument("bad IPv4 address in " + host_port);
  }
  return a;
}

LoadResult RunLoad(const LoadOptions& o, void (*on_window)(bool, void*), void* ctx) {
  if (o.targets.empty() || o.in_flight < 1) throw std::invalid_argument("no targets");
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
  if (fd < 0) throw std::runtime_error("socket");
  int buf = 8 << 20;
  setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
  setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);

  ber::Message get = Template(o.community, false, 0);
  ber::Message bulk = Template(o.community, true, o.bulk_repetitions);
  std::vector<std::uint8_t> tx, rx(65536);
  std::vector<Pending> slots(static_cast<std::size_t>(o.in_flight));
  std::vector<std::uint32_t> latencies;
  latencies.reserve(1 << 22);
  std::uint64_t seq = 0;
  std::size_t next_target = 0;
  LoadResult r;
  bool measuring = false;
  ber::Message check;

  auto send = [&](std::size_t slot) {
    // request-id = slot + k * in_flight: the slot is recoverable from the id alone.
    Pending& p = slots[slot];
    p.request_id = static_cast<std::int32_t>(
        (seq++ * static_cast<std::uint64_t>(o.in_flight) + slot) & 0x7fffffff);
    p.bulk = o.bulk_every > 0 && seq % static_cast<std::uint64_t>(o.bulk_every) == 0;
    ber::Message& m = p.bulk ? bulk : get;
    m.request_id = p.request_id;
    ber::EncodeMessage(m, tx);
    const sockaddr_in& to = o.targets[next_target++ % o.targets.size()];
    p.sent = Clock::now();
    sendto(fd, tx.data(), tx.size(), 0, reinterpret_cast<const sockaddr*>(&to), sizeof to);
  };

  for (std::size_t i = 0; i < slots.size(); ++i) send(i);
  const auto start = Clock::now();
  const auto window_start = start + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(o.warmup_s));
  const auto window_end = window_start + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(o.duration_s));
  const auto timeout =
      std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(o.timeout_s));
  auto last_sweep = start;
  for (;;) {
    const auto now = Clock::now();
    if (!measuring && now >= window_start) {
      measuring = true;
      if (on_window) on_window(true, ctx);
    }
    if (now >= window_end) break;
    pollfd pfd{fd, POLLIN, 0};
    poll(&pfd, 1, 5);
    for (;;) {
      const ssize_t n = recv(fd, rx.data(), rx.size(), 0);
      if (n <= 0) break;
      const std::span<const std::uint8_t> bytes(rx.data(), static_cast<std::size_t>(n));
      auto peek = snmp::PeekMessage(bytes);
      if (!peek || !peek->request_id || peek->pdu_type != 0xA2 || *peek->request_id < 0) continue;
      const auto slot = static_cast<std::size_t>(*peek->request_id) % slots.size();
      Pending& p = slots[slot];
      if (p.request_id != *peek->request_id) continue;  // late answer to a timed-out request
      const auto done = Clock::now();
      if (measuring) {
        ++r.answered;
        ++(p.bulk ? r.answered_bulk : r.answered_get);
        r.response_bytes += static_cast<std::uint64_t>(n);
        latencies.push_back(static_cast<std::uint32_t>(
            std::chrono::duration_cast<std::chrono::microseconds>(done - p.sent).count()));
        if ((r.answered & 1023) == 0 &&
            (ber::DecodeMessage(bytes, check) != ber::DecodeStatus::kOk ||
             check.error_status != 0 || check.varbinds.empty())) {
          ++r.bad_responses;
        }
      }
      send(slot);
    }
    if (now - last_sweep > std::chrono::milliseconds(50)) {
      last_sweep = now;
      for (std::size_t i = 0; i < slots.size(); ++i) {
        if (now - slots[i].sent > timeout) {
          if (measuring) ++r.timeouts;
          send(i);
        }
      }
    }
  }
  if (on_window) on_window(false, ctx);
  close(fd);
  r.seconds = o.duration_s;
  r.p50_us = Percentile(latencies, 0.50);
  r.p99_us = Percentile(latencies, 0.99);
  return r;
}

}  // namespace surfzone::bench
