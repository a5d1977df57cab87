#include "surfzone/collectors/plan_executor.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "surfzone/snmp/table_walk.hpp"

namespace surfzone::collectors {
namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;

namespace {

void KeepScalars(const snmp::Varbinds& vbs, PollResult& result) {
  for (const auto& vb : vbs) {
    if (!vb.value.IsException()) result.scalars[vb.oid] = vb.value;
  }
}

}  // namespace

asio::awaitable<ExecuteOutcome> ExecutePlan(snmp::Session& session, const PollPlan& plan,
                                            ExecuteLimits limits, PollResult& result,
                                            const RequestObserver& observe) {
  ExecuteOutcome out;
  auto request = [&](auto&& op) -> asio::awaitable<std::tuple<snmp::ErrorCode, snmp::Varbinds>> {
    const auto start = Clock::now();
    auto r = co_await op();
    ++out.requests;
    if (observe) observe(Clock::now() - start, !std::get<0>(r));
    co_return r;
  };

  if (!plan.scalars.empty()) {
    auto [ec, vbs] = co_await request(
        [&] { return session.AsyncGet(plan.scalars, asio::as_tuple(asio::use_awaitable)); });
    if (ec == snmp::Errc::kAgentError) {
      // SNMPv1 agents fail the whole GET when one object is missing (noSuchName): ask one by
      // one and keep what exists.
      for (const auto& oid : plan.scalars) {
        auto [one_ec, one] = co_await request([&] {
          return session.AsyncGet(std::vector<snmp::Oid>{oid}, asio::as_tuple(asio::use_awaitable));
        });
        if (one_ec && one_ec != snmp::Errc::kAgentError) {
          out.error = one_ec;
          co_return out;
        }
        KeepScalars(one, result);
      }
    } else if (ec) {
      out.error = ec;
      co_return out;
    } else {
      KeepScalars(vbs, result);
    }
  }

  result.tables.clear();
  for (const auto& table : plan.tables) {
    snmp::TableWalk walk(table.columns, limits.max_rows);
    while (!walk.Done()) {
      auto [ec, vbs] = co_await request([&] {
        return session.AsyncGetBulk(walk.NextRequest(), 0, limits.max_repetitions,
                                    asio::as_tuple(asio::use_awaitable));
      });
      if (ec == snmp::Errc::kAgentError) break;  // v1 end of MIB (noSuchName): table ends here
      if (ec) {
        out.error = ec;
        co_return out;
      }
      walk.Feed(vbs);
    }
    result.tables.push_back(std::move(walk.results()));
  }
  co_return out;
}

}  // namespace surfzone::collectors
