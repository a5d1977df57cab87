#pragma once
// Private to surfzone_snmp: one UDP socket per address family shared by every Session of an
// Engine. RLIMIT_NOFILE (often 20,000 hard) would otherwise cap the fleet at one socket per AP.
//
// The reader receives each datagram once and hands it to the session(s) registered for its
// source address:port. A v1/v2c session decodes it and matches it in requests() (see
// session_native.cpp); a v3 session feeds it to net-snmp through its own transport (see
// session_netsnmp.cpp), so v3 security and retransmission stay net-snmp's.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/udp.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "request_table.hpp"
#include "surfzone/snmp/engine.hpp"

namespace surfzone::snmp::detail {

/// Something that takes datagrams from one peer: a Session.
class DatagramSink {
 public:
  /// Returns nullopt if the datagram was taken (answered a request), else why it was not.
  virtual std::optional<DropReason> Deliver(std::span<const std::uint8_t> datagram) = 0;

 protected:
  ~DatagramSink() = default;
};

class SharedUdp : public std::enable_shared_from_this<SharedUdp> {
 public:
  SharedUdp(boost::asio::any_io_executor executor, Engine& engine,
            const boost::asio::ip::udp& protocol);
  ~SharedUdp();
  SharedUdp(const SharedUdp&) = delete;
  SharedUdp& operator=(const SharedUdp&) = delete;

  /// The engine's shared socket for `peer`'s address family; opened on first use and closed
  /// when the last session lets go of it.
  static std::shared_ptr<SharedUdp> For(boost::asio::any_io_executor executor, Engine& engine,
                                        const boost::asio::ip::udp::endpoint& peer);

  int fd();
  /// Sends one datagram; returns bytes sent or -1 (errno set).
  long SendTo(const boost::asio::ip::udp::endpoint& peer, const void* data, std::size_t size);

  void Register(const boost::asio::ip::udp::endpoint& peer, DatagramSink* sink);
  void Unregister(const boost::asio::ip::udp::endpoint& peer, DatagramSink* sink);

  /// Outstanding requests of the native (v1/v2c) sessions on this socket.
  RequestTable& requests() { return *requests_; }

  /// The datagram being delivered right now (read by the session's net-snmp transport).
  std::span<const std::uint8_t> current() const { return current_; }

 private:
  void ArmRead();
  void OnReadable();
  void Dispatch(const boost::asio::ip::udp::endpoint& from, std::span<const std::uint8_t> data);

  Engine& engine_;
  boost::asio::ip::udp::socket socket_;
  std::unordered_map<boost::asio::ip::udp::endpoint, std::vector<DatagramSink*>> sinks_;
  std::size_t registered_ = 0;
  bool waiting_ = false;
  std::vector<std::uint8_t> buffer_ = std::vector<std::uint8_t>(65536);
  std::span<const std::uint8_t> current_;
  std::shared_ptr<RequestTable> requests_;
};

}  // namespace surfzone::snmp::detail
