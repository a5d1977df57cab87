#include "udp_peer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace surfzone::e2e {
namespace {

int BoundLoopbackSocket(unsigned short* port) {
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("udp socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    close(fd);
    throw std::runtime_error("udp bind failed");
  }
  socklen_t len = sizeof(addr);
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  if (port) *port = ntohs(addr.sin_port);
  return fd;
}

// Not BER at all: the first byte is not a SEQUENCE tag.
constexpr char kGarbage[] = "\x42\x00garbage, not an SNMP message";

}  // namespace

UdpPeer::UdpPeer(Mode mode) : mode_(mode) {
  fd_ = BoundLoopbackSocket(&port_);
  other_fd_ = BoundLoopbackSocket(nullptr);
  thread_ = std::thread([this] { Run(); });
}

UdpPeer::~UdpPeer() {
  stop_ = true;
  thread_.join();
  close(fd_);
  close(other_fd_);
}

void UdpPeer::Run() {
  char buf[65536];
  while (!stop_) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    sockaddr_storage from{};
    socklen_t from_len = sizeof(from);
    const ssize_t n =
        recvfrom(fd_, buf, sizeof(buf), 0, reinterpret_cast<sockaddr*>(&from), &from_len);
    if (n < 0) continue;
    ++received_;
    if (mode_ != Mode::kMisbehave) continue;
    const auto* to = reinterpret_cast<const sockaddr*>(&from);
    sendto(fd_, kGarbage, sizeof(kGarbage) - 1, 0, to, from_len);
    sendto(other_fd_, buf, static_cast<std::size_t>(n), 0, to, from_len);
  }
}

}  // namespace surfzone::e2e
