// The snmpwalk -On text parser: every value type net-snmp prints, multi-line values, skipped
// exception lines, errors naming file:line, and a whole converted recording equal to its .snmprec.
#include <gtest/gtest.h>

#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::snmp {
namespace {

const Value& At(const Mib& mib, const char* oid) {
  static const Value kNone = Value::Exception(ValueType::kNoSuchObject);
  auto it = mib.values().find(*Oid::Parse(oid));
  return it == mib.values().end() ? kNone : it->second;
}

TEST(WalkText, ReadsEveryValueType) {
  const char* text =
      ".1.3.6.1.2.1.1.1.0 = STRING: \"Linux ap1 \\\"quoted\\\"\"\n"
      ".1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.41112\n"
      ".1.3.6.1.2.1.1.3.0 = Timeticks: (54502347) 6 days, 7:23:43.47\n"
      ".1.3.6.1.2.1.1.4.0 = \"\"\n"
      ".1.3.6.1.2.1.2.2.1.8.1 = INTEGER: up(1)\n"
      ".1.3.6.1.2.1.2.2.1.9.1 = INTEGER: -42\n"
      ".1.3.6.1.2.1.2.2.1.10.1 = Counter32: 4294967295\n"
      ".1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615\n"
      ".1.3.6.1.2.1.31.1.1.1.15.1 = Gauge32: 1000\n"
      ".1.3.6.1.2.1.2.2.1.6.1 = Hex-STRING: B4 FB E4 2A 3F 1C \n"
      ".1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1\n"
      ".1.3.6.1.4.1.1.1.0 = Gauge32: 17 seconds\n"
      ".1.3.6.1.4.1.1.2.0 = NULL\n"
      ".1.3.6.1.4.1.1.3.0 = No Such Object available on this agent at this OID\n"
      ".1.3.6.1.4.1.1.4.0 = No Such Instance currently exists at this OID\n"
      ".1.3.6.1.4.1.1.5.0 = Wrong Type (should be Gauge32): INTEGER: 5\n";
  Mib mib;
  ParseSnmpwalk(text, "t.walk", mib);
  EXPECT_EQ(mib.size(), 14u);  // 16 lines, the two "No Such" ones skipped
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.1.0"), Value::String("Linux ap1 \"quoted\""));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.2.0"), Value::ObjectId(*Oid::Parse("1.3.6.1.4.1.41112")));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.3.0"), Value::Unsigned(ValueType::kTimeTicks, 54502347));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.4.0"), Value::String(""));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.2.2.1.8.1"), Value::Integer(1));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.2.2.1.9.1"), Value::Integer(-42));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.2.2.1.10.1"), Value::Unsigned(ValueType::kCounter32, 4294967295));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.31.1.1.1.6.1"),
            Value::Unsigned(ValueType::kCounter64, 18446744073709551615ULL));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.31.1.1.1.15.1"), Value::Unsigned(ValueType::kGauge32, 1000));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.2.2.1.6.1"), Value::String("\xb4\xfb\xe4\x2a\x3f\x1c"));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.4.20.1.1.10.0.0.1").type, ValueType::kIpAddress);
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.4.20.1.1.10.0.0.1").bytes, std::string("\x0a\x00\x00\x01", 4));
  EXPECT_EQ(At(mib, "1.3.6.1.4.1.1.1.0"), Value::Unsigned(ValueType::kGauge32, 17));
  EXPECT_EQ(At(mib, "1.3.6.1.4.1.1.2.0").type, ValueType::kNull);
  EXPECT_EQ(At(mib, "1.3.6.1.4.1.1.3.0").type, ValueType::kNoSuchObject);  // not stored
  EXPECT_EQ(At(mib, "1.3.6.1.4.1.1.5.0"), Value::Integer(5));
}

TEST(WalkText, JoinsValuesThatSpanLines) {
  // net-snmp prints a string's newlines as they are and wraps Hex-STRINGs after 16 octets.
  const char* text =
      ".1.3.6.1.2.1.1.1.0 = STRING: \"first line\n"
      "second = line\"\n"
      ".1.3.6.1.2.1.1.9.0 = Hex-STRING: 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F \n"
      "10 11 \n"
      ".1.3.6.1.2.1.1.5.0 = STRING: \"ap1\"\n";
  Mib mib;
  ParseSnmpwalk(text, "t.walk", mib);
  ASSERT_EQ(mib.size(), 3u);
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.1.0"), Value::String("first line\nsecond = line"));
  std::string octets;
  for (int i = 0; i < 18; ++i) octets += static_cast<char>(i);
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.9.0"), Value::String(octets));
  EXPECT_EQ(At(mib, "1.3.6.1.2.1.1.5.0"), Value::String("ap1"));
}

TEST(WalkText, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* where;
  };
  for (const Case& c : {
           Case{".1.3.6.1.2.1.1.5.0 = STRING: \"ok\"\ngarbage line\n", "w.txt:2: "},
           Case{"\n.1.3.6.1.2.1.1.5.0 = Counter32: many\n", "w.txt:2: "},
           Case{".1.3.6.1.2.1.1.5.0 = STRING: \"a\"\n.1.3.6.1.2.1.1.6.0 = Float: 1.5\n",
                "w.txt:2: "},
           Case{".1.3.6.1.2.1.1.5.0 = OID: SNMPv2-MIB::sysName\n", "w.txt:1: "},
           Case{".1.3.6.1.2.1.1.5.0 = STRING: \"never closed\n", "w.txt:1: "},
       }) {
    Mib mib;
    try {
      ParseSnmpwalk(c.text, "w.txt", mib);
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const WalkFileError& e) {
      EXPECT_TRUE(std::string(e.what()).starts_with(c.where)) << e.what();
    }
  }
}

TEST(WalkText, FormatIsDetected) {
  EXPECT_TRUE(LooksLikeSnmpwalk("# comment\n\n.1.3.6.1.2.1.1.5.0 = STRING: \"x\"\n"));
  EXPECT_TRUE(LooksLikeSnmpwalk("1.3.6.1.2.1.1.5.0 = STRING: \"x\"\n"));
  EXPECT_FALSE(LooksLikeSnmpwalk("1.3.6.1.2.1.1.5.0|4|x\n"));
}

// unifi_nanohd.snmpwalk is unifi_nanohd.snmprec printed as snmpwalk -On would
// (tests/fixtures/walks/snmprec_to_snmpwalk.py), plus one "No Such Object" line: both must load
// to the same 1001 values.
TEST(WalkText, ConvertedRecordingEqualsTheSnmprec) {
  const std::string dir = SURFZONE_WALKS_DIR;
  const Mib text = LoadWalkFile(dir + "/unifi_nanohd.snmpwalk");
  const Mib rec = LoadWalkFile(dir + "/unifi_nanohd.snmprec");
  EXPECT_EQ(rec.size(), 1001u);
  EXPECT_EQ(text.values(), rec.values());
}

TEST(WalkText, MissingOrEmptyFileIsAnError) {
  EXPECT_THROW(LoadWalkFile("/nonexistent/walk.txt"), WalkFileError);
  try {
    LoadWalkFile("/nonexistent/walk.txt");
  } catch (const WalkFileError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/walk.txt: cannot be read");
  }
}

}  // namespace
}  // namespace surfzone::snmp
