// `profiles:` and `controllers:` in the config: parsed into specs/structs; every mistake is a
// file:line:col: field: message error.
#include <gtest/gtest.h>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::HasError;
using testing::kAuths;

LoadOptions Options() {
  LoadOptions o;
  o.known_profiles = {"generic", "cisco-wlc"};
  o.controller_profiles = {"cisco-wlc"};
  return o;
}

TEST(ConfigControllers, ParsesControllersManagedApsAndUserProfiles) {
  const Config c = LoadString(std::string(kAuths) + R"(defaults: {auth: v2}
profiles:
  - name: my-ctl
    controller: true
    aps:
      index: [ap_mac]
      columns: {name: 1.3.6.1.4.1.99.1.1.2, status: 1.3.6.1.4.1.99.1.1.3}
      status_map: {1: up}
controllers:
  - {name: wlc, address: "10.0.0.1:1161", profile: cisco-wlc, interval: 15s}
  - {name: mine, address: 10.0.0.2, profile: my-ctl}
locations:
  - name: A
    kind: square
    access_points:
      - {name: a1, controller: wlc}
      - {name: a2, controller: mine, mac: "00-1A-2B-3C-4D-5E"}
)",
                              "test.yaml", Options());
  ASSERT_EQ(c.controllers.size(), 2u);
  EXPECT_EQ(c.controllers[0].address.port, 1161);
  EXPECT_EQ(c.controllers[0].poll.interval, std::chrono::seconds(15));
  ASSERT_EQ(c.profiles.size(), 1u);
  EXPECT_TRUE(c.profiles[0].controller);
  EXPECT_EQ(c.profiles[0].aps->index, std::vector<std::string>{"ap_mac"});
  EXPECT_EQ(c.profiles[0].aps->status_map.at("1"), "up");
  const auto& aps = c.locations[0].access_points;
  EXPECT_EQ(aps[0].controller, "wlc");
  EXPECT_EQ(aps[0].profile, "cisco-wlc") << "the profile comes from the controller";
  EXPECT_EQ(aps[1].profile, "my-ctl");
  EXPECT_EQ(aps[1].mac, "00:1a:2b:3c:4d:5e");
}

TEST(ConfigControllers, ReportsEveryMistakeWithItsPosition) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults: {auth: v2}
controllers:
  - {name: wlc, address: 10.0.0.1, profile: generic}
  - {name: a1, address: 10.0.0.3, profile: cisco-wlc}
locations:
  - name: A
    kind: square
    access_points:
      - {name: a1, controller: nope}
      - {name: a2, controller: wlc, address: 10.0.0.9}
      - {name: a3, controller: wlc, mac: "zz:00"}
      - {name: a4, address: 10.0.0.4, mac: "00:11:22:33:44:55"}
)",
                               Options());
  EXPECT_TRUE(HasError(errors, "test.yaml", 6, "controllers[0].profile",
                       "profile \"generic\" has no controller AP table"))
      << Dump(errors);
  EXPECT_TRUE(HasError(
      errors, "test.yaml", 12, "locations[0].access_points[0].name",
      "duplicate access point name \"a1\" (first defined at test.yaml:7:12, controllers[1].name)"))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 12, "locations[0].access_points[0].controller",
                       "unknown controller \"nope\"; defined controllers: a1, wlc"))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 13, "locations[0].access_points[1].address",
                       "either \"address\" or \"controller\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 14, "locations[0].access_points[2].mac",
                       "invalid MAC \"zz:00\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 15, "locations[0].access_points[3].mac",
                       "\"mac\" only applies with \"controller\""))
      << Dump(errors);
}

TEST(ConfigProfiles, MalformedProfilesAreErrorsAtTheirField) {
  const auto errors = ErrorsOf(std::string(kAuths) + R"(defaults: {auth: v2}
profiles:
  - name: p1
    traffic: wifi
    detect: {sys_object_id: [1.3.6.1.4.1.x]}
    radios:
      index: [ap_mac, slot]
      columns: {clients: 1.3.6..1, speed: 1.3.6.1}
      status_map: {1: sideways}
      counter_bits: 16
  - name: p1
    aps: {index: [int], columns: {name: 1.3.6.1.2}}
  - name: ctl
    controller: true
)",
                               Options());
  EXPECT_TRUE(
      HasError(errors, "test.yaml", 7, "profiles[0].traffic", "unknown traffic source \"wifi\""))
      << Dump(errors);
  EXPECT_TRUE(
      HasError(errors, "test.yaml", 8, "profiles[0].detect.sys_object_id[0]", "invalid OID"))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 10, "profiles[0].radios.index[1]",
                       "unknown index part \"slot\"; allowed: ap_mac, ap_index, radio"))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 11, "profiles[0].radios.columns.clients",
                       "invalid OID \"1.3.6..1\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 11, "profiles[0].radios.columns.speed",
                       "unknown field \"speed\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 12, "profiles[0].radios.status_map.1",
                       "unknown state \"sideways\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 13, "profiles[0].radios.counter_bits",
                       "between 32 and 64, got 16"))
      << Dump(errors);
  EXPECT_TRUE(
      HasError(errors, "test.yaml", 14, "profiles[1].name", "duplicate profile name \"p1\""))
      << Dump(errors);
  EXPECT_TRUE(
      HasError(errors, "test.yaml", 15, "profiles[1].aps.index", "must contain ap_mac or ap_index"))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 15, "profiles[1].aps", "needs \"controller: true\""))
      << Dump(errors);
  EXPECT_TRUE(HasError(errors, "test.yaml", 16, "profiles[2].aps",
                       "a controller profile needs an AP table"))
      << Dump(errors);
}

}  // namespace
}  // namespace surfzone::config
