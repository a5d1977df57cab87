// One shared socket for many agents: each at its own 127.x.y.z address on the same port,
// answering from that address.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "surfzone/snmp/ber.hpp"
#include "surfzone/sim/server.hpp"
#include "surfzone/sim/static_mib.hpp"

namespace surfzone::sim {
namespace {

const snmp::Oid kSysName{1, 3, 6, 1, 2, 1, 1, 5, 0};

StaticAgent Named(const std::string& name) {
  StaticMib mib;
  mib.Set(kSysName, snmp::Value::String(name));
  return StaticAgent(std::move(mib));
}

// Sends a v2c GET sysName.0 to address:port and returns (answer's source address, sysName).
std::pair<std::string, std::string> Ask(const std::string& address, std::uint16_t port) {
  ber::Message req;
  req.version = ber::kVersion2c;
  req.community = "public";
  req.type = ber::PduType::kGet;
  req.request_id = 4711;
  req.varbinds.push_back({kSysName, snmp::Value()});
  std::vector<std::uint8_t> bytes;
  ber::EncodeMessage(req, bytes);
  const int fd = socket(AF_INET, SOCK_DGRAM, 0);
  timeval tv{0, 300000};  // loopback answers take microseconds
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  inet_pton(AF_INET, address.c_str(), &to.sin_addr);
  sendto(fd, bytes.data(), bytes.size(), 0, reinterpret_cast<sockaddr*>(&to), sizeof(to));
  std::vector<std::uint8_t> buf(65536);
  sockaddr_in from{};
  socklen_t len = sizeof(from);
  const ssize_t n =
      recvfrom(fd, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
  close(fd);
  if (n <= 0) return {"", ""};
  ber::Message resp;
  if (ber::DecodeMessage({buf.data(), static_cast<std::size_t>(n)}, resp) !=
          ber::DecodeStatus::kOk ||
      resp.varbinds.empty()) {
    return {"", "undecodable"};
  }
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &from.sin_addr, text, sizeof(text));
  return {text, resp.varbinds[0].value.AsText().value_or("")};
}

TEST(SharedSocket, EachAddressReachesItsOwnAgentAndAnswersFromIt) {
  StaticAgent a = Named("ap-a"), b = Named("ap-b"), c = Named("ap-c");
  AgentServer server;
  // Port 0 is not allowed here: all agents must share one known port.
  const std::uint16_t port = 16100 + static_cast<std::uint16_t>(getpid() % 20000);
  server.AddShared(a, "127.7.0.1", port);
  server.AddShared(b, "127.7.0.2", port);
  server.AddShared(c, "127.7.1.250", port);
  server.Start();
  EXPECT_EQ(Ask("127.7.0.2", port), (std::pair<std::string, std::string>{"127.7.0.2", "ap-b"}));
  EXPECT_EQ(Ask("127.7.0.1", port), (std::pair<std::string, std::string>{"127.7.0.1", "ap-a"}));
  EXPECT_EQ(Ask("127.7.1.250", port), (std::pair<std::string, std::string>{"127.7.1.250", "ap-c"}));
  EXPECT_EQ(Ask("127.7.0.9", port).first, "");  // nobody there: no answer
  server.Stop();
  EXPECT_EQ(server.stats(1).get, 1u);
  EXPECT_EQ(server.stats(1).responses, 1u);
}

TEST(SharedSocket, RejectsNonLoopbackAndDuplicateAddresses) {
  StaticAgent a = Named("a"), b = Named("b");
  AgentServer server;
  const std::uint16_t port = 16100 + static_cast<std::uint16_t>((getpid() + 7) % 20000);
  EXPECT_THROW(server.AddShared(a, "10.0.0.1", port), std::invalid_argument);
  server.AddShared(a, "127.8.0.1", port);
  EXPECT_THROW(server.AddShared(b, "127.8.0.1", port), std::invalid_argument);
}

}  // namespace
}  // namespace surfzone::sim
