#include "surfzone/snmp/oid.hpp"

#include <gtest/gtest.h>

namespace surfzone::snmp {
namespace {

TEST(Oid, ParsesDottedForms) {
  EXPECT_EQ(Oid::Parse("1.3.6.1.2.1.1.3.0"), (Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}));
  EXPECT_EQ(Oid::Parse(".1.3.6"), (Oid{1, 3, 6}));
  EXPECT_EQ(Oid::Parse("1.3.6.4294967295")->arcs().back(), 4294967295u);
}

TEST(Oid, RejectsMalformed) {
  for (const char* bad : {"", ".", "1..3", "1.3.", "a.b", "1.3.6.4294967296", "1.-3"}) {
    EXPECT_FALSE(Oid::Parse(bad).has_value()) << bad;
  }
}

TEST(Oid, OrdersLexicographically) {
  EXPECT_LT((Oid{1, 3, 6}), (Oid{1, 3, 6, 1}));
  EXPECT_LT((Oid{1, 3, 6, 1}), (Oid{1, 3, 7}));
  EXPECT_LT((Oid{1, 3, 6, 2}), (Oid{1, 3, 6, 10}));  // numeric, not textual
}

TEST(Oid, PrefixAndSuffix) {
  const Oid col{1, 3, 6, 1, 2, 1, 2, 2, 1, 10};
  const Oid cell = col.Child({7});
  EXPECT_TRUE(cell.StartsWith(col));
  EXPECT_FALSE(col.StartsWith(cell));
  EXPECT_EQ(cell.Suffix(col), std::vector<std::uint32_t>{7});
  EXPECT_TRUE((Oid{1, 3, 6, 2}).Suffix(col).empty());
  EXPECT_EQ(cell.ToString(), "1.3.6.1.2.1.2.2.1.10.7");
}

}  // namespace
}  // namespace surfzone::snmp
