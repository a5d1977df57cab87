#pragma once
// A UDP socket on 127.0.0.1 that the test controls, configured as an access point's address:
// it either swallows every request (a black hole) or answers each with packets that a correct
// SNMP client must drop.

#include <atomic>
#include <string>
#include <thread>

namespace surfzone::e2e {

class UdpPeer {
 public:
  enum class Mode {
    kBlackHole,  ///< reads requests, never answers
    kMisbehave,  ///< answers each request with garbage bytes from this socket, and with a copy
                 ///< of the request sent from another socket (a wrong source)
  };

  /// Binds 127.0.0.1:<free port> and starts a thread serving `mode`; throws on failure.
  explicit UdpPeer(Mode mode);
  ~UdpPeer();  ///< Stops the thread and closes the sockets.
  UdpPeer(const UdpPeer&) = delete;
  UdpPeer& operator=(const UdpPeer&) = delete;

  unsigned short port() const { return port_; }
  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }
  /// Datagrams received so far.
  int received() const { return received_.load(); }

 private:
  void Run();

  Mode mode_;
  int fd_ = -1;
  int other_fd_ = -1;  // the "wrong source" socket
  unsigned short port_ = 0;
  std::atomic<int> received_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace surfzone::e2e
