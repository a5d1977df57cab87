#include "surfzone/snmp/table_walk.hpp"

#include <gtest/gtest.h>

namespace surfzone::snmp {
namespace {

const Oid kInOctets{1, 3, 6, 1, 2, 1, 2, 2, 1, 10};
const Oid kOutOctets{1, 3, 6, 1, 2, 1, 2, 2, 1, 16};

Varbind Cell(const Oid& col, std::uint32_t index, std::uint64_t v) {
  return {col.Child({index}), Value::Unsigned(ValueType::kCounter32, v)};
}

TEST(TableWalk, FirstRequestAsksForEveryColumn) {
  TableWalk walk({kInOctets, kOutOctets}, 100);
  EXPECT_EQ(walk.NextRequest(), (std::vector<Oid>{kInOctets, kOutOctets}));
}

TEST(TableWalk, InterleavedRowsAreSplitByColumnAndContinueFromTheLastOid) {
  TableWalk walk({kInOctets, kOutOctets}, 100);
  walk.Feed({Cell(kInOctets, 1, 10), Cell(kOutOctets, 1, 20), Cell(kInOctets, 2, 11),
             Cell(kOutOctets, 2, 21)});
  EXPECT_FALSE(walk.Done());
  EXPECT_EQ(walk.NextRequest(), (std::vector<Oid>{kInOctets.Child({2}), kOutOctets.Child({2})}));
  // Next round: in-octets runs into out-octets (end of its subtree); out-octets runs off the table.
  walk.Feed({Cell(kInOctets, 3, 12),
             Cell(kOutOctets, 3, 22),
             Cell(kOutOctets, 1, 20),
             {Oid{1, 3, 6, 1, 2, 1, 2, 2, 1, 17, 1}, Value::Integer(0)}});
  EXPECT_TRUE(walk.Done());
  ASSERT_EQ(walk.results()[0].size(), 3u);
  ASSERT_EQ(walk.results()[1].size(), 3u);
  EXPECT_EQ(walk.results()[0][2].value.unsigned_, 12u);
  EXPECT_EQ(walk.end(0), WalkEnd::kEndOfSubtree);
  EXPECT_EQ(walk.end(1), WalkEnd::kEndOfSubtree);
}

TEST(TableWalk, StopsOnEndOfMibView) {
  TableWalk walk({kInOctets}, 100);
  walk.Feed(
      {Cell(kInOctets, 1, 1), {kInOctets.Child({1}), Value::Exception(ValueType::kEndOfMibView)}});
  EXPECT_TRUE(walk.Done());
  EXPECT_EQ(walk.end(0), WalkEnd::kEndOfMibView);
  EXPECT_EQ(walk.results()[0].size(), 1u);
}

TEST(TableWalk, StopsOnNonIncreasingOidFromABuggyAgent) {
  TableWalk walk({kInOctets}, 100);
  walk.Feed({Cell(kInOctets, 5, 1), Cell(kInOctets, 6, 1)});
  walk.Feed({Cell(kInOctets, 3, 1)});  // goes backwards: would loop forever
  EXPECT_TRUE(walk.Done());
  EXPECT_EQ(walk.end(0), WalkEnd::kNonIncreasing);
  EXPECT_EQ(walk.results()[0].size(), 2u);
}

TEST(TableWalk, RepeatedOidIsNonIncreasing) {
  TableWalk walk({kInOctets}, 100);
  walk.Feed({Cell(kInOctets, 5, 1), Cell(kInOctets, 5, 1)});
  EXPECT_EQ(walk.end(0), WalkEnd::kNonIncreasing);
}

TEST(TableWalk, StopsAtMaxRows) {
  TableWalk walk({kInOctets}, 2);
  walk.Feed({Cell(kInOctets, 1, 1), Cell(kInOctets, 2, 1), Cell(kInOctets, 3, 1)});
  EXPECT_TRUE(walk.Done());
  EXPECT_EQ(walk.end(0), WalkEnd::kMaxRows);
  EXPECT_EQ(walk.results()[0].size(), 2u);
}

TEST(TableWalk, EmptyAnswerEndsTheWalkInsteadOfLooping) {
  TableWalk walk({kInOctets}, 10);
  walk.Feed({});
  EXPECT_TRUE(walk.Done());
}

TEST(TableWalk, FinishedColumnsAreLeftOutOfTheNextRequest) {
  TableWalk walk({kInOctets, kOutOctets}, 100);
  walk.Feed({{kInOctets, Value::Exception(ValueType::kEndOfMibView)}, Cell(kOutOctets, 1, 5)});
  EXPECT_EQ(walk.NextRequest(), (std::vector<Oid>{kOutOctets.Child({1})}));
  // Now a single column: every varbind belongs to it.
  walk.Feed({Cell(kOutOctets, 2, 6), Cell(kOutOctets, 3, 7)});
  EXPECT_EQ(walk.results()[1].size(), 3u);
}

}  // namespace
}  // namespace surfzone::snmp
