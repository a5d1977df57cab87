// The v1/v2c Session (our own request matching, timeouts and retries) against a scripted fake
// agent on loopback: what it sends, what it does with late, duplicate, foreign and broken
// answers, agent errors, and Close with requests outstanding.
#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <functional>

#include "surfzone/snmp/ber.hpp"
#include "surfzone/snmp/session.hpp"

namespace surfzone::snmp {
namespace {

namespace asio = boost::asio;
using asio::ip::udp;
using Bytes = std::vector<std::uint8_t>;

const Oid kSysName{1, 3, 6, 1, 2, 1, 1, 5, 0};

// A UDP "agent" whose answers the test scripts: on_request sees every decoded request.
class FakeAgent {
 public:
  explicit FakeAgent(asio::io_context& io)
      : socket_(io, udp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    Receive();
  }
  unsigned short port() const { return socket_.local_endpoint().port(); }

  std::function<void(const ber::Message&)> on_request;
  std::vector<ber::Message> requests;
  int undecodable = 0;

  void Send(const ber::Message& m) {
    Bytes bytes;
    ber::EncodeMessage(m, bytes);
    SendRaw(bytes);
  }
  void SendRaw(const Bytes& bytes) { socket_.send_to(asio::buffer(bytes), client_); }

  // A Response to `request` carrying `value` for each requested OID.
  static ber::Message Answer(const ber::Message& request, const Value& value) {
    ber::Message m = request;
    m.type = ber::PduType::kResponse;
    m.error_status = 0;
    m.error_index = 0;
    for (auto& vb : m.varbinds) vb.value = value;
    return m;
  }

 private:
  void Receive() {
    socket_.async_receive_from(
        asio::buffer(buf_), client_, [this](boost::system::error_code ec, std::size_t n) {
          if (ec) return;
          ber::Message m;
          if (ber::DecodeRequest({buf_.data(), n}, m) == ber::DecodeStatus::kOk) {
            requests.push_back(m);
            if (on_request) on_request(m);
          } else {
            ++undecodable;
          }
          Receive();
        });
  }

  udp::socket socket_;
  udp::endpoint client_;
  std::array<std::uint8_t, 65536> buf_{};
};

SessionOptions Options(unsigned short port, config::SnmpVersion version,
                       std::chrono::milliseconds timeout, int retries) {
  SessionOptions o;
  o.peer = udp::endpoint(asio::ip::make_address("127.0.0.1"), port);
  o.auth.version = version;
  o.auth.community = config::Secret("s3cret");
  o.timeout = timeout;
  o.retries = retries;
  return o;
}

struct Completion {
  int calls = 0;
  ErrorCode ec;
  Varbinds vbs;
};

auto Recorder(Completion& c) {
  return [&c](ErrorCode ec, Varbinds vbs) {
    ++c.calls;
    c.ec = ec;
    c.vbs = std::move(vbs);
  };
}

class NativeSession : public ::testing::Test {
 protected:
  void Open(Session& s) {
    bool opened = false;
    s.AsyncOpen([&](ErrorCode ec) { opened = !ec; });
    io_.run_for(std::chrono::milliseconds(100));
    io_.restart();
    ASSERT_TRUE(opened);
  }
  void RunFor(std::chrono::milliseconds d) {
    io_.run_for(d);
    io_.restart();
  }
  asio::io_context io_;
  Engine engine_;
  FakeAgent agent_{io_};
};

TEST_F(NativeSession, LateAnswerToARetriedRequestCompletesOnceAndTheCopyIsDropped) {
  // The agent ignores the first try and answers only when the retransmission arrives; then it
  // answers both tries (same request-id). One completion; the second answer is a drop.
  agent_.on_request = [&](const ber::Message&) {
    if (agent_.requests.size() != 2) return;
    for (const auto& try_ : agent_.requests) {
      agent_.Send(FakeAgent::Answer(try_, Value::String("late")));
    }
  };
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(150), 2));
  Open(s);
  Completion c;
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(c));
  RunFor(std::chrono::milliseconds(800));  // > 3 tries: a wrongly kept request would time out

  ASSERT_EQ(agent_.requests.size(), 2u);
  EXPECT_EQ(agent_.requests[0].request_id, agent_.requests[1].request_id) << "same id on retry";
  EXPECT_EQ(agent_.requests[0].community, "s3cret");
  EXPECT_EQ(agent_.requests[0].type, ber::PduType::kGet);
  EXPECT_EQ(c.calls, 1);
  EXPECT_FALSE(c.ec) << c.ec.message();
  ASSERT_EQ(c.vbs.size(), 1u);
  EXPECT_EQ(c.vbs[0].oid, kSysName);
  EXPECT_EQ(c.vbs[0].value, Value::String("late"));
  EXPECT_EQ(engine_.stats().retries, 1u);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kOk), 1u);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kTimeout), 0u);
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kUnknownRequestId), 1u);
}

TEST_F(NativeSession, UnansweredRequestTimesOutAfterEveryRetry) {
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(100), 2));
  Open(s);
  Completion c;
  const auto start = std::chrono::steady_clock::now();
  s.AsyncGet(std::vector<Oid>{kSysName}, [&](ErrorCode ec, Varbinds vbs) {
    Recorder(c)(ec, std::move(vbs));
    io_.stop();
  });
  RunFor(std::chrono::milliseconds(2000));
  const auto took = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(c.ec, make_error_code(Errc::kTimeout));
  EXPECT_EQ(agent_.requests.size(), 3u);
  EXPECT_GE(took, std::chrono::milliseconds(290));
  EXPECT_LT(took, std::chrono::milliseconds(1500));
  EXPECT_EQ(engine_.stats().retries, 2u);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kTimeout), 1u);
}

TEST_F(NativeSession, ForeignBrokenAndWrongVersionAnswersAreDroppedByReason) {
  // Before the real answer the agent sends: a GetRequest with the right id (not a Response), a
  // Response with a v1 header, a Response to an id nobody asked, and one with the right id but
  // a truncated varbind list. Each is counted under its reason; the request still completes.
  agent_.on_request = [&](const ber::Message& req) {
    ber::Message not_response = req;
    agent_.Send(not_response);
    ber::Message v1 = FakeAgent::Answer(req, Value::Integer(1));
    v1.version = ber::kVersion1;
    agent_.Send(v1);
    ber::Message other = FakeAgent::Answer(req, Value::Integer(1));
    other.request_id = req.request_id ^ 0x5555;
    agent_.Send(other);
    Bytes broken;
    ber::EncodeMessage(FakeAgent::Answer(req, Value::String("abcdef")), broken);
    broken[broken.size() - 7] = 0x07;  // the string's length runs past its varbind
    agent_.SendRaw(broken);
    agent_.Send(FakeAgent::Answer(req, Value::Unsigned(ValueType::kCounter64, 1ull << 40)));
  };
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(500), 0));
  Open(s);
  Completion c;
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(c));
  RunFor(std::chrono::milliseconds(300));
  EXPECT_EQ(c.calls, 1);
  EXPECT_FALSE(c.ec) << c.ec.message();
  ASSERT_EQ(c.vbs.size(), 1u);
  EXPECT_EQ(c.vbs[0].value, Value::Unsigned(ValueType::kCounter64, 1ull << 40));
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kUnknownRequestId), 2u);
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kBadVersion), 1u);
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kMalformed), 1u);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kOk), 1u);
}

TEST_F(NativeSession, AgentErrorCompletesWithItsText) {
  agent_.on_request = [&](const ber::Message& req) {
    ber::Message m = FakeAgent::Answer(req, Value{});
    m.error_status = ber::error_status::kNoSuchName;
    m.error_index = 1;
    agent_.Send(m);
  };
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV1, std::chrono::milliseconds(500), 1));
  Open(s);
  Completion c;
  s.AsyncGetBulk(std::vector<Oid>{kSysName}, 0, 10, Recorder(c));
  RunFor(std::chrono::milliseconds(300));
  ASSERT_EQ(agent_.requests.size(), 1u);
  EXPECT_EQ(agent_.requests[0].version, ber::kVersion1);
  EXPECT_EQ(agent_.requests[0].type, ber::PduType::kGetNext) << "v1 has no GETBULK";
  EXPECT_EQ(c.calls, 1);
  EXPECT_EQ(c.ec, make_error_code(Errc::kAgentError));
  // net-snmp's wording, as the v3 path reports it.
  EXPECT_EQ(s.last_error(), "(noSuchName) There is no such variable name in this MIB. (index 1)");
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kError), 1u);
}

TEST_F(NativeSession, CloseCompletesOutstandingRequestsAndLaterAnswersAreDropped) {
  const SessionOptions opts =
      Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(300), 1);
  // A second session to the same agent keeps the shared socket (and its port) open throughout.
  Session keep(io_.get_executor(), engine_, opts);
  Open(keep);
  Session s(io_.get_executor(), engine_, opts);
  Open(s);
  EXPECT_EQ(engine_.stats().sessions_open, 2u);
  Completion a, b;
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(a));
  s.AsyncGetBulk(std::vector<Oid>{kSysName}, 0, 5, Recorder(b));
  s.Close();
  EXPECT_FALSE(s.IsOpen());
  EXPECT_EQ(engine_.stats().sessions_open, 1u);
  EXPECT_EQ(a.calls, 0) << "completions are posted, never inline";
  RunFor(std::chrono::milliseconds(100));
  EXPECT_EQ(a.calls, 1);
  EXPECT_EQ(b.calls, 1);
  EXPECT_EQ(a.ec, make_error_code(Errc::kClosed));
  EXPECT_EQ(b.ec, make_error_code(Errc::kClosed));
  ASSERT_EQ(agent_.requests.size(), 2u);
  EXPECT_EQ(agent_.requests[1].type, ber::PduType::kGetBulk);
  EXPECT_EQ(agent_.requests[1].max_repetitions(), 5);
  EXPECT_NE(agent_.requests[0].request_id, agent_.requests[1].request_id);

  // Reopened, it works again; the answers to the closed requests are no longer anyone's.
  Open(s);
  for (const auto& req : std::vector<ber::Message>(agent_.requests)) {
    agent_.Send(FakeAgent::Answer(req, Value::Integer(7)));
  }
  Completion c;
  agent_.on_request = [&](const ber::Message& req) {
    agent_.Send(FakeAgent::Answer(req, Value::Integer(8)));
  };
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(c));
  RunFor(std::chrono::milliseconds(200));
  EXPECT_EQ(c.calls, 1);
  ASSERT_EQ(c.vbs.size(), 1u);
  EXPECT_EQ(c.vbs[0].value, Value::Integer(8));
  EXPECT_EQ(engine_.stats().Dropped(DropReason::kUnknownRequestId), 2u);
  EXPECT_EQ(engine_.stats().Requests(RequestResult::kTimeout), 0u);
}

TEST_F(NativeSession, RequestIdsAreNotASequence) {
  // One observed id says nothing about the next: no constant step between consecutive ids,
  // and ids spread over the 31-bit space (a counter from a random start fails both).
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(50), 0));
  Open(s);
  std::vector<Completion> done(64);
  for (auto& c : done) s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(c));
  RunFor(std::chrono::milliseconds(300));
  ASSERT_EQ(agent_.requests.size(), 64u);
  int small_steps = 0, high_bit = 0;
  for (std::size_t i = 0; i < agent_.requests.size(); ++i) {
    const std::int64_t id = agent_.requests[i].request_id;
    EXPECT_GT(id, 0);
    if (id >= (std::int64_t{1} << 30)) ++high_bit;
    if (i > 0) {
      const std::int64_t step = id - agent_.requests[i - 1].request_id;
      if (step > -1000 && step < 1000) ++small_steps;
    }
  }
  EXPECT_LE(small_steps, 1) << "consecutive ids must not be near each other";
  // About half of uniform 31-bit ids have bit 30 set; 64 draws: 10..54 with overwhelming odds.
  EXPECT_GT(high_bit, 10);
  EXPECT_LT(high_bit, 54);
}

TEST_F(NativeSession, SprayOfGuessedIdsFromTheAgentsAddressIsNotTaken) {
  // A spoofer who saw one request (or its id) answers the next ones with the ids that follow
  // it, from the agent's own address: none may complete a request.
  std::int32_t seen = 0;
  agent_.on_request = [&](const ber::Message& m) {
    if (seen == 0) {
      seen = m.request_id;
      agent_.Send(FakeAgent::Answer(m, Value::String("real")));
      return;
    }
    ber::Message spoof = FakeAgent::Answer(m, Value::String("attacker"));
    for (std::int32_t guess = 1; guess <= 2000; ++guess) {
      // Blind: the spoofer does not read the request (with random ids the real one lands in
      // this window with odds of 2000 / 2^31, about one run in a million).
      spoof.request_id = seen + guess;
      agent_.Send(spoof);
    }
  };
  Session s(io_.get_executor(), engine_,
            Options(agent_.port(), config::SnmpVersion::kV2c, std::chrono::milliseconds(200), 0));
  Open(s);
  Completion first, second;
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(first));
  RunFor(std::chrono::milliseconds(100));
  ASSERT_EQ(first.calls, 1);
  ASSERT_FALSE(first.ec);
  s.AsyncGet(std::vector<Oid>{kSysName}, Recorder(second));
  RunFor(std::chrono::milliseconds(500));
  ASSERT_EQ(second.calls, 1);
  EXPECT_EQ(second.ec, ErrorCode(Errc::kTimeout)) << "a spoofed answer was taken";
  EXPECT_TRUE(second.vbs.empty());
  EXPECT_GE(engine_.stats().Dropped(DropReason::kUnknownRequestId), 1999u);
}

}  // namespace
}  // namespace surfzone::snmp
