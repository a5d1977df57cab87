// The Prometheus text parser the end-to-end assertions rely on.
#include "surfzone/testing/metrics_text.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace surfzone::testing {
namespace {

TEST(MetricsTextParse, ReadsNamesLabelsAndValues) {
  const auto m = MetricsText::Parse(
      "# HELP surfzone_ap_up Whether the AP answered.\n"
      "# TYPE surfzone_ap_up gauge\n"
      "surfzone_ap_up{ap=\"a\",location=\"X\"} 1\n"
      "surfzone_ap_up{ap=\"b\",location=\"X\"} 0\n"
      "\n"
      "surfzone_snmp_retries_total 12 1700000000000\n"
      "x_bucket{le=\"+Inf\"} 3\n"
      "y NaN\n"
      "z 1.795433419314663e+09\n");
  ASSERT_EQ(m.samples().size(), 6u);
  EXPECT_EQ(m.Get("surfzone_ap_up", {{"ap", "a"}}), 1);
  EXPECT_EQ(m.Get("surfzone_ap_up", {{"ap", "b"}, {"location", "X"}}), 0);
  EXPECT_EQ(m.Get("surfzone_ap_up", {{"ap", "c"}}), std::nullopt);
  EXPECT_EQ(m.Get("surfzone_snmp_retries_total"), 12);
  EXPECT_EQ(m.Get("x_bucket", {{"le", "+Inf"}}), 3);
  EXPECT_TRUE(std::isnan(*m.Get("y")));
  EXPECT_DOUBLE_EQ(*m.Get("z"), 1795433419.314663);
  EXPECT_EQ(m.Sum("surfzone_ap_up", {{"location", "X"}}), 1);
  EXPECT_EQ(m.Find("surfzone_ap_up").size(), 2u);
  EXPECT_THROW(m.Get("surfzone_ap_up"), std::logic_error);
}

TEST(MetricsTextParse, UnescapesLabelValues) {
  const auto m = MetricsText::Parse(
      "surfzone_ap_info{sys_name=\"my \\\"agent\\\" \\\\ 1\",sys_descr=\"a\\nb, {c}=d\"} 1\n");
  ASSERT_EQ(m.samples().size(), 1u);
  EXPECT_EQ(m.samples()[0].labels.at("sys_name"), "my \"agent\" \\ 1");
  EXPECT_EQ(m.samples()[0].labels.at("sys_descr"), "a\nb, {c}=d");
}

TEST(MetricsTextParse, RejectsMalformedLines) {
  EXPECT_THROW(MetricsText::Parse("name{a=\"1} 2\n"), std::runtime_error);
  EXPECT_THROW(MetricsText::Parse("name{a=1} 2\n"), std::runtime_error);
  EXPECT_THROW(MetricsText::Parse("name\n"), std::runtime_error);
  EXPECT_THROW(MetricsText::Parse("name abc\n"), std::runtime_error);
  EXPECT_THROW(MetricsText::Parse("{a=\"1\"} 2\n"), std::runtime_error);
}

}  // namespace
}  // namespace surfzone::testing
