// The exporter-toolkit web config parser: what it accepts and that its errors name the file,
// the line and the key (and never a password).

#include "surfzone/http/web_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace surfzone::http {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::Not;

// A bcrypt hash (of "secret", cost 4); only its shape matters to the parser.
const std::string kHash = "$2y$04$abcdefghijklmnopqrstuu5Rx8IhbRrBVx2qKhXzLvyL0Qn6uT1vG";

class WebConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/surfzone_webcfg_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    Write("tls.crt", "cert");
    Write("tls.key", "key");
    Write("ca.crt", "ca");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path Write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name) << text;
    return dir_ / name;
  }
  // The error message of parsing `text`, or "" if it parsed.
  std::string ErrorOf(const std::string& text) const {
    try {
      ParseWebConfig(text, "web.yml", dir_);
    } catch (const WebConfigError& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path dir_;
};

TEST_F(WebConfigTest, ParsesEveryKeyOfTheToolkitFormat) {
  const WebConfig cfg = ParseWebConfig(
      "tls_server_config:\n"
      "  cert_file: tls.crt\n"
      "  key_file: " +
          (dir_ / "tls.key").string() +
          "\n"
          "  client_auth_type: RequireAndVerifyClientCert\n"
          "  client_ca_file: ca.crt\n"
          "  min_version: TLS12\n"
          "  max_version: TLS13\n"
          "  cipher_suites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "
          "TLS_RSA_WITH_AES_256_GCM_SHA384]\n"
          "http_server_config:\n"
          "  headers:\n"
          "    Strict-Transport-Security: max-age=31536000\n"
          "    X-Frame-Options: deny\n"
          "basic_auth_users:\n"
          "  prometheus: " +
          kHash + "\n",
      "web.yml", dir_);
  ASSERT_TRUE(cfg.tls);
  EXPECT_EQ(cfg.tls->cert_file, dir_ / "tls.crt");  // relative: against the file's directory
  EXPECT_EQ(cfg.tls->key_file, dir_ / "tls.key");
  EXPECT_EQ(cfg.tls->client_ca_file, dir_ / "ca.crt");
  EXPECT_EQ(cfg.tls->client_auth, ClientAuth::kRequireAndVerify);
  EXPECT_EQ(cfg.tls->min_version, 0x0303);
  EXPECT_EQ(cfg.tls->max_version, 0x0304);
  EXPECT_EQ(cfg.tls->cipher_list, "ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384");
  ASSERT_EQ(cfg.headers.size(), 2u);
  EXPECT_EQ(cfg.headers[0].first, "Strict-Transport-Security");
  EXPECT_EQ(cfg.headers[1].second, "deny");
  ASSERT_EQ(cfg.basic_auth_users.size(), 1u);
  EXPECT_EQ(cfg.basic_auth_users.at("prometheus"), kHash);
}

TEST_F(WebConfigTest, EmptyFileMeansPlainHttpWithoutAuth) {
  EXPECT_TRUE(ParseWebConfig("", "web.yml", dir_).Empty());
  EXPECT_TRUE(ParseWebConfig("tls_server_config:\nbasic_auth_users:\n", "web.yml", dir_).Empty());
}

TEST_F(WebConfigTest, ErrorsNameFileLineAndKey) {
  EXPECT_THAT(ErrorOf("basic_auth_users: {}\ntls_server_config:\n  cert_file: tls.crt\n"
                      "  key_file: tls.key\n  client_auth: RequireAnyClientCert\n"),
              AllOf(HasSubstr("web.yml:5:"), HasSubstr("tls_server_config"),
                    HasSubstr("unknown field \"client_auth\"")));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: missing.crt\n  key_file: tls.key\n"),
              AllOf(HasSubstr("web.yml:2:"), HasSubstr("tls_server_config.cert_file"),
                    HasSubstr("missing.crt")));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  key_file: tls.key\n"),
              HasSubstr("cert_file and key_file are required"));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\n"
                      "  client_auth_type: RequireAndVerifyClientCert\n"),
              HasSubstr("tls_server_config.client_ca_file: required"));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\n"
                      "  client_auth_type: Sometimes\n"),
              HasSubstr("unknown client_auth_type \"Sometimes\""));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\n"
                      "  min_version: TLS13\n  max_version: TLS12\n"),
              HasSubstr("tls_server_config.max_version: lower than min_version"));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\n"
                      "  min_version: SSL3\n"),
              HasSubstr("unknown TLS version \"SSL3\""));
  EXPECT_THAT(ErrorOf("tls_server_config:\n  cert_file: tls.crt\n  key_file: tls.key\n"
                      "  cipher_suites: [TLS_NULL_WITH_NULL_NULL]\n"),
              HasSubstr("unknown cipher suite \"TLS_NULL_WITH_NULL_NULL\""));
  EXPECT_THAT(ErrorOf("http_server_config:\n  headers:\n    Set-Cookie: a=b\n"),
              AllOf(HasSubstr("web.yml:3:"), HasSubstr("header \"Set-Cookie\" may not be set")));
  EXPECT_THAT(ErrorOf("tls_server_config: [\n"), HasSubstr("YAML syntax error"));
  EXPECT_THAT(ErrorOf("basic_auth_users: [a]\n"), HasSubstr("basic_auth_users: expected a map"));
}

TEST_F(WebConfigTest, APlainPasswordInPlaceOfAHashIsRefusedWithoutQuotingIt) {
  const std::string error = ErrorOf("basic_auth_users:\n  alice: hunter2-plaintext\n");
  EXPECT_THAT(error, AllOf(HasSubstr("web.yml:2:"), HasSubstr("basic_auth_users.alice"),
                           HasSubstr("not a bcrypt hash"), Not(HasSubstr("hunter2"))));
}

TEST_F(WebConfigTest, LoadWebConfigNamesAMissingFile) {
  try {
    LoadWebConfig(dir_ / "absent.yml");
    FAIL() << "no error";
  } catch (const WebConfigError& e) {
    EXPECT_THAT(e.what(), HasSubstr((dir_ / "absent.yml").string()));
  }
  const auto file = Write("web.yml", "basic_auth_users:\n  alice: " + kHash + "\n");
  EXPECT_EQ(LoadWebConfig(file).basic_auth_users.size(), 1u);
}

}  // namespace
}  // namespace surfzone::http
