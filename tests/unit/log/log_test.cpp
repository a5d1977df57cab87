#include "surfzone/log/log.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "log_encoding.hpp"

namespace surfzone::log {
namespace {

const std::regex kLogfmtLine(
    R"(ts=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z level=(debug|info|warn|error) msg=.*)");

class LogTest : public ::testing::Test {
 protected:
  void TearDown() override { SetupLogging(Level::kInfo, Format::kLogfmt); }

  std::vector<std::string> Lines() const {
    std::vector<std::string> lines;
    std::istringstream in(out_.str());
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
  }

  // The single line written, without the ts field, which is checked for shape.
  std::string OnlyLogfmtLineWithoutTs() const {
    const auto lines = Lines();
    EXPECT_EQ(lines.size(), 1u) << out_.str();
    if (lines.size() != 1) return "";
    EXPECT_TRUE(std::regex_match(lines[0], kLogfmtLine)) << lines[0];
    return lines[0].substr(lines[0].find(' ') + 1);
  }

  std::ostringstream out_;
};

TEST_F(LogTest, ParsesLevelsAndFormats) {
  EXPECT_EQ(ParseLevel("debug"), Level::kDebug);
  EXPECT_EQ(ParseLevel("info"), Level::kInfo);
  EXPECT_EQ(ParseLevel("warn"), Level::kWarn);
  EXPECT_EQ(ParseLevel("error"), Level::kError);
  EXPECT_FALSE(ParseLevel("warning"));
  EXPECT_FALSE(ParseLevel("INFO"));
  EXPECT_FALSE(ParseLevel(""));
  EXPECT_EQ(ParseFormat("logfmt"), Format::kLogfmt);
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_FALSE(ParseFormat("text"));
  EXPECT_EQ(ParseLevel(ToString(Level::kWarn)), Level::kWarn);
  EXPECT_EQ(ParseFormat(ToString(Format::kJson)), Format::kJson);
}

TEST_F(LogTest, LogfmtLeavesSimpleValuesBare) {
  SetupLogging(Level::kInfo, Format::kLogfmt, out_);
  Info("AP went down", {{"ap", "stortorget-1"},
                        {"location", std::string("Stortorget")},
                        {"attempts", 3},
                        {"up", false},
                        {"ratio", 0.5}});
  EXPECT_EQ(OnlyLogfmtLineWithoutTs(),
            "level=info msg=\"AP went down\" ap=stortorget-1 location=Stortorget attempts=3 "
            "up=false ratio=0.5");
}

TEST_F(LogTest, LogfmtQuotesAndEscapesValues) {
  SetupLogging(Level::kInfo, Format::kLogfmt, out_);
  Warn("x", {{"error", "say \"hi\"\nk=v \\ done"},
             {"eq", "a=b"},
             {"empty", ""},
             {"ctl", std::string_view("\x01", 1)},
             {"bad key", "v"}});
  EXPECT_EQ(OnlyLogfmtLineWithoutTs(),
            "level=warn msg=x error=\"say \\\"hi\\\"\\nk=v \\\\ done\" eq=\"a=b\" empty=\"\" "
            "ctl=\"\\u0001\" bad_key=v");
}

TEST_F(LogTest, JsonOutputParsesAndRoundTrips) {
  SetupLogging(Level::kDebug, Format::kJson, out_);
  const std::string tricky = "say \"hi\"\nk=v\t\\ \x01 caf\xc3\xa9";
  Debug("AP went \"down\"", {{"ap", "stortorget-1"}, {"error", tricky}, {"n", 42}});
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 1u) << out_.str();
  const auto value = boost::json::parse(lines[0]);
  ASSERT_TRUE(value.is_object());
  const auto& obj = value.as_object();
  EXPECT_EQ(obj.size(), 6u);
  EXPECT_TRUE(std::regex_match(std::string(obj.at("ts").as_string()),
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  EXPECT_EQ(obj.at("level").as_string(), "debug");
  EXPECT_EQ(obj.at("msg").as_string(), "AP went \"down\"");
  EXPECT_EQ(obj.at("ap").as_string(), "stortorget-1");
  EXPECT_EQ(obj.at("error").as_string(), tricky);
  EXPECT_EQ(obj.at("n").as_string(), "42");
  // Field order is stable: ts, level, msg, then the fields as given.
  EXPECT_EQ(lines[0].rfind("{\"ts\":", 0), 0u);
  EXPECT_NE(lines[0].find("\"level\":\"debug\",\"msg\":"), std::string::npos);
}

TEST_F(LogTest, RecordsBelowLevelAreDropped) {
  SetupLogging(Level::kWarn, Format::kLogfmt, out_);
  EXPECT_FALSE(Enabled(Level::kInfo));
  EXPECT_TRUE(Enabled(Level::kError));
  Debug("d");
  Info("i");
  Warn("w");
  Error("e");
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), 2u) << out_.str();
  EXPECT_NE(lines[0].find("level=warn msg=w"), std::string::npos);
  EXPECT_NE(lines[1].find("level=error msg=e"), std::string::npos);
}

TEST_F(LogTest, PlainSpdlogCallsUseTheSameFormat) {
  SetupLogging(Level::kInfo, Format::kLogfmt, out_);
  spdlog::warn("disk {} is full", "/var");
  spdlog::debug("dropped");
  EXPECT_EQ(OnlyLogfmtLineWithoutTs(), "level=warn msg=\"disk /var is full\"");
}

TEST_F(LogTest, ConcurrentRecordsAreWholeLines) {
  SetupLogging(Level::kInfo, Format::kLogfmt, out_);
  constexpr int kThreads = 4;
  constexpr int kPerThread = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < kPerThread; ++i) {
        Info("tick tock", {{"thread", t}, {"i", i}, {"padding", std::string(100, 'x')}});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto lines = Lines();
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kPerThread));
  const std::regex whole(R"(ts=\S+ level=info msg="tick tock" thread=\d i=\d+ padding=x{100})");
  for (const auto& line : lines) ASSERT_TRUE(std::regex_match(line, whole)) << line;
}

TEST(LogEncoding, TimestampIsUtcWithMilliseconds) {
  using namespace std::chrono;
  const sys_days day = year(2026) / November / 23;
  std::string out;
  internal::AppendTimestamp(out, system_clock::time_point(day + hours(10) + milliseconds(123)));
  EXPECT_EQ(out, "2026-11-23T10:00:00.123Z");
  out.clear();
  internal::AppendTimestamp(out, system_clock::time_point(milliseconds(-1)));
  EXPECT_EQ(out, "1969-12-31T23:59:59.999Z");
}

}  // namespace
}  // namespace surfzone::log
