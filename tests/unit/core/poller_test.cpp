// The poll path (Poller -> ExecutePlan -> profile decode -> Fleet) against in-memory agents
// (snmp::MibClient): success, timeout with backoff, a walk cut short, the in-flight cap, an AP
// removed or moved by a reload while its poll is in flight, and a controller poll that updates
// every AP it manages. Every expected number comes from the agent's own MIB or from the
// backoff rule, not from the code under test.
#include "surfzone/core/poller.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "surfzone/collectors/profile.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/core/fleet.hpp"
#include "surfzone/core/self_metrics.hpp"
#include "surfzone/snmp/mib_client.hpp"
#include "surfzone/snmp/walk_file.hpp"
#include "surfzone/state/backoff.hpp"
#include "surfzone/state/exposition.hpp"

namespace surfzone::core {
namespace {
namespace asio = boost::asio;
using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using std::chrono::milliseconds;
using SteadyClock = std::chrono::steady_clock;

const Oid kSysDescr{1, 3, 6, 1, 2, 1, 1, 1, 0};
const Oid kSysObjectId{1, 3, 6, 1, 2, 1, 1, 2, 0};
const Oid kSysUpTime{1, 3, 6, 1, 2, 1, 1, 3, 0};
const Oid kSysName{1, 3, 6, 1, 2, 1, 1, 5, 0};
const Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
const Oid kIfXEntry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};

// A small AP as net-snmp shows one: lo (excluded from traffic) and `ifs` more interfaces with
// 64-bit counters set to `rx` / `tx` each.
void FillAp(snmp::Mib& mib, const std::string& name, std::uint64_t rx, std::uint64_t tx,
            std::uint32_t uptime_ticks = 100000, int ifs = 2) {
  mib.Set(kSysDescr, Value::String("Linux " + name));
  mib.Set(kSysObjectId, Value::ObjectId(Oid{1, 3, 6, 1, 4, 1, 8072, 3, 2, 10}));
  mib.Set(kSysUpTime, Value::Unsigned(ValueType::kTimeTicks, uptime_ticks));
  mib.Set(kSysName, Value::String(name));
  for (std::uint32_t i = 1; i <= static_cast<std::uint32_t>(ifs) + 1; ++i) {
    const bool lo = i == 1;
    mib.Set(kIfEntry.Child({1, i}), Value::Integer(i));
    mib.Set(kIfEntry.Child({2, i}), Value::String(lo ? "lo" : "wlan" + std::to_string(i)));
    mib.Set(kIfEntry.Child({3, i}), Value::Integer(lo ? 24 : 71));
    mib.Set(kIfEntry.Child({8, i}), Value::Integer(1));
    mib.Set(kIfEntry.Child({10, i}),
            Value::Unsigned(ValueType::kCounter32, (lo ? 7 : rx) & 0xffffffff));
    mib.Set(kIfEntry.Child({16, i}),
            Value::Unsigned(ValueType::kCounter32, (lo ? 7 : tx) & 0xffffffff));
    mib.Set(kIfXEntry.Child({1, i}), Value::String(lo ? "lo" : "wlan" + std::to_string(i)));
    mib.Set(kIfXEntry.Child({6, i}), Value::Unsigned(ValueType::kCounter64, lo ? 7 : rx));
    mib.Set(kIfXEntry.Child({10, i}), Value::Unsigned(ValueType::kCounter64, lo ? 7 : tx));
  }
}

config::Config Load(const std::string& yaml) {
  return config::LoadString(yaml, "<test>", collectors::ConfigLoadOptions());
}

// A fleet polled by a Poller whose clients are MibClients, one agent per UDP port.
class PollHarness {
 public:
  PollHarness()
      : poller_(
            io_.get_executor(),
            [this](snmp::SessionOptions o) -> std::shared_ptr<snmp::Client> {
              opened_.push_back({o.peer.port(), SteadyClock::now()});
              return std::make_shared<snmp::MibClient>(io_.get_executor(), Agent(o.peer.port()),
                                                       std::move(o));
            },
            fleet_, metrics_) {}
  ~PollHarness() {
    poller_.Stop();
    io_.run_for(milliseconds(50));  // let closed requests complete
  }

  std::shared_ptr<snmp::MibAgent> Agent(std::uint16_t port) {
    auto& a = agents_[port];
    if (!a) a = std::make_shared<snmp::MibAgent>();
    return a;
  }

  // What the daemon does with a config (Daemon::ApplyConfig).
  void Apply(const config::Config& cfg) {
    poller_.SetMaxInFlight(cfg.max_in_flight);
    poller_.Add(fleet_.Apply(cfg));
  }

  // Runs the event loop one handler at a time until `done` or the deadline; `each` sees every
  // step. Returns whether `done` became true.
  bool RunUntil(const std::function<bool()>& done, milliseconds deadline = milliseconds(10000),
                const std::function<void()>& each = {}) {
    const auto until = SteadyClock::now() + deadline;
    while (!done()) {
      if (SteadyClock::now() > until) return false;
      io_.restart();
      if (io_.run_one_for(milliseconds(20)) > 0 && each) each();
    }
    return true;
  }

  const ApEntry* Find(const std::string& name) const {
    for (const auto& e : fleet_.aps()) {
      if (e->cfg.name == name) return e.get();
    }
    for (const auto& e : fleet_.controllers()) {
      if (e->cfg.name == name) return e.get();
    }
    return nullptr;
  }
  state::Snapshot Snapshot() const { return fleet_.BuildSnapshot(); }
  const state::LocationSnapshot* Location(const state::Snapshot& s, const std::string& name) {
    for (const auto& l : s.locations) {
      if (l.name == name) return &l;
    }
    return nullptr;
  }
  std::uint64_t Polls(const std::string& name) const {
    const ApEntry* e = Find(name);
    return e ? e->tracker.polls() : 0;
  }

  Poller& poller() { return poller_; }
  Fleet& fleet() { return fleet_; }
  struct Opened {
    std::uint16_t port;
    SteadyClock::time_point at;
  };
  const std::vector<Opened>& opened() const { return opened_; }

 private:
  asio::io_context io_;
  Fleet fleet_;
  SelfMetrics metrics_;
  std::map<std::uint16_t, std::shared_ptr<snmp::MibAgent>> agents_;
  std::vector<Opened> opened_;
  Poller poller_;
};

std::string OneApConfig(const std::string& interval = "300ms", int port = 16100) {
  return R"(
auths: {v2: {version: 2c, community: public}}
defaults: {auth: v2, interval: )" +
         interval + R"(, timeout: 40ms, retries: 0}
locations:
  - name: Torget
    kind: square
    access_points:
      - {name: ap-1, address: "127.0.0.1:)" +
         std::to_string(port) + R"(", profile: generic}
)";
}

TEST(PollerPath, SuccessfulPollsCountTheAgentsTrafficDeltas) {
  PollHarness h;
  FillAp(h.Agent(16100)->mib, "ap-1", 1000, 500);
  h.Apply(Load(OneApConfig()));
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 1; }));
  EXPECT_EQ(h.Find("ap-1")->tracker.up(), true);
  // The first poll is the baseline; 2 counted interfaces grow by 300 rx / 40 tx each.
  FillAp(h.Agent(16100)->mib, "ap-1", 1300, 540);
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 2; }));
  const state::Snapshot s = h.Snapshot();
  ASSERT_EQ(s.aps.size(), 1u);
  EXPECT_TRUE(s.aps[0].known);
  EXPECT_TRUE(s.aps[0].up);
  EXPECT_EQ(std::string(s.aps[0].sys_name), "ap-1");
  EXPECT_EQ(s.aps[0].rx_bytes, 600u);
  EXPECT_EQ(s.aps[0].tx_bytes, 80u);
  EXPECT_EQ(s.aps[0].poll_failures_total, 0u);
  const auto* torget = h.Location(s, "Torget");
  ASSERT_NE(torget, nullptr);
  EXPECT_EQ(torget->rx_bytes, 600u);
  EXPECT_EQ(torget->aps_up, 1);
}

TEST(PollerPath, DeadApBacksOffAndComesBack) {
  PollHarness h;
  auto agent = h.Agent(16100);
  FillAp(agent->mib, "ap-1", 1000, 500);
  agent->responding = false;
  const auto interval = milliseconds(640), timeout = milliseconds(40);
  h.Apply(Load(OneApConfig("640ms")));
  // Every failed poll closes its client, so each attempt opens a new one: opened() lists them.
  ASSERT_TRUE(h.RunUntil([&] { return h.opened().size() >= 6; }));
  const ApEntry* ap = h.Find("ap-1");
  EXPECT_EQ(ap->tracker.up(), false);
  for (std::size_t i = 1; i < h.opened().size(); ++i) {
    // Attempt i started after attempt i-1's timeout plus the backoff after i failures.
    const auto gap = h.opened()[i].at - h.opened()[i - 1].at;
    const auto backoff = state::NextPollDelay(interval, timeout, static_cast<int>(i));
    EXPECT_GE(gap, timeout + backoff - milliseconds(2)) << "attempt " << i;
  }
  // Backoff doubles from max(timeout, interval/16) = 40 ms: 40, 80, 160, 320, then 640.
  EXPECT_EQ(state::NextPollDelay(interval, timeout, 1), milliseconds(40));
  EXPECT_EQ(state::NextPollDelay(interval, timeout, 5), interval);
  const std::uint64_t failures = ap->tracker.polls();
  agent->responding = true;
  ASSERT_TRUE(h.RunUntil([&] { return h.Find("ap-1")->tracker.up() == true; }));
  EXPECT_EQ(h.Find("ap-1")->tracker.backoff().consecutive_failures, 0);
  EXPECT_GT(h.Find("ap-1")->tracker.polls(), failures);
}

TEST(PollerPath, WalkCutShortIsAFailedPollAndAddsNoTraffic) {
  PollHarness h;
  auto agent = h.Agent(16100);
  FillAp(agent->mib, "ap-1", 1000, 500, 100000, 40);  // 41 interfaces: several GETBULKs
  agent->max_varbinds = 30;
  h.Apply(Load(OneApConfig()));
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 1; }));
  ASSERT_EQ(h.Find("ap-1")->tracker.up(), true);
  const int requests_per_poll = agent->requests;
  ASSERT_GT(requests_per_poll, 2) << "the walk must need several requests";
  // The next poll gets its first answer, then the agent goes silent mid-walk.
  FillAp(agent->mib, "ap-1", 5000, 5000, 100300, 40);
  agent->answer_requests = 1;
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 2; }));
  const state::Snapshot s = h.Snapshot();
  EXPECT_FALSE(s.aps[0].up);
  EXPECT_EQ(s.aps[0].poll_failures_total, 1u);
  EXPECT_EQ(s.aps[0].rx_bytes, 0u) << "half a walk must not be counted";
  // Back: the full walk counts the whole delta since the last complete poll, 40 x 4000.
  agent->answer_requests = -1;
  ASSERT_TRUE(h.RunUntil([&] { return h.Find("ap-1")->tracker.up() == true; }));
  EXPECT_EQ(h.Snapshot().aps[0].rx_bytes, 40u * 4000u);
}

TEST(PollerPath, InFlightCapHoldsAndEveryApIsPolled) {
  PollHarness h;
  std::string yaml = R"(
auths: {v2: {version: 2c, community: public}}
defaults: {auth: v2, interval: 2s, timeout: 500ms, retries: 0, max_in_flight: 3}
locations:
  - name: Park
    kind: park
    access_points:
)";
  constexpr int kAps = 12;
  for (int i = 0; i < kAps; ++i) {
    const auto port = static_cast<std::uint16_t>(16200 + i);
    auto agent = h.Agent(port);
    FillAp(agent->mib, "p" + std::to_string(i), 10, 10);
    agent->delay = milliseconds(60);
    yaml += "      - {name: p" + std::to_string(i) +
            ", address: \"127.0.0.1:" + std::to_string(port) + "\", profile: generic}\n";
  }
  h.Apply(Load(yaml));
  int most = 0;
  const bool all = h.RunUntil(
      [&] {
        for (int i = 0; i < kAps; ++i) {
          if (h.Polls("p" + std::to_string(i)) < 1) return false;
        }
        return true;
      },
      milliseconds(10000), [&] { most = std::max(most, h.poller().in_flight()); });
  EXPECT_TRUE(all);
  EXPECT_LE(most, 3);
  EXPECT_EQ(most, 3) << "12 slow polls due within 2 s must fill the 3 slots";
}

TEST(PollerPath, ApRemovedByReloadMidPollLeavesNoTrace) {
  PollHarness h;
  auto slow = h.Agent(16100);
  FillAp(slow->mib, "ap-1", 1000, 500);
  slow->delay = milliseconds(150);
  FillAp(h.Agent(16101)->mib, "ap-2", 1000, 500);
  const std::string both = R"(
auths: {v2: {version: 2c, community: public}}
defaults: {auth: v2, interval: 400ms, timeout: 1s, retries: 0}
locations:
  - name: Torget
    kind: square
    access_points:
      - {name: ap-1, address: "127.0.0.1:16100", profile: generic}
      - {name: ap-2, address: "127.0.0.1:16101", profile: generic}
)";
  h.Apply(Load(both));
  ASSERT_TRUE(h.RunUntil([&] { return h.Find("ap-1") && h.Find("ap-1")->polling; }));
  std::string without = both.substr(0, both.find("      - {name: ap-1"));
  without += "      - {name: ap-2, address: \"127.0.0.1:16101\", profile: generic}\n";
  h.Apply(Load(without));
  h.poller().FleetChanged();
  EXPECT_EQ(h.Find("ap-1"), nullptr);
  ASSERT_TRUE(h.RunUntil([&] { return h.poller().in_flight() == 0 && h.Polls("ap-2") >= 2; }));
  const state::Snapshot s = h.Snapshot();
  ASSERT_EQ(s.aps.size(), 1u);
  EXPECT_EQ(std::string(s.aps[0].name), "ap-2");
  const auto* torget = h.Location(s, "Torget");
  ASSERT_NE(torget, nullptr);
  EXPECT_EQ(torget->aps, 1);
  EXPECT_EQ(torget->aps_up, 1);
}

TEST(PollerPath, ApMovedByReloadMidPollIsNotCountedDown) {
  PollHarness h;
  auto old_agent = h.Agent(16100);
  FillAp(old_agent->mib, "ap-1", 1000, 500);
  FillAp(h.Agent(16109)->mib, "ap-1", 1000, 500);
  h.Apply(Load(OneApConfig("400ms", 16100)));
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 1; }));
  old_agent->delay = milliseconds(150);
  ASSERT_TRUE(h.RunUntil([&] { return h.Find("ap-1")->polling; }));
  h.Apply(Load(OneApConfig("400ms", 16109)));  // same AP, new address, while its poll waits
  h.poller().FleetChanged();
  ASSERT_TRUE(h.RunUntil([&] {
    for (const auto& o : h.opened()) {
      if (o.port == 16109) return h.Polls("ap-1") >= 3;
    }
    return false;
  }));
  const state::Snapshot s = h.Snapshot();
  EXPECT_TRUE(s.aps[0].up);
  EXPECT_EQ(s.aps[0].poll_failures_total, 0u) << "a reload is not an outage";
  EXPECT_EQ(s.aps[0].reboots, 0u);
}

TEST(PollerPath, ControllerPollUpdatesEveryManagedAp) {
  PollHarness h;
  // A real Aruba Instant VC recording (tests/fixtures/walks/README.md: 3 APs up, 0 clients).
  auto agent = h.Agent(16300);
  agent->mib = snmp::LoadSnmprecFile(std::string(SURFZONE_WALKS_DIR) + "/aruba-instant.snmprec");
  // The APs' names as the recording reports them (wlanAPName, 1.3.6.1.4.1.14823.2.3.3.1.2.1.1.2).
  std::vector<std::string> names;
  const Oid name_column{1, 3, 6, 1, 4, 1, 14823, 2, 3, 3, 1, 2, 1, 1, 2};
  for (const auto& [oid, value] : agent->mib.values()) {
    if (oid.StartsWith(name_column) && oid != name_column) names.push_back(*value.AsText());
  }
  ASSERT_EQ(names.size(), 3u);
  std::string yaml = R"(
auths: {v2: {version: 2c, community: public}}
defaults: {auth: v2, interval: 400ms, timeout: 200ms, retries: 0}
controllers:
  - {name: vc, address: "127.0.0.1:16300", profile: aruba-instant}
locations:
  - name: Hamnen
    kind: harbour
    access_points:
)";
  for (const auto& n : names) yaml += "      - {name: \"" + n + "\", controller: vc}\n";
  yaml += "      - {name: not-reported, controller: vc}\n";
  h.Apply(Load(yaml));
  ASSERT_EQ(h.fleet().pollables().size(), 1u) << "only the controller is polled";
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("vc") >= 1; }));
  for (const auto& n : names) EXPECT_EQ(h.Find(n)->tracker.up(), true) << n;
  EXPECT_EQ(h.Find("not-reported")->tracker.up(), false);
  const state::Snapshot s = h.Snapshot();
  const auto* hamnen = h.Location(s, "Hamnen");
  ASSERT_NE(hamnen, nullptr);
  EXPECT_EQ(hamnen->aps, 4);
  EXPECT_EQ(hamnen->aps_up, 3);
  // The controller stops answering: its APs become unknown, not down.
  agent->responding = false;
  ASSERT_TRUE(h.RunUntil([&] { return h.Find("vc")->tracker.up() == false; }));
  const state::Snapshot after = h.Snapshot();
  EXPECT_EQ(h.Location(after, "Hamnen")->aps_unknown, 4);
  EXPECT_EQ(h.Location(after, "Hamnen")->aps_up, 0);
}

TEST(PollerPath, BrokenTextFromTheNetworkNeverReachesALabelRaw) {
  PollHarness h;
  auto agent = h.Agent(16100);
  FillAp(agent->mib, "ap-1", 1000, 500);
  agent->mib.Set(kSysName, Value::String("R\xE5" "dhus\xFF"));     // Latin-1 and garbage
  agent->mib.Set(kSysDescr, Value::String("fw \xE2\x82 1.0"));  // truncated UTF-8
  h.Apply(Load(OneApConfig()));
  ASSERT_TRUE(h.RunUntil([&] { return h.Polls("ap-1") >= 1; }));
  const state::Snapshot s = h.Snapshot();
  EXPECT_EQ(std::string(s.aps[0].sys_name),
            "R\xEF\xBF\xBD"
            "dhus\xEF\xBF\xBD");
  std::string text;
  state::WriteSnapshotText(s, text);
  EXPECT_EQ(snmp::ValidUtf8(text), text) << "the /metrics text must be valid UTF-8";
}

}  // namespace
}  // namespace surfzone::core
