// `shard:` in the main file: "i/n" or {index, count}; bad values are errors with line and field.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;

TEST(ConfigShard, AbsentMeansNoShard) {
  EXPECT_FALSE(LoadString("locations: []\n").shard.has_value());
}

TEST(ConfigShard, TextAndMapForms) {
  EXPECT_EQ(LoadString("shard: 2/3\n").shard, (Shard{2, 3}));
  EXPECT_EQ(LoadString("shard: \"1/2\"\n").shard, (Shard{1, 2}));
  EXPECT_EQ(LoadString("shard: {index: 3, count: 3}\n").shard, (Shard{3, 3}));
  EXPECT_EQ(LoadString("shard:\n  count: 4\n  index: 1\n").shard, (Shard{1, 4}));
  EXPECT_EQ((Shard{2, 5}).ToString(), "2/5");
}

TEST(ConfigShard, BadValuesAreReportedWithLineAndField) {
  EXPECT_TRUE(HasError(ErrorsOf("locations: []\nshard: 3/2\n"), 2, "shard", "index/count"));
  EXPECT_TRUE(HasError(ErrorsOf("shard: [1, 2]\n"), 1, "shard", "map"));
  const auto errors = ErrorsOf("shard:\n  index: 4\n  count: 3\n");
  EXPECT_TRUE(HasError(errors, 2, "shard.index", "greater than count 3")) << Dump(errors);
  EXPECT_TRUE(HasError(ErrorsOf("shard:\n  index: 0\n  count: 3\n"), 2, "shard.index", ""));
  EXPECT_TRUE(HasError(ErrorsOf("shard:\n  index: 1\n"), 2, "shard.count", "missing"));
  EXPECT_TRUE(HasError(ErrorsOf("shard:\n  index: 1\n  count: 2\n  replica: 1\n"), 4,
                       "shard.replica", "replica"));
}

}  // namespace
}  // namespace surfzone::config
