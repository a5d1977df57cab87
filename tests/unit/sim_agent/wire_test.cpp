// The server on the wire, checked with net-snmp's own command-line tools.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <sstream>

#include "surfzone/sim/server.hpp"
#include "surfzone/sim/static_mib.hpp"

namespace surfzone::sim {
namespace {

using snmp::ValueType;

struct CommandResult {
  std::string output;  // stdout and stderr
  int exit_code = -1;
};

CommandResult RunCommand(const std::string& command) {
  CommandResult r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) r.output.append(buf.data(), n);
  const int status = pclose(p);
  // On a machine where net-snmp never ran, its first CLI call announces (on stderr) that it
  // created its state directory; that is housekeeping, not part of the answer.
  std::string kept;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("Created directory: ")) kept += line + "\n";
  }
  r.output = std::move(kept);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// One line as net-snmp prints it with -On -Oe and no MIBs loaded.
std::string NetSnmpLine(const snmp::Varbind& vb) {
  const snmp::Value& v = vb.value;
  std::string out = "." + vb.oid.ToString() + " = ";
  switch (v.type) {
    case ValueType::kInteger:
      return out + "INTEGER: " + std::to_string(v.integer);
    case ValueType::kOctetString:  // net-snmp drops the type for an empty string
      return out + (v.bytes.empty() ? "" : "STRING: ") + "\"" + v.bytes + "\"";
    case ValueType::kObjectId:
      return out + "OID: ." + v.oid.ToString();
    case ValueType::kCounter32:
      return out + "Counter32: " + std::to_string(v.unsigned_);
    case ValueType::kGauge32:
      return out + "Gauge32: " + std::to_string(v.unsigned_);
    case ValueType::kCounter64:
      return out + "Counter64: " + std::to_string(v.unsigned_);
    case ValueType::kTimeTicks: {
      const std::uint64_t t = v.unsigned_;
      char buf[96];
      std::snprintf(buf, sizeof buf, "Timeticks: (%llu) %llu:%02llu:%02llu.%02llu",
                    static_cast<unsigned long long>(t), static_cast<unsigned long long>(t / 360000),
                    static_cast<unsigned long long>(t / 6000 % 60),
                    static_cast<unsigned long long>(t / 100 % 60),
                    static_cast<unsigned long long>(t % 100));
      return out + buf;
    }
    default:
      return out + "?";
  }
}

// A whole walk as net-snmp prints it; v2c walks past the last instance report endOfMibView.
std::string Expected(const StaticMib& mib, bool v1) {
  std::string out;
  for (const auto& [oid, value] : mib.values()) {
    if (v1 && value.type == ValueType::kCounter64) continue;
    out += NetSnmpLine({oid, value}) + "\n";
  }
  if (!v1) {
    out += "." + mib.values().rbegin()->first.ToString() +
           " = No more variables left in this MIB View (It is past the end of the MIB tree)\n";
  }
  return out;
}

class WireTest : public ::testing::Test {
 protected:
  void SetUp() override {
    port_ = server_.Add(agent_);
    server_.Start();
  }
  void TearDown() override { server_.Stop(); }

  CommandResult Tool(const std::string& tool, const std::string& args, const std::string& oids) {
    return RunCommand(tool + " -On -Oe -M /dev/null -m '' " + args +
                      " 127.0.0.1:" + std::to_string(port_) + " " + oids);
  }

  StaticAgent agent_{SmallApMib(7)};
  AgentServer server_;
  std::uint16_t port_ = 0;
};

const snmp::Oid kSysDescr{1, 3, 6, 1, 2, 1, 1, 1, 0};
const snmp::Oid kSysUpTime{1, 3, 6, 1, 2, 1, 1, 3, 0};
const snmp::Oid kIfHcIn2{1, 3, 6, 1, 2, 1, 31, 1, 1, 1, 6, 2};

TEST_F(WireTest, SnmpGetReadsScalarsAndExceptions) {
  const auto r = Tool("snmpget", "-v2c -c public",
                      ".1.3.6.1.2.1.1.1.0 .1.3.6.1.2.1.1.3.0 .1.3.6.1.2.1.31.1.1.1.6.2 "
                      ".1.3.6.1.2.1.1.1.1 .1.3.6.1.2.1.1.99.0");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto& m = agent_.mib();
  EXPECT_EQ(r.output, NetSnmpLine({kSysDescr, *m.Get(kSysDescr)}) + "\n" +
                          NetSnmpLine({kSysUpTime, *m.Get(kSysUpTime)}) + "\n" +
                          NetSnmpLine({kIfHcIn2, *m.Get(kIfHcIn2)}) + "\n" +
                          ".1.3.6.1.2.1.1.1.1 = No Such Instance currently exists at this OID\n"
                          ".1.3.6.1.2.1.1.99.0 = No Such Object available on this agent at this "
                          "OID\n");
  EXPECT_EQ(server_.stats(0).get, 1u);
  EXPECT_EQ(server_.stats(0).responses, 1u);
  EXPECT_GT(agent_.last_time(), 1.6e9);  // advanced to the (real) clock before answering
}

TEST_F(WireTest, SnmpWalkV2cMatchesMibAndEndsCleanly) {
  const auto r = Tool("snmpwalk", "-v2c -c public", ".1");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, Expected(agent_.mib(), false));
  EXPECT_EQ(server_.stats(0).get_next, agent_.mib().values().size() + 1);
}

TEST_F(WireTest, SnmpBulkWalkV2cMatchesMibAndEndsCleanly) {
  const auto r = Tool("snmpbulkwalk", "-v2c -c public -Cr10", ".1");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, Expected(agent_.mib(), false));
  EXPECT_EQ(server_.stats(0).get_bulk, agent_.mib().values().size() / 10 + 1);
  EXPECT_EQ(server_.stats(0).get_next, 0u);
}

TEST_F(WireTest, SnmpWalkV1SkipsCounter64AndEndsCleanly) {
  const auto r = Tool("snmpwalk", "-v1 -c public", ".1");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.output, Expected(agent_.mib(), true) + "End of MIB\n");
  const auto get = Tool("snmpget", "-v1 -c public", ".1.3.6.1.2.1.1.5.0 .1.3.6.1.2.1.1.9.0");
  EXPECT_NE(get.output.find("(noSuchName)"), std::string::npos) << get.output;
  EXPECT_NE(get.output.find("Failed object: .1.3.6.1.2.1.1.9.0"), std::string::npos) << get.output;
}

TEST_F(WireTest, FaultyBehavioursTimeOut) {
  const struct {
    Behaviour behaviour;
    const char* name;
  } cases[] = {{Behaviour::kWrongRequestId, "wrong-request-id"},
               {Behaviour::kGarbage, "garbage"},
               {Behaviour::kSilent, "silent"}};
  std::uint64_t sent = 0;
  for (const auto& c : cases) {
    // The agent's behaviour is read on the server thread: stop it while changing.
    server_.Stop();
    agent_.set_behaviour(c.behaviour);
    server_.io_context().restart();
    server_.Start();
    const auto r = Tool("snmpget", "-v2c -c public -t 0.2 -r 0", ".1.3.6.1.2.1.1.1.0");
    EXPECT_NE(r.exit_code, 0) << c.name;
    EXPECT_NE(r.output.find("Timeout"), std::string::npos) << c.name << ": " << r.output;
    EXPECT_EQ(server_.totals().get, ++sent) << c.name;
  }
  const AgentStats s = server_.totals();
  EXPECT_EQ(s.responses, 2u);  // wrong id + garbage were sent, silence was not
  EXPECT_EQ(s.dropped, 1u);
}

TEST_F(WireTest, WrongCommunityIsIgnored) {
  const auto r = Tool("snmpget", "-v2c -c private -t 0.2 -r 0", ".1.3.6.1.2.1.1.1.0");
  EXPECT_NE(r.output.find("Timeout"), std::string::npos) << r.output;
  EXPECT_EQ(server_.totals().community_mismatch, 1u);
  EXPECT_EQ(server_.totals().responses, 0u);
}

TEST_F(WireTest, SlowAgentAnswersAfterItsDelay) {
  server_.Stop();
  agent_.set_behaviour(Behaviour::kSlow);
  agent_.set_slow_delay(std::chrono::milliseconds(300));
  server_.io_context().restart();
  server_.Start();
  const auto late = Tool("snmpget", "-v2c -c public -t 0.1 -r 0", ".1.3.6.1.2.1.1.5.0");
  EXPECT_NE(late.output.find("Timeout"), std::string::npos) << late.output;
  const auto ok = Tool("snmpget", "-v2c -c public -t 2 -r 0", ".1.3.6.1.2.1.1.5.0");
  EXPECT_EQ(ok.exit_code, 0) << ok.output;
  EXPECT_EQ(ok.output, ".1.3.6.1.2.1.1.5.0 = STRING: \"ap-7\"\n");
}

TEST(WireServer, ManyAgentsEachAnswerOnTheirOwnPort) {
  std::vector<std::unique_ptr<StaticAgent>> agents;
  AgentServer server;
  for (unsigned i = 0; i < 200; ++i) {
    agents.push_back(std::make_unique<StaticAgent>(SmallApMib(i)));
    server.Add(*agents.back());
  }
  server.Start();
  for (std::size_t i : {0u, 57u, 199u}) {
    const auto r = RunCommand("snmpget -On -Oqv -M /dev/null -m '' -v2c -c public 127.0.0.1:" +
                              std::to_string(server.port(i)) + " .1.3.6.1.2.1.1.5.0");
    EXPECT_EQ(r.output, "\"ap-" + std::to_string(i) + "\"\n");
    EXPECT_EQ(server.stats(i).get, 1u);
  }
  EXPECT_EQ(server.totals().get, 3u);
}

}  // namespace
}  // namespace surfzone::sim
