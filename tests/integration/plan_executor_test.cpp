// ExecutePlan against a real net-snmp snmpd: the combined v2c path (scalars as GETBULK
// non-repeaters, all table columns in one walk) must return exactly what the separate v1 path
// (one GET, then one GETNEXT walk per table) returns, with fewer requests.
#include "surfzone/collectors/plan_executor.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "surfzone/snmp/session.hpp"
#include "surfzone/testing/snmpd.hpp"

namespace surfzone::collectors {
namespace {

namespace asio = boost::asio;
using testing::Snmpd;
using testing::SnmpdUsers;

const snmp::Oid kSystem{1, 3, 6, 1, 2, 1, 1};
const snmp::Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
const snmp::Oid kIfXEntry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};

PollPlan MakePlan(bool with_missing_scalar) {
  PollPlan plan;
  plan.scalars = {kSystem.Child({1, 0}), kSystem.Child({3, 0}), kSystem.Child({5, 0})};
  // An object snmpd does not have: its GETNEXT lands on another object, which must not count.
  if (with_missing_scalar) plan.scalars.push_back(snmp::Oid{1, 3, 6, 1, 2, 1, 1, 99, 0});
  plan.AddTable({kIfEntry.Child({2}), kIfEntry.Child({3}), kIfEntry.Child({10})});
  // No Counter64 columns (ifHC*): SNMPv1, the reference here, cannot carry them.
  plan.AddTable({kIfXEntry.Child({1}), kIfXEntry.Child({15})});
  return plan;
}

struct PlanRun {
  ExecuteOutcome outcome;
  PollResult result;
};

PlanRun Execute(const Snmpd& agent, config::SnmpVersion version, const PollPlan& plan,
                int max_repetitions) {
  asio::io_context io;
  snmp::Engine engine;
  snmp::SessionOptions o;
  o.peer = asio::ip::udp::endpoint(asio::ip::make_address("127.0.0.1"), agent.port());
  o.auth.name = "a";
  o.auth.version = version;
  o.auth.community = config::Secret(SnmpdUsers::kCommunity);
  PlanRun run;
  bool done = false;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        snmp::Session session(io.get_executor(), engine, o);
        co_await session.AsyncOpen(asio::use_awaitable);
        run.outcome = co_await ExecutePlan(session, plan,
                                           {.max_repetitions = max_repetitions, .max_rows = 1000},
                                           run.result, nullptr);
        done = true;
      },
      asio::detached);
  io.run_for(std::chrono::seconds(20));
  EXPECT_TRUE(done);
  return run;
}

void ExpectSameResult(const PlanRun& combined, const PlanRun& separate) {
  EXPECT_FALSE(combined.outcome.error) << combined.outcome.error.message();
  EXPECT_FALSE(separate.outcome.error) << separate.outcome.error.message();
  ASSERT_EQ(combined.result.scalars.size(), separate.result.scalars.size());
  for (const auto& [oid, value] : separate.result.scalars) {
    const snmp::Value* got = combined.result.Scalar(oid);
    ASSERT_NE(got, nullptr) << oid.ToString();
    // sysUpTime moves between the two runs; the others must be identical.
    if (oid != kSystem.Child({3, 0})) {
      EXPECT_EQ(got->bytes, value.bytes) << oid.ToString();
    }
    EXPECT_EQ(got->type, value.type) << oid.ToString();
  }
  ASSERT_EQ(combined.result.tables.size(), separate.result.tables.size());
  for (std::size_t t = 0; t < separate.result.tables.size(); ++t) {
    ASSERT_EQ(combined.result.tables[t].size(), separate.result.tables[t].size());
    for (std::size_t c = 0; c < separate.result.tables[t].size(); ++c) {
      const auto& want = separate.result.tables[t][c];
      const auto& got = combined.result.tables[t][c];
      ASSERT_EQ(got.size(), want.size()) << "table " << t << " column " << c;
      ASSERT_GT(want.size(), 0u);
      for (std::size_t r = 0; r < want.size(); ++r) EXPECT_EQ(got[r].oid, want[r].oid);
    }
  }
}

TEST(ExecutePlanSnmpd, CombinedBulkMatchesSeparateRequests) {
  Snmpd agent("plan-executor-agent");
  const PollPlan plan = MakePlan(true);
  const PlanRun separate = Execute(agent, config::SnmpVersion::kV1, plan, 25);
  const PlanRun combined = Execute(agent, config::SnmpVersion::kV2c, plan, 25);
  ExpectSameResult(combined, separate);
  EXPECT_EQ(combined.result.Scalar(snmp::Oid{1, 3, 6, 1, 2, 1, 1, 99, 0}), nullptr);
  EXPECT_LT(combined.outcome.requests, separate.outcome.requests);
}

TEST(ExecutePlanSnmpd, CombinedBulkContinuesUnfinishedColumns) {
  // max-repetitions 1: every column needs several rounds after the first combined request.
  Snmpd agent("plan-executor-agent-small");
  const PollPlan plan = MakePlan(false);
  const PlanRun separate = Execute(agent, config::SnmpVersion::kV1, plan, 1);
  const PlanRun combined = Execute(agent, config::SnmpVersion::kV2c, plan, 1);
  ExpectSameResult(combined, separate);
  EXPECT_GT(combined.outcome.requests, 2);
}

}  // namespace
}  // namespace surfzone::collectors
