// The SNMP session against a real net-snmp snmpd on loopback: v1, v2c, v3 (authNoPriv and
// authPriv with engine-ID discovery), GETBULK table walks, timeouts against dead and black-holed
// addresses, and dropping of spoofed / garbage packets.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <filesystem>
#include <memory>

#include "surfzone/snmp/session.hpp"
#include "surfzone/snmp/table_walk.hpp"
#include "surfzone/testing/snmpd.hpp"

namespace surfzone::snmp {
namespace {

namespace asio = boost::asio;
using testing::Snmpd;
using testing::SnmpdUsers;

const Oid kSysUpTime{1, 3, 6, 1, 2, 1, 1, 3, 0};
const Oid kSysName{1, 3, 6, 1, 2, 1, 1, 5, 0};
const Oid kIfDescr{1, 3, 6, 1, 2, 1, 2, 2, 1, 2};
const Oid kIfType{1, 3, 6, 1, 2, 1, 2, 2, 1, 3};

config::Auth V2c() {
  config::Auth a;
  a.name = "v2";
  a.version = config::SnmpVersion::kV2c;
  a.community = config::Secret(SnmpdUsers::kCommunity);
  return a;
}

config::Auth V3(config::SecurityLevel level) {
  config::Auth a;
  a.name = "v3";
  a.version = config::SnmpVersion::kV3;
  a.security_level = level;
  if (level == config::SecurityLevel::kAuthPriv) {
    a.username = SnmpdUsers::kAuthPrivUser;
    a.auth_protocol = config::AuthProtocol::kSHA256;
    a.priv_protocol = config::PrivProtocol::kAES;
    a.priv_password = config::Secret(SnmpdUsers::kPrivPassword);
  } else {
    a.username = SnmpdUsers::kAuthNoPrivUser;
    a.auth_protocol = config::AuthProtocol::kSHA;
  }
  a.auth_password = config::Secret(SnmpdUsers::kAuthPassword);
  return a;
}

SessionOptions Options(unsigned short port, config::Auth auth,
                       std::chrono::milliseconds timeout = std::chrono::milliseconds(500),
                       int retries = 1) {
  SessionOptions o;
  o.peer = asio::ip::udp::endpoint(asio::ip::make_address("127.0.0.1"), port);
  o.auth = std::move(auth);
  o.timeout = timeout;
  o.retries = retries;
  return o;
}

// Runs `body` as a coroutine on `io` to completion (bounded).
template <typename F>
void RunCoroutine(asio::io_context& io, F body) {
  bool done = false;
  std::exception_ptr error;
  asio::co_spawn(io, body(), [&](std::exception_ptr e) {
    error = e;
    done = true;
  });
  io.run_for(std::chrono::seconds(20));
  ASSERT_TRUE(done) << "coroutine did not finish";
  if (error) std::rethrow_exception(error);
}

class SnmpSession : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { agent_ = new Snmpd("session-test-agent"); }
  static void TearDownTestSuite() {
    delete agent_;
    agent_ = nullptr;
  }
  static Snmpd* agent_;
  asio::io_context io_;
  Engine engine_;
};
Snmpd* SnmpSession::agent_ = nullptr;

// Coroutines only collect results; assertions run outside them (g++ 12 cannot keep gtest's
// temporaries in a coroutine frame).
struct GetOutcome {
  ErrorCode open_ec, ec;
  Varbinds vbs;
  std::string last_error;
};

GetOutcome OpenAndGet(asio::io_context& io, Engine& engine, const SessionOptions& opts,
                      std::vector<Oid> oids) {
  GetOutcome out;
  RunCoroutine(io, [&]() -> asio::awaitable<void> {
    Session s(io.get_executor(), engine, opts);
    out.open_ec = std::get<0>(co_await s.AsyncOpen(asio::as_tuple(asio::use_awaitable)));
    std::tie(out.ec, out.vbs) = co_await s.AsyncGet(oids, asio::as_tuple(asio::use_awaitable));
    out.last_error = s.last_error();
  });
  return out;
}

void ExpectSysNameMatchesCli(asio::io_context& io, Engine& engine, const SessionOptions& opts,
                             const std::string& expected) {
  const GetOutcome r = OpenAndGet(io, engine, opts, {kSysName, kSysUpTime});
  EXPECT_FALSE(r.open_ec) << r.open_ec.message() << " " << r.last_error;
  EXPECT_FALSE(r.ec) << r.ec.message() << " " << r.last_error;
  ASSERT_EQ(r.vbs.size(), 2u);
  EXPECT_EQ(r.vbs[0].oid, kSysName);
  EXPECT_EQ(r.vbs[0].value.AsText().value_or("?"), expected);
  EXPECT_EQ(r.vbs[1].value.type, ValueType::kTimeTicks);
}

TEST_F(SnmpSession, V2cGetMatchesSnmpget) {
  const std::string cli = agent_->SnmpGet("1.3.6.1.2.1.1.5.0");
  ASSERT_FALSE(cli.empty());
  std::string expected = cli;
  if (expected.size() >= 2 && expected.front() == '"')
    expected = expected.substr(1, expected.size() - 2);
  ExpectSysNameMatchesCli(io_, engine_, Options(agent_->port(), V2c()), expected);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kOk), 1u);
}

TEST_F(SnmpSession, V1Get) {
  auto auth = V2c();
  auth.version = config::SnmpVersion::kV1;
  ExpectSysNameMatchesCli(io_, engine_, Options(agent_->port(), auth), "session-test-agent");
}

TEST_F(SnmpSession, V3AuthPrivDiscoversEngineAndSyncsTime) {
  ExpectSysNameMatchesCli(io_, engine_,
                          Options(agent_->port(), V3(config::SecurityLevel::kAuthPriv)),
                          "session-test-agent");
}

TEST_F(SnmpSession, V3AuthNoPriv) {
  ExpectSysNameMatchesCli(io_, engine_,
                          Options(agent_->port(), V3(config::SecurityLevel::kAuthNoPriv)),
                          "session-test-agent");
}

TEST_F(SnmpSession, V3WrongPasswordIsASecurityErrorNotATimeoutLoop) {
  auto auth = V3(config::SecurityLevel::kAuthPriv);
  auth.auth_password = config::Secret("not-the-password");
  const GetOutcome r = OpenAndGet(io_, engine_, Options(agent_->port(), auth), {kSysName});
  EXPECT_FALSE(r.open_ec);  // discovery needs no password
  EXPECT_EQ(r.ec, make_error_code(Errc::kSecurityError)) << r.ec.message();
  EXPECT_TRUE(r.vbs.empty());
}

TEST_F(SnmpSession, BulkWalkOfIfTableMatchesSnmpbulkwalk) {
  const std::string cli =
      testing::RunCommand("snmpbulkwalk -v2c -c public -On -Oq -M /dev/null -m '' " +
                          agent_->address() + " 1.3.6.1.2.1.2.2.1.3 | wc -l");
  const int expected_rows = std::stoi(cli);
  ASSERT_GT(expected_rows, 0);
  TableWalk walk({kIfDescr, kIfType}, 1000);
  ErrorCode error;
  RunCoroutine(io_, [&]() -> asio::awaitable<void> {
    Session s(io_.get_executor(), engine_, Options(agent_->port(), V2c()));
    co_await s.AsyncOpen(asio::as_tuple(asio::use_awaitable));
    for (int rounds = 0; !walk.Done() && rounds < 100 && !error; ++rounds) {
      Varbinds vbs;
      std::tie(error, vbs) =
          co_await s.AsyncGetBulk(walk.NextRequest(), 0, 2, asio::as_tuple(asio::use_awaitable));
      walk.Feed(vbs);
    }
  });
  EXPECT_FALSE(error) << error.message();
  EXPECT_TRUE(walk.Done());
  EXPECT_EQ(static_cast<int>(walk.results()[0].size()), expected_rows);
  EXPECT_EQ(static_cast<int>(walk.results()[1].size()), expected_rows);
  EXPECT_EQ(walk.end(1), WalkEnd::kEndOfSubtree);
}

TEST_F(SnmpSession, DeadPortTimesOutAfterRetriesWithoutBlocking) {
  const unsigned short dead = testing::FreeUdpPort();  // nothing listens
  const auto start = std::chrono::steady_clock::now();
  const GetOutcome r =
      OpenAndGet(io_, engine_, Options(dead, V2c(), std::chrono::milliseconds(200), 2), {kSysName});
  EXPECT_EQ(r.ec, make_error_code(Errc::kTimeout));
  const auto took = std::chrono::steady_clock::now() - start;
  // 3 tries x 200 ms; ICMP port-unreachable must not make it fail early or hang.
  EXPECT_GE(took, std::chrono::milliseconds(550));
  EXPECT_LT(took, std::chrono::milliseconds(3000));
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kTimeout), 1u);
}

TEST_F(SnmpSession, SpoofedSourceAndGarbageAreDroppedAndCounted) {
  // A fake "agent": a UDP socket that, when asked, sends garbage and a reply from another port
  // first, then nothing. The session must drop both, count them, and time out cleanly.
  int fake = socket(AF_INET, SOCK_DGRAM, 0);
  int spoof = socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fake, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ASSERT_EQ(bind(spoof, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  getsockname(fake, reinterpret_cast<sockaddr*>(&addr), &len);
  const unsigned short port = ntohs(addr.sin_port);

  bool replied = false;
  asio::posix::stream_descriptor fake_watch(io_, fake);
  fake_watch.async_wait(asio::posix::stream_descriptor::wait_read, [&](boost::system::error_code) {
    char buf[2048];
    sockaddr_in from{};
    socklen_t flen = sizeof(from);
    ssize_t n = recvfrom(fake, buf, sizeof(buf), 0, reinterpret_cast<sockaddr*>(&from), &flen);
    ASSERT_GT(n, 0);
    const char garbage[] = "\x30\x03\x02\x01garbage-not-ber";
    sendto(fake, garbage, sizeof(garbage), 0, reinterpret_cast<sockaddr*>(&from), flen);
    // The request itself, echoed from a different source port: well-formed but spoofed.
    sendto(spoof, buf, static_cast<size_t>(n), 0, reinterpret_cast<sockaddr*>(&from), flen);
    replied = true;
  });
  const GetOutcome r =
      OpenAndGet(io_, engine_, Options(port, V2c(), std::chrono::milliseconds(300), 0), {kSysName});
  EXPECT_EQ(r.ec, make_error_code(Errc::kTimeout));
  EXPECT_TRUE(replied);
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kWrongSource), 1u);
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kMalformed), 1u);
  fake_watch.release();
  close(fake);
  close(spoof);
}

std::size_t OpenFileDescriptors() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    ++n;
  }
  return n;
}

TEST_F(SnmpSession, ManySessionsShareOneSocketAndEachGetsItsAnswers) {
  // 300 sessions to the same agent, all asking at once: the answers come back on one shared
  // socket from one address:port, and each must reach the session whose request it answers.
  constexpr int kSessions = 300;
  std::size_t fds_one = 0;  // after the first session opened (Asio's reactor exists by then)
  std::vector<std::unique_ptr<Session>> sessions;
  for (int i = 0; i < kSessions; ++i) {
    sessions.push_back(
        std::make_unique<Session>(io_.get_executor(), engine_, Options(agent_->port(), V2c())));
  }
  int opened = 0, answered = 0, wrong = 0;
  std::size_t fds_open = 0;
  RunCoroutine(io_, [&]() -> asio::awaitable<void> {
    for (auto& s : sessions) {
      auto [ec] = co_await s->AsyncOpen(asio::as_tuple(asio::use_awaitable));
      if (!ec) ++opened;
      if (fds_one == 0) fds_one = OpenFileDescriptors();
    }
    fds_open = OpenFileDescriptors();
    int pending = kSessions;
    for (auto& s : sessions) {
      s->AsyncGet(std::vector<Oid>{kSysName}, [&](ErrorCode ec, Varbinds vbs) {
        if (!ec && vbs.size() == 1 && vbs[0].oid == kSysName) {
          ++answered;
        } else {
          ++wrong;
        }
        --pending;
      });
    }
    asio::steady_timer wait(io_);
    while (pending > 0) {
      wait.expires_after(std::chrono::milliseconds(10));
      co_await wait.async_wait(asio::use_awaitable);
    }
    for (auto& s : sessions) s->Close();  // lets the shared socket's reader go
  });
  EXPECT_EQ(opened, kSessions);
  EXPECT_EQ(answered, kSessions);
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(fds_open, fds_one) << "one shared IPv4 socket, not one per session";
  EXPECT_EQ(engine_.stats().sessions_open, 0u);
}

}  // namespace
}  // namespace surfzone::snmp
