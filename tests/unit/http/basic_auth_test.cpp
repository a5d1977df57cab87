// Basic auth of the web config on the server (plain HTTP; TLS is covered end to end in
// tests/e2e/web_config_test.cpp): which routes need credentials, what a refusal looks like,
// that it is counted with a reason, and that the file is re-read when it changes.

#include "basic_auth.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <boost/beast/http/field.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http_test_client.hpp"
#include "surfzone/http/server.hpp"

namespace surfzone::http {
namespace {

using ::testing::ElementsAre;
using testing::Fetch;
using ::testing::HasSubstr;
namespace bhttp = boost::beast::http;

std::string Basic(const std::string& user, const std::string& password) {
  const std::string plain = user + ":" + password;
  std::string out(4 * ((plain.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(plain.data()),
                                static_cast<int>(plain.size()));
  out.resize(static_cast<std::size_t>(n));
  return "Basic " + out;
}

TEST(BasicAuth, ParsesTheHeader) {
  const auto creds = ParseBasicAuth(Basic("alice", "pa:ss word"));
  ASSERT_TRUE(creds);
  EXPECT_EQ(creds->first, "alice");
  EXPECT_EQ(creds->second, "pa:ss word");  // only the first ':' separates
  EXPECT_TRUE(ParseBasicAuth("basic " + Basic("a", "b").substr(6)));  // scheme case-insensitive
  EXPECT_FALSE(ParseBasicAuth(""));
  EXPECT_FALSE(ParseBasicAuth("Bearer abc"));
  EXPECT_FALSE(ParseBasicAuth("Basic !!!!"));
  EXPECT_FALSE(ParseBasicAuth("Basic bm9jb2xvbg=="));  // "nocolon"
}

TEST(BasicAuth, BcryptMatchesOnlyTheRightPassword) {
  const std::string hash = BcryptHash("right", 4);
  ASSERT_EQ(hash.size(), 60u);
  EXPECT_EQ(hash.substr(0, 7), "$2y$04$");
  EXPECT_TRUE(BcryptMatches("right", hash));
  EXPECT_FALSE(BcryptMatches("wrong", hash));
  EXPECT_FALSE(BcryptMatches("right", "$2y$04$" + std::string(53, '.')));
  BasicAuthCache cache;
  const std::map<std::string, std::string> users{{"alice", hash}};
  EXPECT_TRUE(cache.Check(users, "alice", "right"));
  EXPECT_TRUE(cache.Check(users, "alice", "right"));  // from the cache
  EXPECT_FALSE(cache.Check(users, "alice", "wrong"));
  EXPECT_FALSE(cache.Check(users, "bob", "right"));
  // The cache is keyed by the hash too: a changed hash does not accept the old password.
  EXPECT_FALSE(cache.Check({{"alice", BcryptHash("new", 4)}}, "alice", "right"));
}

class AuthServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/surfzone_auth_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    file_ = (dir_ / "web.yml").string();
  }
  void TearDown() override {
    server_.reset();
    std::filesystem::remove_all(dir_);
  }
  void WriteConfig(const std::string& text) const {
    const std::string tmp = file_ + ".tmp";
    std::ofstream(tmp) << text;
    std::filesystem::rename(tmp, file_);
  }
  void Start() {
    Handlers handlers;
    handlers.render_metrics = [] { return std::string("up 1\n"); };
    handlers.reload = [](std::function<void(bool, std::string)> done) { done(true, ""); };
    handlers.on_auth_failure = [this](std::string_view reason) {
      std::lock_guard lock(mutex_);
      failures_.emplace_back(reason);
    };
    ServerOptions options;
    options.web_config_file = file_;
    server_ = std::make_unique<Server>("127.0.0.1:0", std::move(handlers), options);
    server_->Start();
  }
  int Status(bhttp::verb method, const std::string& target, const std::string& auth = "") const {
    return Fetch(server_->port(), method, target, "", auth).result_int();
  }
  std::vector<std::string> Failures() {
    std::lock_guard lock(mutex_);
    return failures_;
  }

  std::filesystem::path dir_;
  std::string file_;
  std::unique_ptr<Server> server_;
  std::mutex mutex_;
  std::vector<std::string> failures_;
};

TEST_F(AuthServerTest, EveryRouteButHealthyNeedsCredentials) {
  WriteConfig("basic_auth_users:\n  alice: " + BcryptHash("s3cret", 4) +
              "\nhttp_server_config:\n  headers:\n    X-Frame-Options: deny\n");
  Start();
  const std::string good = Basic("alice", "s3cret");
  for (const char* target : {"/metrics", "/-/ready", "/", "/nowhere"}) {
    SCOPED_TRACE(target);
    const auto refused = Fetch(server_->port(), bhttp::verb::get, target);
    EXPECT_EQ(refused.result_int(), 401);
    EXPECT_EQ(refused[bhttp::field::www_authenticate], "Basic realm=\"surfzone\"");
    EXPECT_EQ(refused["X-Frame-Options"], "deny");
    EXPECT_THAT(refused.body(), ::testing::Not(HasSubstr("up 1")));
  }
  EXPECT_EQ(Status(bhttp::verb::post, "/-/reload"), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/-/healthy"), 200);
  EXPECT_EQ(Status(bhttp::verb::get, "/-/healthy?x=1"), 200);

  const auto ok = Fetch(server_->port(), bhttp::verb::get, "/metrics", "", good);
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(ok.body(), "up 1\n");
  EXPECT_EQ(ok["X-Frame-Options"], "deny");
  EXPECT_EQ(Status(bhttp::verb::get, "/-/ready", good), 200);
  EXPECT_EQ(Status(bhttp::verb::post, "/-/reload", good), 200);
  EXPECT_EQ(Status(bhttp::verb::get, "/nowhere", good), 404);
  EXPECT_EQ(Failures().size(), 5u);
  EXPECT_EQ(Failures()[0], "missing");
}

TEST_F(AuthServerTest, RefusalsAreCountedByReason) {
  WriteConfig("basic_auth_users:\n  alice: " + BcryptHash("s3cret", 4) + "\n");
  Start();
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics"), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", "Basic garbage"), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "S3cret")), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("mallory", "s3cret")), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "s3cret")), 200);
  EXPECT_THAT(Failures(), ElementsAre("missing", "missing", "wrong", "wrong"));
}

TEST_F(AuthServerTest, ABadFileAtStartThrowsNamingFileAndKey) {
  WriteConfig("basic_auth_users:\n  alice: plain-password\n");
  try {
    Start();
    FAIL() << "started";
  } catch (const std::exception& e) {
    EXPECT_THAT(e.what(), HasSubstr(file_));
    EXPECT_THAT(e.what(), HasSubstr("basic_auth_users.alice"));
    EXPECT_THAT(e.what(), ::testing::Not(HasSubstr("plain-password")));
  }
}

TEST_F(AuthServerTest, AChangedFileAppliesToNewConnectionsAndABadOneKeepsTheLast) {
  WriteConfig("basic_auth_users:\n  alice: " + BcryptHash("first", 4) + "\n");
  Start();
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "first")), 200);

  WriteConfig("basic_auth_users:\n  alice: " + BcryptHash("second", 4) +
              "\n  bob: " + BcryptHash("bobs", 4) + "\n");
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "first")), 401);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "second")), 200);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("bob", "bobs")), 200);

  WriteConfig("basic_auth_users:\n  alice: not-a-hash\n");  // kept: the previous users
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("alice", "second")), 200);
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics", Basic("bob", "bobs")), 200);

  WriteConfig("");  // an empty file: no auth any more
  EXPECT_EQ(Status(bhttp::verb::get, "/metrics"), 200);
}

}  // namespace
}  // namespace surfzone::http
