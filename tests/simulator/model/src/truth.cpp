#include "surfzone/sim/truth.hpp"

#include <algorithm>
#include <cmath>

#include "json_writer.hpp"

namespace surfzone::sim {

StateSeconds LocationStateSeconds(const std::vector<std::vector<IntervalMs>>& ap_unanswered,
                                  double from, double to) {
  StateSeconds out;
  const auto a = static_cast<std::int64_t>(std::floor(from * 1000.0));
  const auto b = static_cast<std::int64_t>(std::floor(to * 1000.0));
  if (b <= a || ap_unanswered.empty()) return out;
  // Sweep: +1 when an AP goes quiet, -1 when it answers again (intervals are disjoint per AP).
  std::vector<std::pair<std::int64_t, int>> events;
  int down = 0;
  for (const auto& list : ap_unanswered) {
    for (const auto& i : list) {
      if (i.end_ms <= a || i.start_ms >= b) continue;
      if (i.start_ms <= a) {
        ++down;
      } else {
        events.emplace_back(i.start_ms, +1);
      }
      if (i.end_ms < b) events.emplace_back(i.end_ms, -1);
    }
  }
  std::sort(events.begin(), events.end());
  const int n = static_cast<int>(ap_unanswered.size());
  auto account = [&](std::int64_t lo, std::int64_t hi) {
    const double s = static_cast<double>(hi - lo) / 1000.0;
    if (down == 0) {
      out.up += s;
    } else if (down >= n) {
      out.down += s;
    } else {
      out.degraded += s;
    }
  };
  std::int64_t t = a;
  for (const auto& [when, delta] : events) {
    account(t, when);
    t = when;
    down += delta;
  }
  account(t, b);
  return out;
}

namespace {

void AddClients(ClientCounts& sum, const ClientCounts& c) {
  sum.total += c.total;
  for (int r = 0; r < kRadios; ++r) sum.radio[r] += c.radio[r];
  if (sum.ssid.size() < c.ssid.size()) sum.ssid.resize(c.ssid.size(), 0);
  for (std::size_t s = 0; s < c.ssid.size(); ++s) sum.ssid[s] += c.ssid[s];
}

bool AnsweringAt(const std::vector<IntervalMs>& unanswered, double t) {
  const auto ms = static_cast<std::int64_t>(std::floor(t * 1000.0));
  return std::none_of(unanswered.begin(), unanswered.end(),
                      [ms](const IntervalMs& i) { return ms >= i.start_ms && ms < i.end_ms; });
}

}  // namespace

FleetTruth CollectTruth(SimFleet& fleet, double from, double at) {
  fleet.AdvanceAll(at);
  FleetTruth truth;
  truth.ssids = fleet.spec().sim.ssids;
  truth.sim_start = fleet.sim_start();
  truth.from = from;
  truth.at = at;
  for (std::size_t c = 0; c < fleet.controller_count(); ++c) {
    const ControllerModel& m = fleet.controller(c);
    ControllerTruth t;
    t.name = m.name();
    t.vendor = ToString(m.vendor());
    t.host = fleet.agent_host(fleet.controller_agent(c));
    t.port = fleet.agent_port(fleet.controller_agent(c));
    t.unanswered = m.UnansweredIntervals();
    t.up = AnsweringAt(t.unanswered, at);
    for (std::size_t j = 0; j < m.ap_count(); ++j) {
      t.aps.push_back(m.ap(j).name());
      if (m.Reports(j)) t.aps_reported.push_back(m.ap(j).name());
      t.aps_up += m.ApUp(j) ? 1 : 0;
    }
    t.clients = m.Clients();
    t.ssid_clients = m.SsidClients();
    truth.controllers.push_back(std::move(t));
  }
  for (std::size_t i = 0; i < fleet.size(); ++i) {
    const ApModel& m = fleet.ap(i);
    ApTruth t;
    t.name = m.name();
    t.location = m.options().location;
    t.host = fleet.host(i);
    t.port = fleet.port(i);
    if (fleet.direct(i)) {
      t.unanswered = m.UnansweredIntervals();
    } else {
      const auto c = static_cast<std::size_t>(fleet.controller_of(i));
      const ControllerModel& controller = fleet.controller(c);
      const std::size_t slot = fleet.slot_in_controller(i);
      t.controller = controller.name();
      t.mac = ToString(controller.mac(slot));
      t.reported = controller.Reports(slot);
      std::vector<IntervalMs> quiet = m.DownIntervals();
      const auto& own = truth.controllers[c].unanswered;
      quiet.insert(quiet.end(), own.begin(), own.end());
      t.unanswered = MergeIntervals(std::move(quiet));
    }
    t.up = AnsweringAt(t.unanswered, at);
    t.bytes = m.bytes();
    t.clients = m.clients();
    t.reboots = m.reboots();
    t.engine_boots = m.engine_boots();
    t.boot_time = m.boot_time();
    t.down = m.DownIntervals();
    truth.aps.push_back(std::move(t));
  }
  for (std::size_t l = 0; l < fleet.spec().locations.size(); ++l) {
    const LocationSpec& spec = fleet.spec().locations[l];
    LocationTruth t;
    t.name = spec.name;
    t.kind = config::ToString(spec.kind);
    t.district = spec.district;
    std::vector<std::vector<IntervalMs>> unanswered;
    for (std::size_t i : fleet.aps_of(l)) {
      const ApTruth& ap = truth.aps[i];
      ++t.aps;
      t.aps_up += ap.up ? 1 : 0;
      t.bytes += ap.bytes;
      AddClients(t.clients, ap.clients);
      unanswered.push_back(ap.unanswered);
    }
    t.state = LocationStateSeconds(unanswered, from, at);
    truth.locations.push_back(std::move(t));
  }
  return truth;
}

void AddAnsweredWindow(FleetTruth& truth, const SimFleet& fleet, std::size_t ap, double first_at,
                       double last_at) {
  const ApModel& m = fleet.ap(ap);
  AnsweredWindow w;
  w.first_at = first_at;
  w.last_at = last_at;
  w.bytes = m.BytesAt(last_at) - m.BytesAt(first_at);
  truth.locations.at(fleet.location_of(ap)).bytes_since_first_answer += w.bytes;
  truth.aps.at(ap).answered = w;
}

namespace {

void WriteIntervals(detail::JsonWriter& w, const std::vector<IntervalMs>& list) {
  w.BeginArray();
  for (const auto& i : list) {
    w.BeginArray();
    w.Number(static_cast<double>(i.start_ms) / 1000.0);
    w.Number(static_cast<double>(i.end_ms) / 1000.0);
    w.EndArray();
  }
  w.EndArray();
}

const char* const kBands[kRadios] = {"2.4GHz", "5GHz"};

void WriteSsidCounts(detail::JsonWriter& w, const std::vector<std::string>& names,
                     const std::vector<int>& counts) {
  w.BeginObject();
  for (std::size_t s = 0; s < names.size(); ++s) {
    w.Key(names[s]).Integer(s < counts.size() ? counts[s] : 0);
  }
  w.EndObject();
}

void WriteClients(detail::JsonWriter& w, const ClientCounts& c,
                  const std::vector<std::string>& ssids) {
  w.BeginObject();
  w.Key("total").Integer(c.total);
  w.Key("radio_2g4").Integer(c.radio[0]);
  w.Key("radio_5g").Integer(c.radio[1]);
  w.Key("ssid").BeginArray();
  for (int n : c.ssid) w.Integer(n);
  w.EndArray();
  w.Key("radios").BeginArray();
  for (int r = 0; r < kRadios; ++r) {
    w.BeginObject();
    w.Key("radio").Integer(r);
    w.Key("band").String(kBands[r]);
    w.Key("clients").Integer(c.radio[r]);
    w.EndObject();
  }
  w.EndArray();
  w.Key("ssids");
  WriteSsidCounts(w, ssids, c.ssid);
  w.EndObject();
}

void WriteNames(detail::JsonWriter& w, const std::vector<std::string>& names) {
  w.BeginArray();
  for (const auto& n : names) w.String(n);
  w.EndArray();
}

void WriteController(detail::JsonWriter& w, const ControllerTruth& c,
                     const std::vector<std::string>& ssids, bool full) {
  w.BeginObject();
  w.Key("name").String(c.name);
  w.Key("vendor").String(c.vendor);
  if (full) {
    w.Key("host").String(c.host);
    w.Key("port").Integer(c.port);
  }
  w.Key("up").Bool(c.up);
  if (full) {
    w.Key("aps");
    WriteNames(w, c.aps);
  }
  w.Key("aps_reported");
  WriteNames(w, c.aps_reported);
  w.Key("aps_up").Integer(c.aps_up);
  w.Key("clients").Integer(c.clients);
  w.Key("ssid_clients");
  WriteSsidCounts(w, ssids, c.ssid_clients);
  if (full) {
    w.Key("unanswered");
    WriteIntervals(w, c.unanswered);
  }
  w.EndObject();
}

void WriteApIdentity(detail::JsonWriter& w, const ApTruth& ap) {
  w.Key("name").String(ap.name);
  w.Key("location").String(ap.location);
  w.Key("controller");
  if (ap.controller.empty()) {
    w.Null();
  } else {
    w.String(ap.controller);
  }
}

void WriteBytes(detail::JsonWriter& w, const ByteTotals& b) {
  w.Key("rx_bytes").Unsigned(b.rx);
  w.Key("tx_bytes").Unsigned(b.tx);
}

}  // namespace

std::string ToJson(const FleetTruth& truth) {
  detail::JsonWriter w;
  w.BeginObject();
  w.Key("sim_start").Number(truth.sim_start);
  w.Key("from").Number(truth.from);
  w.Key("at").Number(truth.at);
  w.Key("ssids");
  WriteNames(w, truth.ssids);
  w.Key("aps").BeginArray();
  for (const auto& ap : truth.aps) {
    w.BeginObject();
    WriteApIdentity(w, ap);
    w.Key("host").String(ap.host);
    w.Key("port").Integer(ap.port);
    if (!ap.controller.empty()) {
      w.Key("mac").String(ap.mac);
      w.Key("reported").Bool(ap.reported);
    }
    w.Key("up").Bool(ap.up);
    WriteBytes(w, ap.bytes);
    w.Key("clients");
    WriteClients(w, ap.clients, truth.ssids);
    w.Key("reboots").Integer(ap.reboots);
    w.Key("engine_boots").Integer(ap.engine_boots);
    w.Key("boot_time").Number(ap.boot_time);
    w.Key("down");
    WriteIntervals(w, ap.down);
    w.Key("unanswered");
    WriteIntervals(w, ap.unanswered);
    if (ap.answered) {
      w.Key("first_answered_at").Number(ap.answered->first_at);
      w.Key("last_answered_at").Number(ap.answered->last_at);
      w.Key("rx_bytes_since_first_answer").Unsigned(ap.answered->bytes.rx);
      w.Key("tx_bytes_since_first_answer").Unsigned(ap.answered->bytes.tx);
      if (ap.answered->counter32_wraps >= 0) {
        w.Key("counter32_wraps").Integer(ap.answered->counter32_wraps);
      }
      if (ap.answered->vap_counter32_wraps >= 0) {
        w.Key("vap_counter32_wraps").Integer(ap.answered->vap_counter32_wraps);
      }
    }
    w.EndObject();
  }
  w.EndArray();
  w.Key("locations").BeginArray();
  for (const auto& l : truth.locations) {
    w.BeginObject();
    w.Key("name").String(l.name);
    w.Key("kind").String(l.kind);
    w.Key("district").String(l.district);
    w.Key("aps").Integer(l.aps);
    w.Key("aps_up").Integer(l.aps_up);
    WriteBytes(w, l.bytes);
    w.Key("clients");
    WriteClients(w, l.clients, truth.ssids);
    w.Key("rx_bytes_since_first_answer").Unsigned(l.bytes_since_first_answer.rx);
    w.Key("tx_bytes_since_first_answer").Unsigned(l.bytes_since_first_answer.tx);
    w.Key("state_seconds").BeginObject();
    w.Key("up").Number(l.state.up);
    w.Key("degraded").Number(l.state.degraded);
    w.Key("down").Number(l.state.down);
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.Key("controllers").BeginArray();
  for (const auto& c : truth.controllers) WriteController(w, c, truth.ssids, true);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string ToClientsJson(const FleetTruth& truth) {
  detail::JsonWriter w;
  w.BeginObject();
  w.Key("at").Number(truth.at);
  w.Key("ssids");
  WriteNames(w, truth.ssids);
  w.Key("aps").BeginArray();
  for (const auto& ap : truth.aps) {
    w.BeginObject();
    WriteApIdentity(w, ap);
    w.Key("up").Bool(ap.up);
    w.Key("clients");
    WriteClients(w, ap.clients, truth.ssids);
    w.EndObject();
  }
  w.EndArray();
  w.Key("locations").BeginArray();
  for (const auto& l : truth.locations) {
    w.BeginObject();
    w.Key("name").String(l.name);
    w.Key("kind").String(l.kind);
    w.Key("clients");
    WriteClients(w, l.clients, truth.ssids);
    w.EndObject();
  }
  w.EndArray();
  w.Key("controllers").BeginArray();
  for (const auto& c : truth.controllers) WriteController(w, c, truth.ssids, false);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

}  // namespace surfzone::sim
