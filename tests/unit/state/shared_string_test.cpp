#include "surfzone/state/shared_string.hpp"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

namespace surfzone::state {
namespace {

TEST(SharedString, BehavesLikeTheStringItHolds) {
  const SharedString empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, "");
  const SharedString a = std::string("a location name longer than sso");
  EXPECT_EQ(a.size(), 31u);
  EXPECT_EQ(a, "a location name longer than sso");
  EXPECT_EQ(a, std::string("a location name longer than sso"));
  EXPECT_FALSE(a == "other");
  const std::string_view view = a;
  EXPECT_EQ(view, "a location name longer than sso");
  std::map<std::string, int> by_name{{"a location name longer than sso", 1}};
  EXPECT_EQ(by_name.find(a)->second, 1);
  std::ostringstream os;
  os << a;
  EXPECT_EQ(os.str(), a.str());
}

TEST(SharedString, CopiesShareAndInternMakesNewTextOnlyOnChange) {
  SharedStringPool pool;
  SharedString cache;
  const SharedString& first = Intern(pool, cache, "ap-0001 at the harbour");
  const SharedString copy = first;
  EXPECT_TRUE(copy.SharesWith(cache));
  Intern(pool, cache, "ap-0001 at the harbour");  // same text: the same shared copy
  EXPECT_TRUE(copy.SharesWith(cache));
  Intern(pool, cache, "ap-0001 moved");
  EXPECT_FALSE(copy.SharesWith(cache));
  EXPECT_EQ(copy, "ap-0001 at the harbour");  // what was handed out never changes
  EXPECT_EQ(cache, "ap-0001 moved");
  // Equal text in separate copies still compares equal.
  EXPECT_EQ(SharedString("x-long-enough-to-be-on-the-heap"),
            SharedString("x-long-enough-to-be-on-the-heap"));
}

TEST(SharedStringPool, OneCopyPerDistinctTextAndSweepForgetsUnusedOnes) {
  SharedStringPool pool;
  const SharedString a = pool.Get("Old Town district of the city");
  const SharedString b = pool.Get(std::string("Old Town district of the city"));
  EXPECT_TRUE(a.SharesWith(b));
  EXPECT_TRUE(pool.Get("").empty());
  { const SharedString gone = pool.Get("a text nobody keeps for long"); }
  EXPECT_EQ(pool.size(), 2u);
  pool.Sweep();
  EXPECT_EQ(pool.size(), 1u);  // only "Old Town ..." is still held (by a and b)
  EXPECT_TRUE(pool.Get("Old Town district of the city").SharesWith(a));
  // Growing past its sweep mark sweeps by itself: 5,000 short-lived texts leave few behind.
  for (int i = 0; i < 5000; ++i) pool.Get("text number " + std::to_string(i));
  EXPECT_LT(pool.size(), 2100u);
  EXPECT_EQ(a, "Old Town district of the city");
}

}  // namespace
}  // namespace surfzone::state
