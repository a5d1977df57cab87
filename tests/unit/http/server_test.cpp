#include "surfzone/http/server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <boost/beast/http/field.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "http_test_client.hpp"

namespace surfzone::http {
namespace {

using testing::Fetch;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using testing::TestClient;
namespace bhttp = boost::beast::http;

std::unique_ptr<Server> StartServer(Handlers handlers, ServerOptions options = {}) {
  auto server = std::make_unique<Server>("127.0.0.1:0", std::move(handlers), options);
  server->Start();
  return server;
}

TEST(HttpServer, MetricsReturnsRenderedTextWithPrometheusContentType) {
  std::atomic<int> scrapes{0};
  Handlers handlers;
  handlers.render_metrics = [&] {
    return "# TYPE up gauge\nup " + std::to_string(++scrapes) + "\n";
  };
  auto server = StartServer(std::move(handlers));
  ASSERT_NE(server->port(), 0);

  auto first = Fetch(server->port(), bhttp::verb::get, "/metrics");
  EXPECT_EQ(first.result_int(), 200);
  EXPECT_EQ(first[bhttp::field::content_type], "text/plain; version=0.0.4; charset=utf-8");
  EXPECT_EQ(first.body(), "# TYPE up gauge\nup 1\n");
  // Rendered per scrape, query strings ignored.
  auto second = Fetch(server->port(), bhttp::verb::get, "/metrics?foo=bar");
  EXPECT_EQ(second.body(), "# TYPE up gauge\nup 2\n");
}

TEST(HttpServer, HeadMetricsSendsLengthWithoutBody) {
  Handlers handlers;
  handlers.render_metrics = [] { return std::string("up 1\n"); };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::head, "/metrics");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res[bhttp::field::content_length], "5");
  EXPECT_TRUE(res.body().empty());
}

TEST(HttpServer, RenderFailureIs500) {
  Handlers handlers;
  handlers.render_metrics = []() -> std::string { throw std::runtime_error("registry broken"); };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::get, "/metrics");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_THAT(res.body(), HasSubstr("registry broken"));
}

TEST(HttpServer, ReadyToggles) {
  std::atomic<bool> ready{false};
  Handlers handlers;
  handlers.ready = [&] { return ready.load(); };
  auto server = StartServer(std::move(handlers));

  auto before = Fetch(server->port(), bhttp::verb::get, "/-/ready");
  EXPECT_EQ(before.result_int(), 503);
  EXPECT_EQ(before.body(), "Not ready\n");
  ready = true;
  auto after = Fetch(server->port(), bhttp::verb::get, "/-/ready");
  EXPECT_EQ(after.result_int(), 200);
  EXPECT_EQ(after.body(), "Ready\n");
}

TEST(HttpServer, HealthyDefaultsToOkAndReportsFailure) {
  auto server = StartServer({});
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/-/ready").result_int(), 200);

  Handlers handlers;
  handlers.healthy = [] { return false; };
  auto unhealthy = StartServer(std::move(handlers));
  auto res = Fetch(unhealthy->port(), bhttp::verb::get, "/-/healthy");
  EXPECT_EQ(res.result_int(), 503);
  EXPECT_EQ(res.body(), "Not healthy\n");
}

TEST(HttpServer, IndexPageLinksMetrics) {
  auto server = StartServer({});
  auto res = Fetch(server->port(), bhttp::verb::get, "/");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_THAT(std::string(res[bhttp::field::content_type]), StartsWith("text/html"));
  EXPECT_THAT(res.body(), HasSubstr("href=\"/metrics\""));
}

TEST(HttpServer, UnknownPathIs404) {
  auto server = StartServer({});
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/nope").result_int(), 404);
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/metrics/x").result_int(), 404);
}

TEST(HttpServer, WrongMethodIs405WithAllow) {
  auto server = StartServer({});
  auto res = Fetch(server->port(), bhttp::verb::post, "/metrics");
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(res[bhttp::field::allow], "GET, HEAD");
}

TEST(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::atomic<int> scrapes{0};
  Handlers handlers;
  handlers.render_metrics = [&] { return std::to_string(++scrapes); };
  auto server = StartServer(std::move(handlers));
  TestClient client(server->port());
  for (int i = 1; i <= 3; ++i) {
    auto res = client.Send(bhttp::verb::get, "/metrics");
    EXPECT_EQ(res.result_int(), 200);
    EXPECT_TRUE(res.keep_alive());
    EXPECT_EQ(res.body(), std::to_string(i));
  }
}

TEST(HttpServer, GarbageRequestGets400AndServerKeepsServing) {
  auto server = StartServer({});
  TestClient client(server->port());
  client.WriteRaw("GARBAGE\r\n\r\n");
  boost::system::error_code ec;
  const std::string reply = client.ReadUntilClosed(ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_THAT(reply, StartsWith("HTTP/1.1 400 "));
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
}

TEST(HttpServer, OversizedHeaderGets431) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  auto server = StartServer({}, options);
  TestClient client(server->port());
  client.WriteRaw("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4096, 'a') +
                  "\r\n\r\n");
  boost::system::error_code ec;
  EXPECT_THAT(client.ReadUntilClosed(ec), StartsWith("HTTP/1.1 431 "));
  EXPECT_FALSE(ec) << ec.message();
}

TEST(HttpServer, OversizedBodyGets413) {
  ServerOptions options;
  options.max_body_bytes = 1024;
  Handlers handlers;
  handlers.reload = [](auto done) { done(true, ""); };
  auto server = StartServer(std::move(handlers), options);
  TestClient client(server->port());
  client.WriteRaw("POST /-/reload HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");
  boost::system::error_code ec;
  EXPECT_THAT(client.ReadUntilClosed(ec), StartsWith("HTTP/1.1 413 "));
  EXPECT_FALSE(ec) << ec.message();
}

TEST(HttpServer, IdleConnectionIsClosedAfterIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = std::chrono::milliseconds(100);
  auto server = StartServer({}, options);
  TestClient client(server->port());
  boost::system::error_code ec;
  // The client gives up after 5 s, so a missing server timeout shows up as an error here.
  EXPECT_EQ(client.ReadUntilClosed(ec), "");
  EXPECT_FALSE(ec) << ec.message();
}

TEST(HttpServer, AtTheLimitTheIdleConnectionMakesRoom) {
  ServerOptions options;
  options.max_connections = 1;
  auto server = StartServer({}, options);
  TestClient first(server->port());
  ASSERT_EQ(first.Send(bhttp::verb::get, "/-/healthy").result_int(), 200);

  // `first` is idle between requests: it is closed so that `second` is served.
  TestClient second(server->port());
  EXPECT_EQ(second.Send(bhttp::verb::get, "/-/healthy").result_int(), 200);
  boost::system::error_code ec;
  EXPECT_EQ(first.ReadUntilClosed(ec), "");
  EXPECT_FALSE(ec) << ec.message();
}

TEST(HttpServer, StopReturnsPromptlyWithIdleKeepAliveConnection) {
  auto server = StartServer({});  // default 30 s read timeout
  TestClient client(server->port());
  ASSERT_EQ(client.Send(bhttp::verb::get, "/-/healthy").result_int(), 200);

  const auto start = std::chrono::steady_clock::now();
  server->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  boost::system::error_code ec;
  EXPECT_EQ(client.ReadUntilClosed(ec), "");
  EXPECT_FALSE(ec) << ec.message();
  server->Stop();  // idempotent
}

TEST(HttpServer, StopWithoutStartIsNoop) {
  Server server("127.0.0.1:0", {});
  server.Stop();
  EXPECT_EQ(server.port(), 0);
}

TEST(HttpServer, StartFailsClearlyWhenPortIsTaken) {
  auto first = StartServer({});
  const std::string address = "127.0.0.1:" + std::to_string(first->port());
  Server second(address, {});
  try {
    second.Start();
    FAIL() << "Start() on a taken port should throw";
  } catch (const std::runtime_error& e) {
    EXPECT_THAT(e.what(), HasSubstr(address));
  }
}

TEST(HttpServer, StartRejectsInvalidAddress) {
  Server server("no-port-here", {});
  EXPECT_THROW(server.Start(), std::runtime_error);
}

TEST(HttpServer, OnRequestHookSeesHandlerAndCode) {
  std::mutex mutex;
  std::vector<std::pair<std::string, unsigned>> seen;
  Handlers handlers;
  handlers.on_request = [&](std::string_view handler, unsigned code) {
    std::lock_guard lock(mutex);
    seen.emplace_back(handler, code);
  };
  auto server = StartServer(std::move(handlers));
  Fetch(server->port(), bhttp::verb::get, "/metrics");
  Fetch(server->port(), bhttp::verb::get, "/nope");
  Fetch(server->port(), bhttp::verb::get, "/-/reload");  // no reload handler: 404
  std::lock_guard lock(mutex);
  EXPECT_THAT(seen, ::testing::ElementsAre(std::pair<std::string, unsigned>{"/metrics", 200},
                                           std::pair<std::string, unsigned>{"other", 404},
                                           std::pair<std::string, unsigned>{"other", 404}));
}

}  // namespace
}  // namespace surfzone::http

namespace surfzone::http {
namespace {

TEST(HttpServer, ExtraRoutesServeGetAndPostWithTheirMethodChecked) {
  Handlers handlers;
  std::string seen_target, seen_body;
  handlers.routes["/truth"] = {"GET", [&](std::string_view target, std::string_view) {
                                 seen_target = std::string(target);
                                 return RouteReply{200, "application/json", "{\"aps\":3}"};
                               }};
  handlers.routes["/faults"] = {"POST", [&](std::string_view, std::string_view body) {
                                  seen_body = std::string(body);
                                  return RouteReply{400, "text/plain", "no such ap\n"};
                                }};
  auto server = std::make_unique<Server>("127.0.0.1:0", std::move(handlers));
  server->Start();
  auto truth = testing::Fetch(server->port(), boost::beast::http::verb::get, "/truth?ap=x");
  EXPECT_EQ(truth.result_int(), 200);
  EXPECT_EQ(truth.body(), "{\"aps\":3}");
  EXPECT_EQ(seen_target, "/truth?ap=x");
  EXPECT_EQ(testing::Fetch(server->port(), boost::beast::http::verb::post, "/truth").result_int(),
            405);
  auto fault =
      testing::Fetch(server->port(), boost::beast::http::verb::post, "/faults", "{\"ap\":\"q\"}");
  EXPECT_EQ(fault.result_int(), 400);
  EXPECT_EQ(fault.body(), "no such ap\n");
  EXPECT_EQ(seen_body, "{\"ap\":\"q\"}");
  EXPECT_EQ(testing::Fetch(server->port(), boost::beast::http::verb::get, "/faults").result_int(),
            405);
}

}  // namespace
}  // namespace surfzone::http
