// MibView behaviour of ApModel: GET exact, GETNEXT order and end of view.
#include <gtest/gtest.h>

#include "surfzone/sim/ap_model.hpp"
#include "test_util.hpp"

namespace surfzone::sim {
namespace {

using test::kSummerSaturday;
using test::O;
using test::Options;

class MibViewTest : public ::testing::TestWithParam<std::tuple<Vendor, int, int>> {};

TEST_P(MibViewTest, NextWalksEveryInstanceInStrictOrderAndEnds) {
  const auto [vendor, bits, ssids] = GetParam();
  ApOptions o = Options("walker");
  o.vendor = vendor;
  o.counter_bits = bits;
  o.ssids.resize(static_cast<std::size_t>(ssids), "Extra");
  ApModel ap(o);
  ap.AdvanceTo(kSummerSaturday + 125);
  std::vector<snmp::Varbind> walked;
  for (auto vb = ap.Next(snmp::Oid{}); vb; vb = ap.Next(walked.back().oid)) {
    if (!walked.empty()) {
      ASSERT_LT(walked.back().oid, vb->oid);
    }
    walked.push_back(*vb);
    ASSERT_LT(walked.size(), 10000u);
  }
  ASSERT_EQ(walked.size(), ap.layout().entries().size());
  for (const auto& vb : walked) {
    auto got = ap.Get(vb.oid);
    ASSERT_TRUE(got) << vb.oid.ToString();
    EXPECT_EQ(*got, vb.value);
    EXPECT_FALSE(vb.value.IsException());
  }
  EXPECT_FALSE(ap.Next(walked.back().oid));
  EXPECT_FALSE(ap.Next(O("2")));
}

INSTANTIATE_TEST_SUITE_P(Layouts, MibViewTest,
                         ::testing::Values(std::make_tuple(Vendor::kUnifi, 64, 2),
                                           std::make_tuple(Vendor::kUnifi, 32, 3),
                                           std::make_tuple(Vendor::kGeneric, 64, 1),
                                           std::make_tuple(Vendor::kGeneric, 32, 2)));

TEST(MibView, GetIsExactAndNextStartsInsideSubtrees) {
  ApModel ap(Options("exact"));
  EXPECT_FALSE(ap.Get(O("1.3.6.1.2.1.1.1")));         // object, not instance
  EXPECT_FALSE(ap.Get(O("1.3.6.1.2.1.1.1.0.0")));     // below an instance
  EXPECT_FALSE(ap.Get(O("1.3.6.1.2.1.2.2.1.10.5")));  // no ifIndex 5
  EXPECT_TRUE(ap.Get(O("1.3.6.1.2.1.1.1.0")));
  EXPECT_EQ(ap.Next(O("1.3.6.1.2.1.1.1"))->oid, O("1.3.6.1.2.1.1.1.0"));
  EXPECT_EQ(ap.Next(O("1.3.6.1.2.1.1.1.0"))->oid, O("1.3.6.1.2.1.1.2.0"));
  // Column walk: ifDescr.4 is followed by the first row of the next column.
  EXPECT_EQ(ap.Next(O("1.3.6.1.2.1.2.2.1.2.4"))->oid, O("1.3.6.1.2.1.2.2.1.3.1"));
  EXPECT_EQ(ap.Next(O("1.3.6.1.2.1.31.1.1.1.10"))->oid, O("1.3.6.1.2.1.31.1.1.1.10.1"));
  EXPECT_EQ(ap.Next(O("1.3.6.1.4.1.41112.1.6.1.2.1.8"))->oid, O("1.3.6.1.4.1.41112.1.6.1.2.1.8.1"));
  EXPECT_EQ(ap.Next(O("1.3.6.1.4.1.41112.1.6.1.2.1.8.4"))->oid,
            O("1.3.6.1.4.1.41112.1.6.1.2.1.9.1"));
}

TEST(MibView, LayoutsAreSharedBetweenAlikeAps) {
  ApModel a(Options("one")), b(Options("two"));
  EXPECT_EQ(&a.layout(), &b.layout());
  ApOptions o = Options("three");
  o.counter_bits = 32;
  ApModel c(o);
  EXPECT_NE(&a.layout(), &c.layout());
  EXPECT_GT(a.layout().entries().size(), c.layout().entries().size());
}

}  // namespace
}  // namespace surfzone::sim
