// GET /metrics through Handlers::metrics with a reply in parts.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/beast/http/field.hpp>
#include <boost/system/system_error.hpp>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "http_test_client.hpp"
#include "surfzone/http/server.hpp"

namespace surfzone::http {
namespace {

using testing::Fetch;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::TestClient;
namespace bhttp = boost::beast::http;

std::unique_ptr<Server> StartServer(Handlers handlers) {
  auto server = std::make_unique<Server>("127.0.0.1:0", std::move(handlers));
  server->Start();
  return server;
}

// Handlers::metrics answering at once with the body `make()` returns in parts.
std::function<void(Respond)> Async(std::function<std::function<bool(std::string&)>()> make) {
  return [make = std::move(make)](Respond respond) {
    RouteReply reply;
    reply.parts = make();
    respond(std::move(reply));
  };
}

// A body of `parts` (an empty one included on purpose).
std::function<bool(std::string&)> PartsOf(std::vector<std::string> parts) {
  return [parts = std::move(parts), i = std::size_t{0}](std::string& out) mutable {
    out += parts[i++];
    return i < parts.size();
  };
}

TEST(MetricsStream, PartsArriveAsOneChunkedBodyOnAKeptConnection) {
  std::atomic<int> scrapes{0};
  Handlers handlers;
  handlers.metrics = Async([&] {
    const std::string n = std::to_string(++scrapes);
    return PartsOf({"# TYPE up gauge\n", "", "up " + n + "\n", std::string(100000, '#') + "\n"});
  });
  auto server = StartServer(std::move(handlers));
  TestClient client(server->port());
  for (int i = 1; i <= 2; ++i) {
    auto res = client.Send(bhttp::verb::get, "/metrics?x=1");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(res[bhttp::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_EQ(res[bhttp::field::transfer_encoding], "chunked");
    EXPECT_EQ(res.body(),
              "# TYPE up gauge\nup " + std::to_string(i) + "\n" + std::string(100000, '#') + "\n");
  }
  // HEAD answers with the whole body's length and no body.
  auto head = Fetch(server->port(), bhttp::verb::head, "/metrics");
  EXPECT_EQ(head[bhttp::field::content_length], std::to_string(16 + 5 + 100001));
  EXPECT_TRUE(head.body().empty());
  EXPECT_EQ(scrapes.load(), 3);
}

TEST(MetricsStream, Http10GetsTheBodyUntilClose) {
  Handlers handlers;
  handlers.metrics = Async([] { return PartsOf({"up 1\n", "down 0\n"}); });
  auto server = StartServer(std::move(handlers));
  TestClient client(server->port());
  client.WriteRaw("GET /metrics HTTP/1.0\r\n\r\n");
  boost::system::error_code ec;
  const std::string raw = client.ReadUntilClosed(ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_THAT(raw, ::testing::StartsWith("HTTP/1.0 200"));
  EXPECT_THAT(raw, Not(HasSubstr("chunked")));
  EXPECT_THAT(raw, ::testing::EndsWith("\r\n\r\nup 1\ndown 0\n"));
}

TEST(MetricsStream, FailureBeforeTheFirstPartIs500) {
  Handlers handlers;
  handlers.metrics = Async([]() -> std::function<bool(std::string&)> {
    return [](std::string&) -> bool { throw std::runtime_error("registry broken"); };
  });
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::get, "/metrics");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_THAT(res.body(), HasSubstr("registry broken"));
}

TEST(MetricsStream, FailureAfterTheFirstPartTruncatesTheBody) {
  Handlers handlers;
  handlers.metrics = Async([] {
    return [calls = 0](std::string& out) mutable -> bool {
      if (++calls > 1) throw std::runtime_error("broken later");
      out += "up 1\n";
      return true;
    };
  });
  auto server = StartServer(std::move(handlers));
  TestClient client(server->port());
  EXPECT_THROW(client.Send(bhttp::verb::get, "/metrics"), boost::system::system_error);
  // The server itself keeps serving.
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
}

}  // namespace
}  // namespace surfzone::http
