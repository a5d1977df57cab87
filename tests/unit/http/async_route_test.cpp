// Asynchronous handlers: the reply comes from another thread while the server thread keeps
// serving others; no reply in time is a 503, not a hung server; prefix routes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "http_test_client.hpp"
#include "surfzone/http/server.hpp"

namespace surfzone::http {
namespace {

using testing::Fetch;
using ::testing::HasSubstr;
namespace bhttp = boost::beast::http;
using std::chrono::milliseconds;

// Holds Respond continuations until the test releases them, from its own thread.
class Parked {
 public:
  void Park(Respond r) {
    std::lock_guard lock(mutex_);
    parked_.push_back(std::move(r));
    cv_.notify_all();
  }
  bool WaitFor(std::size_t n) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, std::chrono::seconds(10), [&] { return parked_.size() >= n; });
  }
  void ReleaseAll(const std::string& body) {
    std::vector<Respond> all;
    {
      std::lock_guard lock(mutex_);
      all.swap(parked_);
    }
    for (auto& r : all) {
      RouteReply reply;
      reply.body = body;
      r(reply);
      r(reply);  // a second call is ignored
    }
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Respond> parked_;
};

TEST(AsyncRoutes, PendingScrapeDoesNotHoldOtherClients) {
  Parked parked;
  Handlers handlers;
  handlers.metrics = [&](Respond r) { parked.Park(std::move(r)); };
  Server server("127.0.0.1:0", handlers);
  server.Start();
  std::thread scraper([&] {
    auto res = Fetch(server.port(), bhttp::verb::get, "/metrics");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_EQ(res.body(), "up 1\n");
    EXPECT_EQ(res[bhttp::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
  });
  ASSERT_TRUE(parked.WaitFor(1));
  // The scrape is waiting; health checks and a second scrape's start are not.
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
  std::thread second(
      [&] { EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/metrics").body(), "up 1\n"); });
  ASSERT_TRUE(parked.WaitFor(2));
  std::thread releaser([&] { parked.ReleaseAll("up 1\n"); });  // another thread answers
  releaser.join();
  scraper.join();
  second.join();
}

TEST(AsyncRoutes, NoReplyInTimeIs503AndALateReplyIsHarmless) {
  Parked parked;
  Handlers handlers;
  handlers.metrics = [&](Respond r) { parked.Park(std::move(r)); };
  ServerOptions options;
  options.metrics_timeout = milliseconds(200);
  Server server("127.0.0.1:0", handlers, options);
  server.Start();
  auto res = Fetch(server.port(), bhttp::verb::get, "/metrics");
  EXPECT_EQ(res.result_int(), 503);
  EXPECT_EQ(res[bhttp::field::retry_after], "1");
  EXPECT_THAT(res.body(), HasSubstr("200 ms"));
  parked.ReleaseAll("late\n");
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
}

TEST(AsyncRoutes, ReplyAfterStopIsHarmless) {
  Parked parked;
  Handlers handlers;
  handlers.metrics = [&](Respond r) { parked.Park(std::move(r)); };
  auto server = std::make_unique<Server>("127.0.0.1:0", handlers);
  server->Start();
  std::thread scraper([&] {
    try {
      Fetch(server->port(), bhttp::verb::get, "/metrics");
    } catch (const std::exception&) {
      // the connection is closed by the stop: expected
    }
  });
  ASSERT_TRUE(parked.WaitFor(1));
  server->Stop();
  scraper.join();
  server.reset();
  parked.ReleaseAll("after stop\n");
}

TEST(AsyncRoutes, PrefixRoutesServeTheirSubtreeAndLongestWins) {
  Handlers handlers;
  auto echo = [](std::string tag) {
    ExtraRoute route;
    route.prefix = true;
    route.handle_async = [tag](const RouteRequest& req, Respond respond) {
      RouteReply reply;
      reply.body = tag + " " + req.path;
      reply.headers.emplace_back("Cache-Control", "no-store");
      respond(std::move(reply));
    };
    return route;
  };
  handlers.routes["/api/v1"] = echo("api");
  handlers.routes["/api/v1/locations"] = echo("locations");
  std::vector<std::pair<std::string, unsigned>> seen;
  std::mutex seen_mutex;
  handlers.on_request = [&](std::string_view label, unsigned code) {
    std::lock_guard lock(seen_mutex);
    seen.emplace_back(std::string(label), code);
  };
  Server server("127.0.0.1:0", handlers);
  server.Start();
  auto loc = Fetch(server.port(), bhttp::verb::get, "/api/v1/locations/Stortorget?x=1");
  EXPECT_EQ(loc.body(), "locations /api/v1/locations/Stortorget");
  EXPECT_EQ(loc[bhttp::field::cache_control], "no-store");
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/api/v1/status").body(), "api /api/v1/status");
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/api/v1").body(), "api /api/v1");
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::get, "/api/v1x").result_int(), 404);
  EXPECT_EQ(Fetch(server.port(), bhttp::verb::post, "/api/v1/status").result_int(), 405);
  std::lock_guard lock(seen_mutex);
  ASSERT_GE(seen.size(), 1u);
  EXPECT_EQ(seen.front().first, "/api/v1/locations");  // the route, not the full path
}

}  // namespace
}  // namespace surfzone::http
