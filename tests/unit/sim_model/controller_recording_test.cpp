// Honesty check of the controller agents against real recordings (tests/fixtures/walks, from
// LibreNMS): every column the simulator serves under the vendor's subtrees exists in the
// recording with the same SNMP type, or is listed below with the MIB it comes from; the columns a
// poller needs are served; and the index encodings have the recording's lengths.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "surfzone/sim/controller_model.hpp"
#include "test_util.hpp"

namespace surfzone::sim {
namespace {

using test::O;

// Tables and the number of index arcs their rows have (the same on the device and here).
struct Table {
  const char* entry;
  std::size_t index_arcs;
};
constexpr Table kTables[] = {
    {"1.3.6.1.4.1.14179.2.1.1.1", 1},        // bsnDot11EssEntry: bsnDot11EssIndex
    {"1.3.6.1.4.1.14179.2.2.1.1", 6},        // bsnAPEntry: bsnAPDot3MacAddress
    {"1.3.6.1.4.1.14179.2.2.2.1", 7},        // bsnAPIfEntry: MAC, bsnAPIfSlotId
    {"1.3.6.1.4.1.14179.2.2.13.1", 7},       // bsnAPIfLoadParametersEntry (recorded, not served)
    {"1.3.6.1.4.1.14823.2.3.3.1.1.7.1", 1},  // aiSSIDEntry: aiSSIDIndex
    {"1.3.6.1.4.1.14823.2.3.3.1.2.1.1", 6},  // aiAPEntry: aiAPMACAddress
    {"1.3.6.1.4.1.14823.2.3.3.1.2.2.1", 7},  // aiRadioEntry: MAC, aiRadioIndex
    {"1.3.6.1.4.1.14823.2.3.3.1.2.3.1", 7},  // aiWlanEntry: MAC, aiWlanIndex
};

// "column OID" of an instance: a table cell without its index, a scalar without ".0".
// Empty if the instance is neither (a table row with an unexpected index length).
std::string Column(const snmp::Oid& oid) {
  for (const Table& t : kTables) {
    const snmp::Oid entry = O(t.entry);
    if (oid.StartsWith(entry) && oid.size() > entry.size()) {
      if (oid.size() != entry.size() + 1 + t.index_arcs) return {};
      return entry.Child({oid.arcs()[entry.size()]}).ToString();
    }
  }
  if (oid.arcs().back() != 0) return {};
  return snmp::Oid(std::vector<std::uint32_t>(oid.arcs().begin(), oid.arcs().end() - 1)).ToString();
}

// snmpsim's type code for a value ("4x" hex strings are OCTET STRINGs too).
std::string TypeCode(const snmp::Value& v) {
  switch (v.type) {
    case snmp::ValueType::kInteger:
      return "2";
    case snmp::ValueType::kOctetString:
      return "4";
    case snmp::ValueType::kObjectId:
      return "6";
    case snmp::ValueType::kIpAddress:
      return "64";
    case snmp::ValueType::kCounter32:
      return "65";
    case snmp::ValueType::kGauge32:
      return "66";
    case snmp::ValueType::kTimeTicks:
      return "67";
    case snmp::ValueType::kCounter64:
      return "70";
    default:
      return "?";
  }
}

// Column -> type code of every instance of the recording under `subtrees` (plus the system
// group). Fails the test on a row whose index length differs from kTables.
std::map<std::string, std::string> RecordedColumns(const std::string& file,
                                                   const std::vector<std::string>& subtrees) {
  std::ifstream in(std::string(SURFZONE_WALKS_DIR) + "/" + file);
  EXPECT_TRUE(in.good()) << file;
  std::map<std::string, std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const auto bar = line.find('|');
    const auto bar2 = line.find('|', bar + 1);
    if (bar == std::string::npos || bar2 == std::string::npos) continue;
    const auto oid = snmp::Oid::Parse(line.substr(0, bar));
    if (!oid) continue;
    bool wanted = oid->StartsWith(O("1.3.6.1.2.1.1"));
    for (const auto& s : subtrees) wanted = wanted || oid->StartsWith(O(s));
    if (!wanted) continue;
    std::string type = line.substr(bar + 1, bar2 - bar - 1);
    if (type == "4x") type = "4";
    const std::string column = Column(*oid);
    EXPECT_FALSE(column.empty()) << "unexpected index length in the recording: " << line;
    out[column] = type;
  }
  return out;
}

// Column -> type code of everything a controller with three APs (one down) serves.
std::map<std::string, std::string> ServedColumns(ControllerVendor vendor) {
  std::vector<std::unique_ptr<ApModel>> aps;
  std::vector<ApModel*> raw;
  for (int i = 0; i < 3; ++i) {
    aps.push_back(std::make_unique<ApModel>(test::Options("ap-" + std::to_string(i))));
    raw.push_back(aps.back().get());
  }
  ControllerOptions o;
  o.name = "ctl";
  o.vendor = vendor;
  o.sim_start = test::kSummerSaturday;
  ControllerModel c(o, raw);
  c.AdvanceTo(test::kSummerSaturday + 600);
  std::map<std::string, std::string> out;
  for (const auto& e : c.entries()) {
    const std::string column = Column(e.oid);
    EXPECT_FALSE(column.empty()) << "unexpected index length: " << e.oid.ToString();
    out[column] = TypeCode(*c.Get(e.oid));
  }
  return out;
}

void ExpectSubset(const std::map<std::string, std::string>& served,
                  const std::map<std::string, std::string>& recorded,
                  const std::set<std::string>& from_the_mib) {
  for (const auto& [column, type] : served) {
    if (from_the_mib.contains(column)) {
      EXPECT_FALSE(recorded.contains(column)) << column << " is recorded: drop it from the list";
      continue;
    }
    auto it = recorded.find(column);
    if (it == recorded.end()) {
      ADD_FAILURE() << column << " is served but not in the recording";
    } else {
      EXPECT_EQ(type, it->second) << "type of " << column;
    }
  }
}

TEST(ControllerRecording, CiscoWlcServesOnlyRecordedColumnsWithTheirTypes) {
  const auto recorded =
      RecordedColumns("ciscowlc_cbw240ac.snmprec", {"1.3.6.1.4.1.14179", "1.3.6.1.4.1.9.9.618"});
  const auto served = ServedColumns(ControllerVendor::kCiscoWlc);
  // Not in the (LibreNMS-only) recording but in AIRESPACE-WIRELESS-MIB (docs ANCHORS 4.2):
  // bsnAPLocation (.4) and bsnAPOperationStatus (.6) of bsnAPEntry.
  ExpectSubset(served, recorded, {"1.3.6.1.4.1.14179.2.2.1.1.4", "1.3.6.1.4.1.14179.2.2.1.1.6"});
  // What a poller of clients needs is there.
  for (const char* needed :
       {"1.3.6.1.4.1.14179.2.2.1.1.3", "1.3.6.1.4.1.14179.2.2.2.1.15",
        "1.3.6.1.4.1.14179.2.2.2.1.2", "1.3.6.1.4.1.14179.2.2.2.1.12",
        "1.3.6.1.4.1.14179.2.1.1.1.2", "1.3.6.1.4.1.14179.2.1.1.1.38", "1.3.6.1.2.1.1.5"}) {
    EXPECT_TRUE(served.contains(needed)) << needed;
    EXPECT_TRUE(recorded.contains(needed) || std::string(needed) == "1.3.6.1.2.1.1.5") << needed;
  }
  // Every recorded column of bsnAPTable and bsnAPIfTable is served.
  for (const auto& [column, type] : recorded) {
    if (column.starts_with("1.3.6.1.4.1.14179.2.2.1.") ||
        column.starts_with("1.3.6.1.4.1.14179.2.2.2.")) {
      EXPECT_TRUE(served.contains(column)) << column;
    }
  }
}

TEST(ControllerRecording, ArubaInstantServesOnlyRecordedColumnsWithTheirTypes) {
  const auto recorded = RecordedColumns("aruba-instant.snmprec", {"1.3.6.1.4.1.14823.2.3.3.1"});
  const auto served = ServedColumns(ControllerVendor::kArubaInstant);
  ExpectSubset(served, recorded, {});
  for (const auto& [column, type] : recorded) EXPECT_TRUE(served.contains(column)) << column;
}

}  // namespace
}  // namespace surfzone::sim
