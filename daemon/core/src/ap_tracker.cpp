#include "surfzone/core/ap_tracker.hpp"

#include <atomic>

namespace surfzone::core {
namespace {

state::CounterWidth Width(collectors::CounterWidth w) {
  return w == collectors::CounterWidth::k64 ? state::CounterWidth::k64 : state::CounterWidth::k32;
}

}  // namespace

template <typename Key, typename K>
ApTracker::InterfaceCounters& ApTracker::Row(CounterRows<Key>& rows, const K& key,
                                             std::size_t expected, bool& inserted) {
  for (auto& [k, c] : rows) {
    if (k == key) {
      inserted = false;
      return c;
    }
  }
  if (rows.empty()) rows.reserve(expected);
  inserted = true;
  return rows.emplace_back(Key(key), InterfaceCounters{}).second;
}

std::uint64_t ApTracker::NextChangeMark() {
  static std::atomic<std::uint64_t> last{0};
  return last.fetch_add(1, std::memory_order_relaxed) + 1;
}

TrafficDelta ApTracker::ApplySample(const collectors::ApSample& sample,
                                    const std::string& traffic_source, double poll_duration_seconds,
                                    WifiFacts wifi) {
  change_mark_ = NextChangeMark();
  bool restarted = false;
  if (sample.system.sys_uptime_ticks) {
    restarted = reboot_.Observe({.poll_time_seconds = sample.poll_time_seconds,
                                 .sys_uptime_ticks = *sample.system.sys_uptime_ticks,
                                 .engine_boots = sample.system.engine_boots,
                                 .engine_time_seconds = sample.system.engine_time_seconds});
  }
  // A counter can grow by at most link speed x time since the last good reading; twice that
  // is the plausibility cap that keeps an agent restart (counters kept, uptime reset) or a
  // glitch from becoming a spike.
  const double elapsed = last_success_ ? sample.poll_time_seconds - *last_success_ : 0.0;

  TrafficDelta delta;
  for (const auto& iface : sample.interfaces) {
    if (!iface.carries_wifi_traffic || !iface.in_octets || !iface.out_octets) continue;
    std::uint64_t max_delta = 0;
    if (iface.speed_bps > 0 && elapsed > 0) {
      max_delta =
          static_cast<std::uint64_t>(2.0 * static_cast<double>(iface.speed_bps) / 8.0 * elapsed) +
          1;
    }
    bool inserted = false;
    InterfaceCounters& c = Row(interfaces_, iface.index, sample.interfaces.size(), inserted);
    if (inserted && restarted) {
      // A new row right after a reboot counted from zero at boot: start it at zero.
      c.in.Update(0, Width(iface.width), false);
      c.out.Update(0, Width(iface.width), false);
    }
    delta.rx += c.in.Update(*iface.in_octets, Width(iface.width), restarted, max_delta);
    delta.tx += c.out.Update(*iface.out_octets, Width(iface.width), restarted, max_delta);
  }
  for (const auto& counter : sample.wifi_traffic) {
    // No link speed for radio/VAP rows: no plausibility cap; 32-bit ones are unwrapped.
    const auto width = counter.wide ? state::CounterWidth::k64 : state::CounterWidth::k32;
    bool inserted = false;
    InterfaceCounters& c = Row(wifi_counters_, counter.key, sample.wifi_traffic.size(), inserted);
    if (inserted && restarted) {
      c.in.Update(0, width, false);
      c.out.Update(0, width, false);
    }
    delta.rx += c.in.Update(counter.rx, width, restarted);
    delta.tx += c.out.Update(counter.tx, width, restarted);
  }
  rx_total_ += delta.rx;
  tx_total_ += delta.tx;
  if (system_.sys_name != sample.system.sys_name || system_.sys_descr != sample.system.sys_descr ||
      system_.sys_object_id != sample.system.sys_object_id || traffic_source_ != traffic_source ||
      std::string_view(collectors::UptimeSource(system_)) !=
          collectors::UptimeSource(sample.system) ||
      wifi_.model != wifi.model || wifi_.firmware != wifi.firmware || wifi_.serial != wifi.serial ||
      wifi_.mac != wifi.mac) {
    facts_mark_ = NextChangeMark();
  }
  wifi_ = std::move(wifi);

  system_ = sample.system;
  traffic_source_ = traffic_source;
  up_ = true;
  last_poll_ = sample.poll_time_seconds;
  last_success_ = sample.poll_time_seconds;
  poll_duration_ = poll_duration_seconds;
  ++polls_;
  backoff_.RecordSuccess();
  return delta;
}

void ApTracker::ApplyFailure(double poll_time_seconds, double poll_duration_seconds) {
  change_mark_ = NextChangeMark();
  up_ = false;
  wifi_.clients = {};
  last_poll_ = poll_time_seconds;
  poll_duration_ = poll_duration_seconds;
  ++polls_;
  ++failures_;
  backoff_.RecordFailure();
}

void ApTracker::MarkUnknown() {
  change_mark_ = NextChangeMark();
  up_.reset();
  wifi_.clients = {};
}

void ApTracker::Rebaseline() {
  change_mark_ = NextChangeMark();
  for (auto& [index, c] : interfaces_) {
    c.in.Reset();
    c.out.Reset();
  }
  for (auto& [key, c] : wifi_counters_) {
    c.in.Reset();
    c.out.Reset();
  }
}

}  // namespace surfzone::core
