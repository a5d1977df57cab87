// Uniqueness checks: repeated keys, location names, access point names and addresses.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;

using testing::kAuths;

TEST(ConfigLoad, RejectsDuplicateKey) {
  const auto errors = ErrorsOf(R"(defaults:
  retries: 1
  retries: 2
)");
  EXPECT_TRUE(HasError(errors, 3, "defaults.retries", "duplicate field \"retries\""));
}

TEST(ConfigLoad, RejectsDuplicateAccessPointNames) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v2
locations:
  - name: A
    kind: park
    access_points:
      - name: ap
        address: 10.0.0.1
  - name: B
    kind: park
    access_points:
      - name: ap
        address: 10.0.0.2
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 15, "locations[1].access_points[0].name",
                       "duplicate access point name \"ap\" (first defined at test.yaml:10:15, "
                       "locations[0].access_points[0].name)"));
}

TEST(ConfigLoad, RejectsDuplicateLocationNames) {
  const auto errors = ErrorsOf(R"(locations:
  - name: Stortorget
    kind: square
  - name: Stortorget
    kind: park
)");
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, 4, "locations[1].name",
                       "duplicate location name \"Stortorget\" (first defined at test.yaml:2:11"));
}

TEST(ConfigLoad, RejectsDuplicateAddressesAfterNormalising) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults:
  auth: v2
locations:
  - name: A
    kind: park
    access_points:
      - name: a1
        address: 127.0.0.1
      - name: a2
        address: 127.0.0.1:161
      - name: a3
        address: "[::1]:1161"
      - name: a4
        address: "[0:0:0:0:0:0:0:1]:1161"
      - name: a5
        address: AP.Example
      - name: a6
        address: ap.example.:161
      - name: a7
        address: 127.0.0.1:162
)");
  EXPECT_TRUE(HasError(errors, 13, "locations[0].access_points[1].address",
                       "duplicate address \"127.0.0.1:161\" (same as \"a1\" at test.yaml:11:18"));
  EXPECT_TRUE(HasError(errors, 17, "locations[0].access_points[3].address",
                       "(same as \"a3\" at test.yaml:15:18"));
  EXPECT_TRUE(HasError(errors, 21, "locations[0].access_points[5].address", "same as \"a5\""));
  EXPECT_EQ(errors.size(), 3u) << Dump(errors);
}

}  // namespace
}  // namespace surfzone::config
