#include "truth_api.hpp"

#include <algorithm>
#include <boost/asio/post.hpp>
#include <charconv>
#include <future>
#include <map>

#include "surfzone/sim/fleet_spec.hpp"
#include "surfzone/sim/truth.hpp"

namespace surfzone::sim {
namespace {

// "a=1&b=two" (also the query part of a target) -> map. No percent-decoding: names in our
// fleets are used verbatim, spaces as '+'.
std::map<std::string, std::string> ParseForm(std::string_view text) {
  std::map<std::string, std::string> out;
  if (auto q = text.find('?'); q != std::string_view::npos) text.remove_prefix(q + 1);
  while (!text.empty()) {
    const auto amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    std::string key(pair.substr(0, eq));
    std::string value(eq == std::string_view::npos ? "" : pair.substr(eq + 1));
    for (auto& c : value) {
      if (c == '+') c = ' ';
    }
    if (!key.empty()) out[key] = value;
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
  return out;
}

std::optional<double> Number(const std::map<std::string, std::string>& form,
                             const std::string& key) {
  auto it = form.find(key);
  if (it == form.end()) return std::nullopt;
  double v = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), v);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size()) return std::nullopt;
  return v;
}

// Runs `fn` on the SNMP thread (which owns the models) and waits for its result.
template <typename F>
auto OnSnmpThread(boost::asio::io_context& io, F fn) {
  std::packaged_task<decltype(fn())()> task(std::move(fn));
  auto result = task.get_future();
  boost::asio::post(io, [&task] { task(); });
  return result.get();
}

http::RouteReply Inject(SimFleet& fleet, const SimClock& clock, std::string_view body) {
  const auto form = ParseForm(body);
  auto text = [](std::string s) {
    return http::RouteReply{400, "text/plain", std::move(s) + "\n"};
  };
  auto kind_it = form.find("kind");
  const auto kind = kind_it == form.end() ? std::nullopt : ParseFaultKind(kind_it->second);
  if (!kind) return text("kind must be one of reboot, down, slow, garbage, wrong_request_id");
  const double duration = Number(form, "duration").value_or(0);
  if (*kind != FaultKind::kReboot && duration <= 0) return text("duration (seconds) must be > 0");
  const double now = clock.Now();
  const auto delay =
      std::chrono::milliseconds(static_cast<std::int64_t>(Number(form, "delay_ms").value_or(1500)));
  if (auto ctl = form.find("controller"); ctl != form.end()) {
    const auto c = fleet.FindController(ctl->second);
    if (c < 0) return text("no controller named \"" + ctl->second + "\"");
    if (*kind == FaultKind::kReboot) {
      return text("a controller takes down, slow, garbage or wrong_request_id");
    }
    fleet.controller(static_cast<std::size_t>(c)).InjectFault(*kind, now, now + duration, delay);
    return {200, "application/json", "{\"injected\":1,\"at\":" + std::to_string(now) + "}\n"};
  }
  std::vector<std::size_t> targets;
  if (auto ap = form.find("ap"); ap != form.end()) {
    const auto i = fleet.Find(ap->second);
    if (i < 0) return text("no access point named \"" + ap->second + "\"");
    targets.push_back(static_cast<std::size_t>(i));
  } else if (auto loc = form.find("location"); loc != form.end()) {
    const auto l = fleet.FindLocation(loc->second);
    if (l < 0) return text("no location named \"" + loc->second + "\"");
    targets = fleet.aps_of(static_cast<std::size_t>(l));
  } else {
    return text("ap=NAME, location=NAME or controller=NAME is required");
  }
  for (auto i : targets) {
    ApModel& ap = fleet.ap(i);
    switch (*kind) {
      case FaultKind::kReboot:
        ap.InjectReboot(now, duration);
        break;
      case FaultKind::kDown:
        ap.InjectDown(now, now + duration);
        break;
      default:
        ap.InjectFault(*kind, now, now + duration, delay);
        break;
    }
  }
  return {
      200, "application/json",
      "{\"injected\":" + std::to_string(targets.size()) + ",\"at\":" + std::to_string(now) + "}\n"};
}

// Counter32 wraps in [from, to], replayed on a copy of the model (same options and faults, so
// the same counters): sampled every simulated minute, far less than 2^32 bytes apart, so every
// wrap shows as a decrease. Decreases across a reboot are resets. Two sets of columns: the radio
// interfaces (ifInOctets/ifOutOctets of ifIndex 3, 4) and, on UniFi APs, the VAPs'
// unifiVapRxBytes/unifiVapTxBytes (-1 where the AP has none).
struct Wraps {
  int radio = 0;
  int vap = -1;
};

Wraps Counter32Wraps(const ApModel& ap, double from, double to) {
  static const snmp::Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
  static const snmp::Oid kUnifiVapEntry{1, 3, 6, 1, 4, 1, 41112, 1, 6, 1, 2, 1};
  std::vector<snmp::Oid> columns = {kIfEntry.Child({10, 3}), kIfEntry.Child({10, 4}),
                                    kIfEntry.Child({16, 3}), kIfEntry.Child({16, 4})};
  const std::size_t radio_columns = columns.size();
  const bool unifi = ap.options().vendor == Vendor::kUnifi;
  if (unifi) {
    for (std::uint32_t v = 1; v <= static_cast<std::uint32_t>(ap.traffic().vaps()); ++v) {
      columns.push_back(kUnifiVapEntry.Child({10, v}));
      columns.push_back(kUnifiVapEntry.Child({16, v}));
    }
  }
  ApModel replica(ap.options(), ap.faults());
  std::vector<std::uint64_t> previous(columns.size(), 0);
  int reboots = -1;
  Wraps wraps;
  if (unifi) wraps.vap = 0;
  for (double t = from;; t = std::min(t + 60.0, to)) {
    replica.AdvanceTo(t);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::uint64_t v = replica.Get(columns[c]).value_or(snmp::Value{}).unsigned_;
      if (reboots == replica.reboots() && v < previous[c])
        ++(c < radio_columns ? wraps.radio : wraps.vap);
      previous[c] = v;
    }
    reboots = replica.reboots();
    if (t >= to) return wraps;
  }
}

}  // namespace

void AddTruthRoutes(http::Handlers& handlers, SimFleet& fleet, const SimClock& clock,
                    AgentServer& agents) {
  boost::asio::io_context& snmp_io = agents.io_context();
  handlers.routes["/truth"] = {
      "GET", [&fleet, &clock, &agents](std::string_view target, std::string_view) {
        const auto form = ParseForm(target);
        const double from = Number(form, "from").value_or(fleet.sim_start());
        const bool wraps = Number(form, "wraps").value_or(0) != 0;
        return OnSnmpThread(agents.io_context(), [&] {
          FleetTruth truth = CollectTruth(fleet, from, clock.Now());
          for (std::size_t i = 0; i < fleet.size(); ++i) {
            // Answered windows are per agent: only APs with an agent of their own have one.
            if (!fleet.direct(i) || fleet.ap_agent(i) >= agents.agent_count()) continue;
            const AgentStats s = agents.stats(fleet.ap_agent(i));
            if (!s.answered()) continue;
            AddAnsweredWindow(truth, fleet, i, s.first_answered_at, s.last_answered_at);
            if (wraps) {
              const Wraps w = Counter32Wraps(fleet.ap(i), s.first_answered_at, s.last_answered_at);
              truth.aps[i].answered->counter32_wraps = w.radio;
              truth.aps[i].answered->vap_counter32_wraps = w.vap;
            }
          }
          return http::RouteReply{200, "application/json", ToJson(truth)};
        });
      }};
  handlers.routes["/faults"] = {
      "POST", [&fleet, &clock, &snmp_io](std::string_view, std::string_view body) {
        return OnSnmpThread(snmp_io, [&] { return Inject(fleet, clock, body); });
      }};
  // Plain text for scripts (the demo): "clients<TAB>location" per location, busiest first.
  // ?format=json: the clients-only truth as JSON (ToClientsJson).
  handlers.routes["/truth/clients"] = {
      "GET", [&fleet, &clock, &snmp_io](std::string_view target, std::string_view) {
        const auto form = ParseForm(target);
        const auto format = form.find("format");
        const bool json = format != form.end() && format->second == "json";
        return OnSnmpThread(snmp_io, [&] {
          const FleetTruth truth = CollectTruth(fleet, fleet.sim_start(), clock.Now());
          if (json) return http::RouteReply{200, "application/json", ToClientsJson(truth)};
          std::vector<std::pair<int, std::string>> rows;
          for (const auto& l : truth.locations) rows.emplace_back(l.clients.total, l.name);
          std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
          });
          std::string text;
          for (const auto& [clients, name] : rows)
            text += std::to_string(clients) + "\t" + name + "\n";
          return http::RouteReply{200, "text/plain; charset=utf-8", std::move(text)};
        });
      }};
  handlers.routes["/clock"] = {"GET", [&clock](std::string_view, std::string_view) {
                                 return http::RouteReply{
                                     200, "application/json",
                                     "{\"now\":" + std::to_string(clock.Now()) +
                                         ",\"speed\":" + std::to_string(clock.speed()) + "}\n"};
                               }};
}

}  // namespace surfzone::sim
