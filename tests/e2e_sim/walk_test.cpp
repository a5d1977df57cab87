// net-snmp's own client walks a simulated access point (a real ApModel behind surfzone-sim's
// front end) from .1 to endOfMibView without an error.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>

#include "sim_process.hpp"
#include "surfzone/testing/child_process.hpp"
#include "surfzone/testing/snmpd.hpp"

namespace surfzone::e2e_sim {
namespace {

TEST(SimWalk, SnmpBulkWalkReadsAWholeApModel) {
  testing::TempDir dir;
  const SurfzoneSim sim(dir.path(), R"(
sim: {start: 2025-07-12T14:00:00, speed: 60}
locations:
  - {name: Stortorget, kind: square, aps: [{name: torget-unifi, vendor: unifi, counters: 64}]}
  - {name: Hamnen, kind: harbour, aps: [{name: hamn-generic, vendor: generic, counters: 32}]}
)",
                        {.ap_count = 2});
  for (unsigned short port : {sim.base_port(), static_cast<unsigned short>(sim.base_port() + 1)}) {
    SCOPED_TRACE("port " + std::to_string(port));
    const std::string out = testing::RunCommand(
        "snmpbulkwalk -v2c -c public -On -M /dev/null -m '' -t 2 -r 1 127.0.0.1:" +
        std::to_string(port) + " .1 2>&1; echo \"exit=$?\"");
    EXPECT_NE(out.find("exit=0"), std::string::npos) << out;
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;
    EXPECT_EQ(out.find("not increasing"), std::string::npos) << out;
    // The walk reaches the interface counters and runs past them to the end of the MIB.
    EXPECT_NE(out.find(".1.3.6.1.2.1.1.5.0 = STRING:"), std::string::npos) << out;
    EXPECT_NE(out.find(".1.3.6.1.2.1.2.2.1.10.4 = Counter32:"), std::string::npos) << out;
    if (port == sim.base_port()) {
      EXPECT_NE(out.find(".1.3.6.1.2.1.31.1.1.1.6.4 = Counter64:"), std::string::npos) << out;
    } else {
      EXPECT_EQ(out.find("Counter64:"), std::string::npos) << out;
    }
  }
}

// "<prefix>.<arcs> = TYPE: value" lines of a `-On` walk under `prefix`: index -> "TYPE: value".
std::map<std::string, std::string> Column(const std::string& walk, const std::string& prefix) {
  std::map<std::string, std::string> out;
  std::istringstream in(walk);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(prefix + ".", 0) != 0) continue;
    const auto eq = line.find(" = ");
    if (eq == std::string::npos) continue;
    out[line.substr(prefix.size() + 1, eq - prefix.size() - 1)] = line.substr(eq + 3);
  }
  return out;
}

// "70:f0:96:2b:16:80" -> "112.240.150.43.22.128" (the MAC as index arcs).
std::string MacArcs(const std::string& mac) {
  std::string out;
  for (std::size_t i = 0; i < mac.size(); i += 3) {
    out += (out.empty() ? "" : ".") + std::to_string(std::stoi(mac.substr(i, 2), nullptr, 16));
  }
  return out;
}

std::string Walk(const std::string& tool, unsigned short port, const std::string& root) {
  return testing::RunCommand(tool + " -v2c -c public -On -M /dev/null -m '' -t 2 -r 1 127.0.0.1:" +
                             std::to_string(port) + " " + root + " 2>&1; echo \"exit=$?\"");
}

int Int(const std::string& typed_value) {
  return std::stoi(typed_value.substr(typed_value.find(": ") + 2));
}

// net-snmp's walkers read both controller agents; every client count they show is the ground
// truth of the managed APs, a down AP vanishes from the Cisco tables and stays (down) in the
// Aruba ones, and an injected controller outage silences the controller.
TEST(SimWalk, ControllersShowTheirApsClientsAsTheTruthSays) {
  testing::TempDir dir;
  // speed 1: client counts change once a real minute, so a walk sees one minute's counts.
  const SurfzoneSim sim(dir.path(), R"(
sim: {start: 2025-07-12T14:00:00, speed: 1}
controllers:
  - {name: wlc-centrum, vendor: cisco-wlc}
  - {name: vc-parks, vendor: aruba-instant}
locations:
  - {name: Stortorget, kind: square, aps: 3, controller: wlc-centrum, capacity: 80}
  - {name: Stadsparken, kind: park, aps: 2, controller: vc-parks, capacity: 80}
  - {name: Hamnen, kind: harbour, aps: [{name: hamn-1, vendor: unifi}]}
faults:
  - {ap: stortorget-2, kind: down, at: 0, duration: 2h}
  - {ap: stadsparken-2, kind: down, at: 0, duration: 2h}
)",
                        {.ap_count = 3});
  const unsigned short wlc = static_cast<unsigned short>(sim.base_port() + 1);
  const unsigned short vc = static_cast<unsigned short>(sim.base_port() + 2);
  boost::json::value truth;
  std::string cisco, aruba;
  for (int attempt = 0; attempt < 3; ++attempt) {
    const double before = sim.SimNow();
    cisco = Walk("snmpbulkwalk", wlc, ".1");
    aruba = Walk("snmpwalk", vc, ".1");
    truth = sim.Truth();
    if (std::floor(before / 60) == std::floor(Num(truth.at("at")) / 60)) break;
  }
  for (const std::string* out : {&cisco, &aruba}) {
    EXPECT_NE(out->find("exit=0"), std::string::npos) << *out;
    EXPECT_EQ(out->find("Error"), std::string::npos) << *out;
    EXPECT_EQ(out->find("not increasing"), std::string::npos) << *out;
  }
  const auto names = Column(cisco, ".1.3.6.1.4.1.14179.2.2.1.1.3");
  const auto users = Column(cisco, ".1.3.6.1.4.1.14179.2.2.2.1.15");
  const auto ess = Column(cisco, ".1.3.6.1.4.1.14179.2.1.1.1.38");
  const auto ai_names = Column(aruba, ".1.3.6.1.4.1.14823.2.3.3.1.2.1.1.2");
  const auto ai_status = Column(aruba, ".1.3.6.1.4.1.14823.2.3.3.1.2.1.1.11");
  const auto ai_clients = Column(aruba, ".1.3.6.1.4.1.14823.2.3.3.1.2.2.1.21");
  const auto ai_ssid = Column(aruba, ".1.3.6.1.4.1.14823.2.3.3.1.1.7.1.4");
  EXPECT_EQ(names.size(), 2u) << cisco;  // stortorget-2 is down: not in the table
  EXPECT_EQ(users.size(), 4u);
  EXPECT_EQ(ai_names.size(), 2u) << aruba;  // stadsparken-2 is down: still listed
  int cisco_total = 0, aruba_total = 0;
  for (const auto& ap : truth.at("aps").as_array()) {
    const auto& o = ap.as_object();
    if (o.at("controller").is_null()) continue;
    const std::string name(o.at("name").as_string());
    const std::string mac = MacArcs(std::string(o.at("mac").as_string()));
    const auto& radios = o.at("clients").at("radios").as_array();
    const int r24 = static_cast<int>(Num(radios[0].at("clients")));
    const int r5 = static_cast<int>(Num(radios[1].at("clients")));
    SCOPED_TRACE(name);
    if (o.at("controller").as_string() == "wlc-centrum") {
      if (name == "stortorget-2") {
        EXPECT_FALSE(names.contains(mac));
        EXPECT_FALSE(o.at("reported").as_bool());
        continue;
      }
      EXPECT_EQ(names.at(mac), "STRING: \"" + name + "\"");
      EXPECT_EQ(users.at(mac + ".0"), "Counter32: " + std::to_string(r24));  // slot 0: 2.4 GHz
      EXPECT_EQ(users.at(mac + ".1"), "Counter32: " + std::to_string(r5));
      cisco_total += r24 + r5;
    } else {
      EXPECT_EQ(ai_names.at(mac), "STRING: \"" + name + "\"");
      EXPECT_EQ(Int(ai_status.at(mac)), name == "stadsparken-2" ? 2 : 1);
      EXPECT_EQ(Int(ai_clients.at(mac + ".0")), r5);  // radio 0: 5 GHz
      EXPECT_EQ(Int(ai_clients.at(mac + ".1")), r24);
      aruba_total += r24 + r5;
    }
  }
  EXPECT_GT(cisco_total, 0);
  EXPECT_GT(aruba_total, 0);
  int ess_sum = 0, ssid_sum = 0;
  for (const auto& [index, value] : ess) ess_sum += Int(value);
  for (const auto& [index, value] : ai_ssid) ssid_sum += Int(value);
  EXPECT_EQ(ess_sum, cisco_total);
  EXPECT_EQ(ssid_sum, aruba_total);
  EXPECT_EQ(Num(ByName(truth.at("controllers"), "wlc-centrum").at("clients")), cisco_total);
  EXPECT_EQ(Num(ByName(truth.at("controllers"), "vc-parks").at("clients")), aruba_total);

  sim.Inject("controller=wlc-centrum&kind=down&duration=600");
  const std::string silent = testing::RunCommand(
      "snmpget -v2c -c public -On -M /dev/null -m '' -t 1 -r 0 127.0.0.1:" + std::to_string(wlc) +
      " .1.3.6.1.2.1.1.5.0 2>&1; echo \"exit=$?\"");
  EXPECT_NE(silent.find("Timeout"), std::string::npos) << silent;
  const auto after = sim.Truth();
  EXPECT_FALSE(ByName(after.at("controllers"), "wlc-centrum").at("up").as_bool());
  EXPECT_FALSE(ByName(after.at("aps"), "stortorget-1").at("up").as_bool());
}

}  // namespace
}  // namespace surfzone::e2e_sim
