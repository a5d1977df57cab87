#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>

#include "http_test_client.hpp"
#include "surfzone/http/server.hpp"

namespace surfzone::http {
namespace {

using testing::Fetch;
using ::testing::HasSubstr;
using testing::TestClient;
namespace bhttp = boost::beast::http;
using Done = std::function<void(bool, std::string)>;

std::unique_ptr<Server> StartServer(Handlers handlers, ServerOptions options = {}) {
  auto server = std::make_unique<Server>("127.0.0.1:0", std::move(handlers), options);
  server->Start();
  return server;
}

TEST(HttpReload, SuccessFromAnotherThreadIs200) {
  int calls = 0;
  std::thread worker;
  Handlers handlers;
  handlers.reload = [&](Done done) {
    ++calls;
    worker = std::thread([done] { done(true, "config reloaded"); });
  };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::post, "/-/reload");
  worker.join();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "config reloaded\n");
}

TEST(HttpReload, FailureIs500WithMessage) {
  Handlers handlers;
  handlers.reload = [](Done done) { done(false, "ap_groups[2]: unknown key \"comunity\""); };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::post, "/-/reload");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(res.body(), "ap_groups[2]: unknown key \"comunity\"\n");
}

TEST(HttpReload, OnlyTheFirstDoneCounts) {
  Handlers handlers;
  handlers.reload = [](Done done) {
    done(false, "first");
    done(true, "second");
  };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::post, "/-/reload");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(res.body(), "first\n");
}

TEST(HttpReload, ThrowingHandlerIs500) {
  Handlers handlers;
  handlers.reload = [](const Done&) { throw std::runtime_error("boom"); };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::post, "/-/reload");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_THAT(res.body(), HasSubstr("boom"));
}

TEST(HttpReload, GetIs405WithAllowPost) {
  int calls = 0;
  Handlers handlers;
  handlers.reload = [&](Done done) {
    ++calls;
    done(true, "");
  };
  auto server = StartServer(std::move(handlers));
  auto res = Fetch(server->port(), bhttp::verb::get, "/-/reload");
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(res[bhttp::field::allow], "POST");
  EXPECT_EQ(calls, 0);
}

TEST(HttpReload, KeepAliveConnectionServesAfterReload) {
  Handlers handlers;
  handlers.reload = [](Done done) { done(true, ""); };
  auto server = StartServer(std::move(handlers));
  TestClient client(server->port());
  auto reload = client.Send(bhttp::verb::post, "/-/reload");
  EXPECT_EQ(reload.result_int(), 200);
  EXPECT_EQ(reload.body(), "OK\n");
  EXPECT_EQ(client.Send(bhttp::verb::get, "/-/healthy").result_int(), 200);
}

TEST(HttpReload, TimesOutWhenDoneIsNeverCalled) {
  std::mutex mutex;
  Done kept;
  ServerOptions options;
  options.reload_timeout = std::chrono::milliseconds(50);
  Handlers handlers;
  handlers.reload = [&](Done done) {
    std::lock_guard lock(mutex);
    kept = std::move(done);
  };
  auto server = StartServer(std::move(handlers), options);
  auto res = Fetch(server->port(), bhttp::verb::post, "/-/reload");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_THAT(res.body(), HasSubstr("timed out"));
  {
    std::lock_guard lock(mutex);
    ASSERT_TRUE(kept);
    kept(true, "too late");  // must be harmless
  }
  EXPECT_EQ(Fetch(server->port(), bhttp::verb::get, "/-/healthy").result_int(), 200);
}

TEST(HttpReload, StopIsPromptWhileReloadPendingAndLateDoneIsHarmless) {
  std::mutex mutex;
  Done kept;
  std::promise<void> started;
  Handlers handlers;
  handlers.reload = [&](Done done) {
    std::lock_guard lock(mutex);
    kept = std::move(done);
    started.set_value();
  };
  auto server = StartServer(std::move(handlers));  // default 60 s reload timeout
  const auto port = server->port();
  auto request = std::async(std::launch::async, [port] {
    try {
      return static_cast<int>(Fetch(port, bhttp::verb::post, "/-/reload").result_int());
    } catch (const std::exception&) {
      return -1;  // connection closed without a response
    }
  });
  started.get_future().wait();

  const auto start = std::chrono::steady_clock::now();
  server->Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_NE(request.get(), 200);

  std::lock_guard lock(mutex);
  kept(true, "after stop");
  server.reset();
  kept(true, "after destruction");
}

}  // namespace
}  // namespace surfzone::http
