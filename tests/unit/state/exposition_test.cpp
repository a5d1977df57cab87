#include "surfzone/state/exposition.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <prometheus/text_serializer.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "surfzone/testing/metrics_text.hpp"

namespace surfzone::state {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Snapshot MakeSnapshot() {
  Snapshot s;
  ApSnapshot a;
  a.name = "ap-1";
  a.location = "Market Square";
  a.kind = "square";
  a.district = "Old Town";
  a.address = "10.0.0.1:161";
  a.profile = "generic";
  a.sys_name = "ap1";
  a.sys_descr = "Vendor \"X\" AP\nfw 1.2 C:\\boot";
  a.sys_object_id = "1.3.6.1.4.1.8072.3.2.10";
  a.traffic_source = "if-mib-64";
  a.uptime_source = "engine_time";
  a.detect = "probe:1.3.6.1.4.1.41112.1.6.3.3.0";
  a.known = true;
  a.up = true;
  a.boot_time_seconds = 1699990000;
  a.reboots = 2;
  a.rx_bytes = 123456789012;
  a.tx_bytes = 42;
  a.last_poll_timestamp_seconds = 1700000000.5;
  a.last_success_timestamp_seconds = 1700000000.5;
  a.poll_duration_seconds = 0.125;
  a.polls_total = 10;
  a.poll_failures_total = 1;
  s.aps.push_back(a);

  ApSnapshot b;  // polled, never answered: down, and nothing optional is known
  b.name = "ap-2";
  b.location = "Market Square";
  b.kind = "square";
  b.district = "Old Town";
  b.address = "10.0.0.2:161";
  b.profile = "generic";
  b.traffic_source = "none";
  b.known = true;
  b.polls_total = 3;
  b.poll_failures_total = 3;
  s.aps.push_back(b);

  LocationSnapshot l;
  l.name = "Market Square";
  l.kind = "square";
  l.district = "Old Town";
  l.lat = 52.5;
  l.lon = -13.25;
  l.aps = 2;
  l.aps_up = 1;
  l.rx_bytes = 123456789012;
  l.tx_bytes = 42;
  l.seconds_up = 100;
  l.seconds_degraded = 30.5;
  s.locations.push_back(l);

  LocationSnapshot empty;
  empty.name = "Harbour";
  empty.kind = "harbour";
  s.locations.push_back(empty);
  return s;
}

std::string Serialize(const std::vector<prometheus::MetricFamily>& families) {
  std::ostringstream out;
  prometheus::TextSerializer().Serialize(out, families);
  return out.str();
}

std::vector<std::string> Names(const std::vector<prometheus::MetricFamily>& families) {
  std::vector<std::string> names;
  for (const auto& f : families) names.push_back(f.name);
  return names;
}

const prometheus::MetricFamily* Find(const std::vector<prometheus::MetricFamily>& families,
                                     const std::string& name) {
  for (const auto& f : families) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

TEST(RenderSnapshot, FamiliesInContractOrderWithTypes) {
  const auto families = RenderSnapshot(MakeSnapshot());
  EXPECT_THAT(
      Names(families),
      ElementsAre("surfzone_ap_up", "surfzone_ap_info", "surfzone_ap_boot_time_seconds",
                  "surfzone_ap_reboots_total", "surfzone_ap_traffic_bytes_total",
                  "surfzone_ap_last_poll_timestamp_seconds",
                  "surfzone_ap_last_success_timestamp_seconds", "surfzone_ap_poll_duration_seconds",
                  "surfzone_ap_polls_total", "surfzone_ap_poll_failures_total",
                  "surfzone_location_aps", "surfzone_location_aps_up",
                  "surfzone_location_aps_unknown", "surfzone_location_traffic_bytes_total",
                  "surfzone_location_info", "surfzone_location_state_seconds_total"));
  for (const auto& f : families) {
    const bool is_total = f.name.size() > 6 && f.name.ends_with("_total");
    EXPECT_EQ(f.type, is_total ? prometheus::MetricType::Counter : prometheus::MetricType::Gauge)
        << f.name;
    EXPECT_FALSE(f.help.empty()) << f.name;
  }
}

TEST(RenderSnapshot, SerializedApLines) {
  const std::string text = Serialize(RenderSnapshot(MakeSnapshot()));
  EXPECT_THAT(text, HasSubstr("# TYPE surfzone_ap_up gauge\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_up{ap=\"ap-1\",location=\"Market Square\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_up{ap=\"ap-2\",location=\"Market Square\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE surfzone_ap_reboots_total counter\n"));
  EXPECT_THAT(text,
              HasSubstr("surfzone_ap_reboots_total{ap=\"ap-1\",location=\"Market Square\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_traffic_bytes_total{ap=\"ap-1\",location=\"Market "
                              "Square\",direction=\"rx\"} 123456789012\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_traffic_bytes_total{ap=\"ap-1\",location=\"Market "
                              "Square\",direction=\"tx\"} 42\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_boot_time_seconds{ap=\"ap-1\",location=\"Market "
                              "Square\"} 1699990000\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_last_poll_timestamp_seconds{ap=\"ap-1\",location="
                              "\"Market Square\"} 1700000000.5\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_poll_duration_seconds{ap=\"ap-1\",location=\"Market "
                              "Square\"} 0.125\n"));
  EXPECT_THAT(text,
              HasSubstr("surfzone_ap_polls_total{ap=\"ap-2\",location=\"Market Square\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_poll_failures_total{ap=\"ap-2\",location=\"Market "
                              "Square\"} 3\n"));
}

TEST(RenderSnapshot, UnknownOptionalsProduceNoSample) {
  const std::string text = Serialize(RenderSnapshot(MakeSnapshot()));
  for (const char* family :
       {"surfzone_ap_boot_time_seconds", "surfzone_ap_last_poll_timestamp_seconds",
        "surfzone_ap_last_success_timestamp_seconds", "surfzone_ap_poll_duration_seconds"}) {
    EXPECT_THAT(text, HasSubstr(std::string(family) + "{ap=\"ap-1\""));
    EXPECT_THAT(text, Not(HasSubstr(std::string(family) + "{ap=\"ap-2\"")));
  }
}

TEST(RenderSnapshot, FamilyWithoutSamplesIsOmitted) {
  Snapshot s = MakeSnapshot();
  s.aps[0].boot_time_seconds.reset();
  const auto families = RenderSnapshot(s);
  EXPECT_EQ(Find(families, "surfzone_ap_boot_time_seconds"), nullptr);
  EXPECT_EQ(families.size(), 15u);
  EXPECT_TRUE(RenderSnapshot(Snapshot{}).empty());
}

TEST(RenderSnapshot, InfoLabelsAreEscapedBySerializer) {
  const std::string text = Serialize(RenderSnapshot(MakeSnapshot()));
  EXPECT_THAT(text,
              HasSubstr("surfzone_ap_info{ap=\"ap-1\",location=\"Market Square\",kind=\"square\","
                        "district=\"Old Town\",address=\"10.0.0.1:161\",profile=\"generic\","
                        "sys_name=\"ap1\",sys_descr=\"Vendor \\\"X\\\" AP\\nfw 1.2 C:\\\\boot\","
                        "sys_object_id=\"1.3.6.1.4.1.8072.3.2.10\",traffic_source=\"if-mib-64\","
                        "uptime_source=\"engine_time\","
                        "detect=\"probe:1.3.6.1.4.1.41112.1.6.3.3.0\",model=\"\",firmware=\"\","
                        "serial=\"\",mac=\"\",controller=\"\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_ap_info{ap=\"ap-2\",location=\"Market Square\",kind="
                              "\"square\",district=\"Old Town\",address=\"10.0.0.2:161\",profile="
                              "\"generic\",sys_name=\"\",sys_descr=\"\",sys_object_id=\"\","
                              "traffic_source=\"none\",uptime_source=\"\",detect=\"\",model=\"\","
                              "firmware=\"\",serial=\"\","
                              "mac=\"\",controller=\"\"} 1\n"));
  // The raw newline must not leak into the exposition: every line starts a sample or a comment.
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_TRUE(line.starts_with("surfzone_") || line.starts_with("# ")) << line;
  }
}

TEST(RenderSnapshot, SerializedLocationLines) {
  const std::string text = Serialize(RenderSnapshot(MakeSnapshot()));
  EXPECT_THAT(text,
              HasSubstr("surfzone_location_aps{location=\"Market Square\",kind=\"square\"} 2\n"));
  EXPECT_THAT(
      text, HasSubstr("surfzone_location_aps_up{location=\"Market Square\",kind=\"square\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_aps{location=\"Harbour\",kind=\"harbour\"} 0\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_traffic_bytes_total{location=\"Market Square\","
                              "kind=\"square\",direction=\"rx\"} 123456789012\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_info{location=\"Market Square\",kind=\"square\","
                              "district=\"Old Town\",lat=\"52.5\",lon=\"-13.25\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_info{location=\"Harbour\",kind=\"harbour\","
                              "district=\"\",lat=\"\",lon=\"\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_state_seconds_total{location=\"Market Square\","
                              "kind=\"square\",state=\"up\"} 100\n"));
  EXPECT_THAT(text, HasSubstr("surfzone_location_state_seconds_total{location=\"Market Square\","
                              "kind=\"square\",state=\"degraded\"} 30.5\n"));
  // All three states always, even at zero.
  for (const char* state : {"up", "degraded", "down"}) {
    EXPECT_THAT(text, HasSubstr(std::string("surfzone_location_state_seconds_total{location="
                                            "\"Harbour\",kind=\"harbour\",state=\"") +
                                state + "\"} 0\n"));
  }
}

TEST(RenderSnapshot, SampleCountsScaleWithSnapshot) {
  Snapshot s;
  s.aps.resize(100);
  s.locations.resize(7);
  for (std::size_t i = 0; i < s.aps.size(); ++i) {
    s.aps[i].name = "ap-" + std::to_string(i);
    s.aps[i].known = i % 4 != 0;  // every fourth AP unknown: no surfzone_ap_up sample
  }
  const auto families = RenderSnapshot(s);
  EXPECT_EQ(Find(families, "surfzone_ap_up")->metric.size(), 75u);
  EXPECT_EQ(Find(families, "surfzone_ap_info")->metric.size(), 100u);
  EXPECT_EQ(Find(families, "surfzone_ap_traffic_bytes_total")->metric.size(), 200u);
  EXPECT_EQ(Find(families, "surfzone_location_state_seconds_total")->metric.size(), 21u);
  EXPECT_EQ(Find(families, "surfzone_ap_boot_time_seconds"), nullptr);
}

// Runs `promtool check metrics` on `text`; returns its exit status and output.
std::pair<int, std::string> PromtoolCheck(const std::filesystem::path& promtool,
                                          const std::string& text) {
  const std::filesystem::path file =
      std::filesystem::path(::testing::TempDir()) /
      ("surfzone_state_metrics_" + std::to_string(::getpid()) + ".prom");
  {
    std::ofstream out(file);
    out << text;
  }
  const std::string command = promtool.string() + " check metrics < " + file.string() + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) output += buffer.data();
  const int status = ::pclose(pipe);
  std::filesystem::remove(file);
  return {status, output};
}

TEST(RenderSnapshot, PassesPromtoolCheckMetrics) {
  const std::filesystem::path promtool = "/usr/bin/promtool";
  if (!std::filesystem::exists(promtool)) GTEST_SKIP() << "promtool not installed";
  const auto [status, output] = PromtoolCheck(promtool, Serialize(RenderSnapshot(MakeSnapshot())));
  EXPECT_EQ(status, 0) << output;
  EXPECT_EQ(output, "") << output;
}

TEST(WriteSnapshotText, PassesPromtoolCheckMetrics) {
  const std::filesystem::path promtool = "/usr/bin/promtool";
  if (!std::filesystem::exists(promtool)) GTEST_SKIP() << "promtool not installed";
  std::string text;
  WriteSnapshotText(MakeSnapshot(), text);
  const auto [status, output] = PromtoolCheck(promtool, text);
  EXPECT_EQ(status, 0) << output << text;
  EXPECT_EQ(output, "") << output;
}

// The direct text path and prometheus-cpp's serializer of RenderSnapshot must agree on every
// sample (name, labels, value) and on every HELP/TYPE line.
TEST(WriteSnapshotText, SameSamplesAndHeadersAsTheSerializer) {
  const Snapshot snapshot = MakeSnapshot();
  const std::string reference = Serialize(RenderSnapshot(snapshot));
  std::string text;
  WriteSnapshotText(snapshot, text);

  const auto ref = testing::MetricsText::Parse(reference);
  const auto got = testing::MetricsText::Parse(text);
  ASSERT_EQ(got.samples().size(), ref.samples().size()) << text;
  for (std::size_t i = 0; i < ref.samples().size(); ++i) {
    const auto& r = ref.samples()[i];
    const auto& g = got.samples()[i];
    EXPECT_EQ(g.name, r.name) << i;
    EXPECT_EQ(g.labels, r.labels) << testing::Describe(r.name, r.labels);
    EXPECT_DOUBLE_EQ(g.value, r.value) << testing::Describe(r.name, r.labels);
  }
  auto comments = [](const std::string& t) {
    std::vector<std::string> lines;
    std::istringstream in(t);
    for (std::string line; std::getline(in, line);) {
      if (line.rfind('#', 0) == 0) lines.push_back(line);
    }
    return lines;
  };
  EXPECT_EQ(comments(text), comments(reference));
  // Escaping as the format requires: backslash, quote and newline in a label value.
  EXPECT_THAT(text, HasSubstr(R"(sys_descr="Vendor \"X\" AP\nfw 1.2 C:\\boot")"));
}

TEST(WriteSnapshotText, IndexedApLabelsWriteTheSameText) {
  // The ap/location labels written once into the snapshot (IndexApLabels, what the fleet's
  // builder does) must give the text the per-line path gives, escaping included, also for APs
  // left out of the index and after names change and the index is rebuilt.
  Snapshot s = MakeSnapshot();
  s.aps[1].name = "ap \"two\"\\b";
  s.aps[1].location = "Line\nbreak";
  s.aps[1].clients = 4;
  s.aps[1].radios.push_back({"0", "2.4GHz", 4});
  for (int i = 0; i < 5; ++i) s.aps.push_back(s.aps[i % 2]);
  std::string plain;
  WriteSnapshotText(s, plain);
  ASSERT_THAT(plain, HasSubstr(R"(surfzone_ap_up{ap="ap \"two\"\\b",location="Line\nbreak"} 0)"));
  for (const std::size_t indexed : {s.aps.size(), std::size_t{3}, std::size_t{0}}) {
    Snapshot t = s;
    IndexApLabels(t, indexed);
    EXPECT_EQ(t.ap_labels.empty(), indexed == 0);
    std::string text;
    WriteSnapshotText(t, text);
    EXPECT_EQ(text, plain) << indexed << " APs indexed";
  }
  Snapshot t = s;
  IndexApLabels(t, t.aps.size());
  t.aps[0].name = "renamed";
  t.aps[2].location = "Moved";
  std::string unindexed;
  Snapshot u = t;
  IndexApLabels(u, 0);
  WriteSnapshotText(u, unindexed);
  IndexApLabels(t, t.aps.size());
  std::string text;
  WriteSnapshotText(t, text);
  EXPECT_EQ(text, unindexed);
  EXPECT_THAT(text,
              HasSubstr(R"(surfzone_ap_polls_total{ap="renamed",location="Market Square"} 10)"));
  EXPECT_THAT(text, HasSubstr(R"(surfzone_ap_polls_total{ap="ap-1",location="Moved"} 10)"));
}

TEST(WriteSnapshotText, LargeCountersAreExact) {
  Snapshot s = MakeSnapshot();
  s.aps[0].rx_bytes = 18446744073709551557ull;  // beyond a double's 53-bit mantissa
  std::string text;
  WriteSnapshotText(s, text);
  EXPECT_THAT(text, HasSubstr(R"(direction="rx"} 18446744073709551557)"));
}

TEST(WriteSnapshotText, SizeEstimateIsAnUpperBound) {
  Snapshot s = MakeSnapshot();
  for (int i = 0; i < 100; ++i) s.aps.push_back(s.aps[i % 2]);
  std::string text;
  WriteSnapshotText(s, text);
  EXPECT_GE(EstimateSnapshotTextSize(s), text.size());
  EXPECT_LE(EstimateSnapshotTextSize(s), text.size() * 2);
}

TEST(WriteSnapshotTextPart, PartsConcatenateToTheWholeText) {
  Snapshot s = MakeSnapshot();
  for (int i = 0; i < 30; ++i) s.aps.push_back(s.aps[i % 2]);
  s.aps[3].clients = 5;
  s.aps[3].radios.push_back({"0", "2.4GHz", 3});
  s.aps[3].radios.push_back({"1", "5GHz", 2});
  s.locations[0].clients = 5;
  s.locations[0].ssid_clients = {{"city", 4}, {"staff", 1}};
  ControllerSnapshot wlc;
  wlc.name = "wlc";
  wlc.up = true;
  wlc.aps_up = 3;
  wlc.clients = 9;
  s.controllers.push_back(wlc);
  std::string whole;
  WriteSnapshotText(s, whole);
  ASSERT_THAT(whole, HasSubstr("surfzone_controller_clients"));
  for (const std::size_t part_bytes : {std::size_t{0}, std::size_t{1}, std::size_t{100},
                                       std::size_t{1000}, std::size_t{1} << 20}) {
    std::string joined;
    SnapshotTextCursor cursor;
    std::size_t parts = 0;
    for (bool more = true; more && parts < 100000; ++parts) {
      std::string part;
      more = WriteSnapshotTextPart(s, cursor, part, part_bytes);
      EXPECT_FALSE(part.empty()) << "part " << parts << " of " << part_bytes << " bytes";
      joined += part;
    }
    EXPECT_EQ(joined, whole) << "parts of " << part_bytes << " bytes";
    if (part_bytes <= 1) {
      EXPECT_GT(parts, s.aps.size());  // one item per part
    }
    if (part_bytes == std::size_t{1} << 20) {
      EXPECT_EQ(parts, 1u);
    }
  }
  // TextParts: the snapshot it was given, whole, and then let go of.
  auto held = std::make_shared<const Snapshot>(s);
  auto next = TextParts(held, 500);
  EXPECT_EQ(held.use_count(), 2);
  std::string joined;
  std::size_t parts = 0;
  while (parts < 100000) {
    ++parts;
    if (!next(joined)) break;
  }
  EXPECT_EQ(joined, whole);
  EXPECT_GT(parts, 5u);
  EXPECT_EQ(held.use_count(), 1);
  EXPECT_TRUE(TextParts(nullptr, 500)(joined) == false);
}

TEST(WriteSnapshotText, EmptySnapshotWritesNothingAndAppends) {
  std::string text = "# existing\n";
  WriteSnapshotText(Snapshot{}, text);
  EXPECT_EQ(text, "# existing\n");
}

}  // namespace
}  // namespace surfzone::state
