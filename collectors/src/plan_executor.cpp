#include "surfzone/collectors/plan_executor.hpp"

#include <algorithm>
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

// GETNEXT of a scalar's object (its OID without the trailing .0) answers the scalar itself.
bool AllScalarInstances(const std::vector<snmp::Oid>& scalars) {
  for (const auto& oid : scalars) {
    if (oid.size() < 2 || oid[oid.size() - 1] != 0) return false;
  }
  return true;
}

// v2c/v3: the whole plan in as few GETBULKs as possible. The first one carries the scalars as
// non-repeaters (GETNEXT of each object) and every column of every table as repeaters; later
// rounds continue the unfinished columns. A device with a few interfaces answers a poll in ONE
// round trip instead of 1 + one per table. Returns false (nothing kept) if the agent rejects
// the combined request, so the caller can fall back to separate requests.
// `request` is ExecutePlan's timing wrapper; ops are passed as temporaries that live until their
// co_await completes.
template <typename Request>
asio::awaitable<bool> ExecuteCombined(snmp::Client& session, const PollPlan& plan,
                                      ExecuteLimits limits, PollResult& result, ExecuteOutcome& out,
                                      Request& request) {
  std::vector<snmp::Oid> all_columns;
  for (const auto& table : plan.tables) {
    all_columns.insert(all_columns.end(), table.columns.begin(), table.columns.end());
  }
  snmp::TableWalk walk(std::move(all_columns), limits.max_rows);
  std::vector<snmp::Oid> first;
  first.reserve(plan.scalars.size() + walk.columns().size());
  for (const auto& oid : plan.scalars) {
    first.emplace_back(std::vector<std::uint32_t>(oid.arcs().begin(), oid.arcs().end() - 1));
  }
  const int non_repeaters = static_cast<int>(first.size());
  for (auto& oid : walk.NextRequest()) first.push_back(std::move(oid));
  auto [ec, vbs] = co_await request([&] {
    return session.AsyncGetBulk(std::move(first), non_repeaters, limits.max_repetitions,
                                asio::as_tuple(asio::use_awaitable));
  });
  if (ec == snmp::Errc::kAgentError) co_return false;
  if (ec) {
    out.error = ec;
    co_return true;
  }
  const std::size_t scalars_answered = std::min(vbs.size(), plan.scalars.size());
  for (std::size_t i = 0; i < scalars_answered; ++i) {
    // The next OID after the object is some other object if the scalar does not exist.
    if (vbs[i].oid == plan.scalars[i] && !vbs[i].value.IsException()) {
      result.scalars[vbs[i].oid] = std::move(vbs[i].value);
    }
  }
  vbs.erase(vbs.begin(), vbs.begin() + static_cast<std::ptrdiff_t>(scalars_answered));
  if (!walk.columns().empty()) walk.Feed(std::move(vbs));
  while (!walk.Done()) {
    auto [more_ec, more] = co_await request([&] {
      return session.AsyncGetBulk(walk.NextRequest(), 0, limits.max_repetitions,
                                  asio::as_tuple(asio::use_awaitable));
    });
    if (more_ec == snmp::Errc::kAgentError) break;
    if (more_ec) {
      out.error = more_ec;
      co_return true;
    }
    walk.Feed(std::move(more));
  }
  // Back to one result per table, columns in plan order.
  result.tables.clear();
  std::size_t column = 0;
  for (const auto& table : plan.tables) {
    auto& cells = result.tables.emplace_back();
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      cells.push_back(std::move(walk.results()[column++]));
    }
  }
  co_return true;
}

}  // namespace

asio::awaitable<ExecuteOutcome> ExecutePlan(snmp::Client& session, const PollPlan& plan,
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

  if (session.options().auth.version != config::SnmpVersion::kV1 &&
      AllScalarInstances(plan.scalars) && !(plan.scalars.empty() && plan.tables.empty())) {
    if (co_await ExecuteCombined(session, plan, limits, result, out, request)) co_return out;
    result.scalars.clear();  // the agent refused the combined GETBULK: ask separately
  }

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
      walk.Feed(std::move(vbs));
    }
    result.tables.push_back(std::move(walk.results()));
  }
  co_return out;
}

}  // namespace surfzone::collectors
