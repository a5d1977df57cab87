// Google Benchmark micro-benchmarks of the per-poll and per-scrape hot paths:
//   - response varbinds -> ApSample (TableWalk bookkeeping + the generic profile's Decode),
//   - response datagram -> Varbinds (-> ApSample) with the native v1/v2c decoder and, for
//     comparison, net-snmp's snmp_parse + the conversion the v3 path uses,
//   - counter deltas per AP (ApTracker::ApplySample),
//   - /metrics rendering of a 20,000-AP snapshot (direct text vs prometheus-cpp).
#include <benchmark/benchmark.h>
#include <prometheus/text_serializer.h>

#include <string>

#include "detail/netsnmp.hpp"  // net-snmp's decoder, for comparison only
#include "surfzone/collectors/profile.hpp"
#include "surfzone/core/ap_tracker.hpp"
#include "surfzone/snmp/ber.hpp"
#include "surfzone/snmp/engine.hpp"
#include "surfzone/snmp/table_walk.hpp"
#include "surfzone/state/exposition.hpp"

namespace surfzone {
namespace {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using snmp::Varbind;
using snmp::Varbinds;

Value Unsigned(ValueType type, std::uint64_t v) {
  Value out;
  out.type = type;
  out.unsigned_ = v;
  return out;
}
Value Integer(std::int64_t v) {
  Value out;
  out.type = ValueType::kInteger;
  out.integer = v;
  return out;
}
Value Text(std::string s) {
  Value out;
  out.type = ValueType::kOctetString;
  out.bytes = std::move(s);
  return out;
}

// The answer of an AP with `interfaces` interfaces to the generic profile's table columns, in
// GETBULK row-major order (one row of every column, then the next row), then the end markers.
Varbinds TableResponse(const std::vector<Oid>& columns, int interfaces, std::uint64_t traffic) {
  Varbinds out;
  for (int row = 1; row <= interfaces + 1; ++row) {
    for (const Oid& column : columns) {
      const auto idx = static_cast<std::uint32_t>(row);
      if (row > interfaces) {  // past the table: the next object
        out.push_back({Oid{1, 3, 6, 1, 2, 1, 99, idx}, Integer(0)});
        continue;
      }
      const std::uint32_t col = column[column.size() - 1];
      const bool x = column.size() == 11;  // ifXEntry columns have one arc more
      Value v;
      if (!x && col == 2) v = Text("wlan" + std::to_string(row));
      if (!x && col == 3) v = Integer(row == 1 ? 6 : 71);
      if (!x && col == 5) v = Unsigned(ValueType::kGauge32, 1000000000);
      if (!x && col == 8) v = Integer(1);
      if (!x && (col == 10 || col == 16)) v = Unsigned(ValueType::kCounter32, traffic & 0xffffffff);
      if (x && col == 1) v = Text("wlan" + std::to_string(row));
      if (x && (col == 6 || col == 10)) v = Unsigned(ValueType::kCounter64, traffic * row);
      if (x && col == 15) v = Unsigned(ValueType::kGauge32, 1000);
      out.push_back({column.Child({idx}), v});
    }
  }
  return out;
}

void AddScalars(collectors::PollResult& result, std::uint32_t uptime) {
  result.scalars[Oid{1, 3, 6, 1, 2, 1, 1, 1, 0}] = Text("UniFi AP-AC-Pro 6.5.62");
  result.scalars[Oid{1, 3, 6, 1, 2, 1, 1, 2, 0}] = Text("1.3.6.1.4.1.41112");
  result.scalars[Oid{1, 3, 6, 1, 2, 1, 1, 3, 0}] = Unsigned(ValueType::kTimeTicks, uptime);
  result.scalars[Oid{1, 3, 6, 1, 2, 1, 1, 5, 0}] = Text("ap-0001");
}

std::vector<Oid> GenericColumns(const collectors::Profile& profile) {
  std::vector<Oid> columns;
  for (const auto& t : profile.plan().tables) {
    columns.insert(columns.end(), t.columns.begin(), t.columns.end());
  }
  return columns;
}

// Walk bookkeeping + profile Decode of one response, as the poller does after the round trip.
void IntoSample(const collectors::Profile& profile, const std::vector<Oid>& columns,
                const Varbinds& response) {
  snmp::TableWalk walk(columns, 10000);
  walk.Feed(response);
  collectors::PollResult result;
  AddScalars(result, 123456);
  std::size_t column = 0;
  for (const auto& t : profile.plan().tables) {
    auto& cells = result.tables.emplace_back();
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      cells.push_back(std::move(walk.results()[column++]));
    }
  }
  collectors::ApSample sample;
  profile.Decode(result, sample);
  benchmark::DoNotOptimize(sample);
}

// The v2c GETBULK response datagram carrying TableResponse(...).
std::vector<std::uint8_t> ResponseDatagram(const Varbinds& varbinds) {
  snmp::ber::Message m;
  m.community = "public";
  m.type = snmp::ber::PduType::kResponse;
  m.request_id = 1234567;
  m.varbinds = varbinds;
  std::vector<std::uint8_t> bytes;
  snmp::ber::EncodeMessage(m, bytes);
  return bytes;
}

Varbinds NativeDecode(const std::vector<std::uint8_t>& bytes) {
  snmp::ber::MessageHeader h;
  Varbinds out;
  if (snmp::ber::DecodeHeader(bytes, h) != snmp::ber::DecodeStatus::kOk ||
      snmp::ber::DecodeVarbindList(h.varbind_list, out) != snmp::ber::DecodeStatus::kOk) {
    out.clear();
  }
  return out;
}

// What a v1/v2c answer cost with net-snmp: snmp_parse into a netsnmp_pdu, then conversion.
Varbinds NetsnmpDecode(std::vector<std::uint8_t>& bytes) {
  netsnmp_session s;
  snmp_sess_init(&s);
  netsnmp_pdu* pdu = snmp_pdu_create(0);
  Varbinds out;
  if (snmp_parse(nullptr, &s, pdu, bytes.data(), bytes.size()) == 0) {
    out = snmp::detail::DecodeVarbinds(pdu);
  }
  snmp_free_pdu(pdu);
  return out;
}

// Datagram bytes -> Varbinds: arg 0 = interfaces, arg 1 = 0 native / 1 net-snmp.
void BM_ResponseDatagramDecode(benchmark::State& state) {
  const snmp::Engine engine;  // net-snmp initialised as the daemon does
  const auto profile = collectors::MakeBuiltinProfile("generic");
  const auto columns = GenericColumns(*profile);
  auto bytes = ResponseDatagram(TableResponse(columns, static_cast<int>(state.range(0)), 1234));
  const bool netsnmp = state.range(1) != 0;
  std::size_t varbinds = 0;
  for (auto _ : state) {
    const Varbinds vbs = netsnmp ? NetsnmpDecode(bytes) : NativeDecode(bytes);
    varbinds = vbs.size();
    benchmark::DoNotOptimize(vbs.data());
  }
  if (varbinds == 0) state.SkipWithError("the datagram did not decode");
  state.SetLabel(netsnmp ? "net-snmp" : "native");
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes.size()));
}
BENCHMARK(BM_ResponseDatagramDecode)->Args({4, 0})->Args({4, 1})->Args({16, 0})->Args({16, 1});

// Datagram bytes -> Varbinds -> ApSample: the whole per-answer CPU path of a poll.
void BM_DatagramIntoSample(benchmark::State& state) {
  const snmp::Engine engine;
  const auto profile = collectors::MakeBuiltinProfile("generic");
  const auto columns = GenericColumns(*profile);
  auto bytes = ResponseDatagram(TableResponse(columns, static_cast<int>(state.range(0)), 1234));
  const bool netsnmp = state.range(1) != 0;
  for (auto _ : state) {
    IntoSample(*profile, columns, netsnmp ? NetsnmpDecode(bytes) : NativeDecode(bytes));
  }
  state.SetLabel(netsnmp ? "net-snmp" : "native");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DatagramIntoSample)->Args({4, 0})->Args({4, 1})->Args({16, 0})->Args({16, 1});

// One poll's answer (4 interfaces) -> ApSample, as the poller does after the SNMP round trip.
void BM_DecodeIntoSample(benchmark::State& state) {
  const auto profile = collectors::MakeBuiltinProfile("generic");
  const auto columns = GenericColumns(*profile);
  const int interfaces = static_cast<int>(state.range(0));
  const Varbinds response = TableResponse(columns, interfaces, 123456789);
  for (auto _ : state) IntoSample(*profile, columns, response);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DecodeIntoSample)->Arg(4)->Arg(16);

// Counter deltas of one AP's interfaces into its totals (reboot/wrap/cap checks included).
void BM_CounterDeltaPerAp(benchmark::State& state) {
  const auto profile = collectors::MakeBuiltinProfile("generic");
  collectors::ApSample sample;
  sample.system.sys_uptime_ticks = 1000;
  for (std::uint32_t i = 1; i <= 4; ++i) {
    collectors::InterfaceSample s;
    s.index = i;
    s.name = "wlan" + std::to_string(i);
    s.type = 71;
    s.oper_status = 1;
    s.width = collectors::CounterWidth::k64;
    s.speed_bps = 1000000000;
    s.in_octets = s.out_octets = 0;
    sample.interfaces.push_back(s);
  }
  core::ApTracker tracker;
  const std::string source = profile->TrafficSource(sample);
  double t = 1.7e9;
  for (auto _ : state) {
    t += 30;
    sample.poll_time_seconds = t;
    *sample.system.sys_uptime_ticks += 3000;
    for (auto& s : sample.interfaces) {
      *s.in_octets += 1000000;
      *s.out_octets += 500000;
    }
    benchmark::DoNotOptimize(tracker.ApplySample(sample, source, 0.01));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CounterDeltaPerAp);

state::Snapshot FleetSnapshot(std::size_t aps) {
  state::Snapshot s;
  for (std::size_t i = 0; i < aps; ++i) {
    state::ApSnapshot a;
    a.name = "ap-" + std::to_string(i);
    a.location = "Location " + std::to_string(i / 4);
    a.kind = "park";
    a.district = "District " + std::to_string(i % 30);
    a.address = "127.1." + std::to_string(i / 250) + "." + std::to_string(i % 250) + ":161";
    a.profile = "generic";
    a.sys_name = a.name;
    a.sys_descr = "UniFi AP-AC-Pro 6.5.62";
    a.sys_object_id = "1.3.6.1.4.1.41112";
    a.traffic_source = "if-mib-64";
    a.up = true;
    a.boot_time_seconds = 1.7e9 + static_cast<double>(i);
    a.rx_bytes = 123456789012ull + i;
    a.tx_bytes = 42 + i;
    a.last_poll_timestamp_seconds = a.last_success_timestamp_seconds = 1.70000001e9;
    a.poll_duration_seconds = 0.0123;
    a.polls_total = 1000;
    s.aps.push_back(std::move(a));
  }
  for (std::size_t l = 0; l < aps / 4; ++l) {
    state::LocationSnapshot loc;
    loc.name = "Location " + std::to_string(l);
    loc.kind = "park";
    loc.district = "District " + std::to_string(l % 30);
    loc.lat = 56.0 + static_cast<double>(l) * 1e-5;
    loc.lon = 12.7;
    loc.aps = loc.aps_up = 4;
    loc.seconds_up = 3600;
    s.locations.push_back(std::move(loc));
  }
  state::IndexApLabels(s, s.aps.size());  // as the fleet's snapshot builder does
  return s;
}

void BM_RenderSnapshotText(benchmark::State& state) {
  const state::Snapshot snapshot = FleetSnapshot(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string out;
    out.reserve(bytes + bytes / 8);
    state::WriteSnapshotText(snapshot, out);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderSnapshotText)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

// The previous path, for comparison: prometheus-cpp objects, then its TextSerializer.
void BM_RenderSnapshotPrometheusCpp(benchmark::State& state) {
  const state::Snapshot snapshot = FleetSnapshot(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string out = prometheus::TextSerializer().Serialize(state::RenderSnapshot(snapshot));
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderSnapshotPrometheusCpp)->Arg(2000)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace surfzone

BENCHMARK_MAIN();
