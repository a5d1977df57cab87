// net-snmp's own client walks a simulated access point (a real ApModel behind surfzone-sim's
// front end) from .1 to endOfMibView without an error.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace surfzone::e2e_sim
