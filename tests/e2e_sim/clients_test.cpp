// surfzoned's Wi-Fi client metrics against the simulator's truth, exactly (no tolerance), for a
// mixed fleet: direct UniFi APs (profile unifi: per-AP VAP table with SSIDs), APs behind a Cisco
// WLC (a down AP vanishes from its tables; no per-AP SSID data), APs behind an Aruba Instant VC
// (a down AP stays with status down; no per-AP SSID data either), and one location mixing a
// direct AP with a WLC-managed one. Then faults: managed APs down, both controllers down (their
// APs are unknown, not down), and the recovery from each.
//
// Exactness. The simulator's client counts are constant within a simulated minute (truth.hpp).
// A scrape is compared only when (1) every AP whose state the daemon can know was polled after a
// first truth read (its surfzone_ap_last_poll_timestamp_seconds, the poll's start, is later than
// the moment that read returned), (2) a second truth read follows the scrape, and (3) both reads
// lie in the same simulated minute and show the same truth. Every answer behind the scrape then
// came from inside that minute and that truth. At speed 6 a minute lasts 10 real seconds and such
// a reading takes about 2 s at 1 s polls, so few attempts are lost to a minute boundary.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim_process.hpp"
#include "surfzoned_process.hpp"

namespace surfzone::e2e_sim {
namespace {

using e2e::Surfzoned;
using e2e::ValueOr;
using testing::MetricsText;
using SteadyClock = std::chrono::steady_clock;

constexpr double kSpeed = 6;  // sim seconds per real second: a simulated minute is 10 s
constexpr double kMinute = 60;

// Saturday 13:00 in July: busy squares and parks. Four direct APs and two controllers take six
// UDP agents; the managed APs have none. Direct APs get the `unifi` profile (--profiles auto with
// controllers in the fleet).
constexpr const char* kFleet = R"(
sim: {start: 2025-07-12T13:00:00, speed: 6}
controllers:
  - {name: wlc-centrum, vendor: cisco-wlc}
  - {name: vc-parks, vendor: aruba-instant}
locations:
  - {name: Stortorget, kind: square, aps: 3}
  - name: Hamnen
    kind: harbour
    aps: [{name: hamnen-1}, {name: hamnen-2, controller: wlc-centrum}]
  - {name: Kungstorget, kind: square, aps: 3, controller: wlc-centrum}
  - {name: Slottshagen, kind: park, aps: 3, controller: vc-parks}
)";
constexpr std::size_t kAgents = 6;

std::string Str(const boost::json::value& v) { return std::string(v.as_string()); }

bool SameMinute(double a, double b) { return std::floor(a / kMinute) == std::floor(b / kMinute); }

/// A scrape and the clients truth that every poll behind it saw.
struct Reading {
  MetricsText metrics;
  boost::json::value truth;  // GET /truth/clients?format=json
  int attempts = 0;
};

/// The truth without its time stamp: equal for two reads that show the same clients and states.
std::string Content(boost::json::value truth) {
  truth.as_object().erase("at");
  return boost::json::serialize(truth);
}

/// APs whose state the daemon can know: direct ones and those of controllers that answer.
std::vector<std::string> Knowable(const boost::json::value& truth) {
  std::set<std::string> silent;
  for (const auto& c : truth.at("controllers").as_array()) {
    if (!c.at("up").as_bool()) silent.insert(Str(c.at("name")));
  }
  std::vector<std::string> out;
  for (const auto& ap : truth.at("aps").as_array()) {
    const auto& controller = ap.at("controller");
    if (controller.is_null() || !silent.contains(Str(controller)))
      out.push_back(Str(ap.at("name")));
  }
  return out;
}

/// See the header comment. False if no consistent reading was possible within `limit`.
bool ReadConsistent(const SurfzoneSim& sim, const Surfzoned& daemon,
                    std::chrono::milliseconds limit, Reading* out) {
  const auto deadline = SteadyClock::now() + limit;
  for (int attempt = 1; SteadyClock::now() < deadline; ++attempt) {
    // A reading takes ~2 real seconds: do not start one in the last 2.5 s of a minute.
    const double now = sim.SimNow();
    const double minute_end = (std::floor(now / kMinute) + 1) * kMinute;
    if (minute_end - now < 2.5 * kSpeed) sim.WaitUntilSim(minute_end + 0.1, 5s);
    boost::json::value first = sim.ClientsTruth();
    const double first_returned = e2e::NowSeconds();
    const std::vector<std::string> polled = Knowable(first);
    MetricsText m;
    const bool all_polled = daemon.WaitFor(
        [&](const MetricsText& s) {
          for (const auto& ap : polled) {
            if (ValueOr(s, "surfzone_ap_last_poll_timestamp_seconds", {{"ap", ap}}) <
                first_returned) {
              return false;
            }
          }
          return true;
        },
        5s, &m);
    if (!all_polled) continue;
    boost::json::value second = sim.ClientsTruth();
    if (SameMinute(Num(first.at("at")), Num(second.at("at"))) &&
        Content(first) == Content(second)) {
      *out = {std::move(m), std::move(second), attempt};
      return true;
    }
  }
  return false;
}

/// Every exact comparison of one reading. APs behind a controller that does not answer are
/// unknown: no client series, no surfzone_ap_up sample, left out of their location's sums.
void ExpectClientsMatchTruth(const Reading& r) {
  const MetricsText& m = r.metrics;
  const boost::json::value& t = r.truth;
  std::set<std::string> silent_controllers;
  for (const auto& c : t.at("controllers").as_array()) {
    if (!c.at("up").as_bool()) silent_controllers.insert(Str(c.at("name")));
  }
  std::map<std::string, double> unknown_clients;  // per location: truth clients of unknown APs
  std::set<std::string> counted;                  // locations with an AP that has a count
  std::map<std::string, std::map<std::string, double>> ssid_want;  // from direct APs only
  for (const auto& ap : t.at("aps").as_array()) {
    const std::string name = Str(ap.at("name"));
    const std::string location = Str(ap.at("location"));
    const auto& clients = ap.at("clients");
    const auto& controller = ap.at("controller");
    SCOPED_TRACE("AP " + name);
    if (!controller.is_null() && silent_controllers.contains(Str(controller))) {
      unknown_clients[location] += Num(clients.at("total"));
      EXPECT_FALSE(m.Has("surfzone_ap_up", {{"ap", name}}));
      EXPECT_FALSE(m.Has("surfzone_ap_clients", {{"ap", name}}));
      EXPECT_FALSE(m.Has("surfzone_ap_radio_clients", {{"ap", name}}));
      continue;
    }
    if (!ap.at("up").as_bool()) {
      // Down: the truth has 0 clients; the daemon has no count, so it drops out of the sums.
      EXPECT_EQ(Num(clients.at("total")), 0);
      EXPECT_EQ(ValueOr(m, "surfzone_ap_up", {{"ap", name}}), 0);
      EXPECT_FALSE(m.Has("surfzone_ap_clients", {{"ap", name}}));
      EXPECT_FALSE(m.Has("surfzone_ap_radio_clients", {{"ap", name}}));
      continue;
    }
    counted.insert(location);
    EXPECT_EQ(ValueOr(m, "surfzone_ap_up", {{"ap", name}}), 1);
    EXPECT_EQ(ValueOr(m, "surfzone_ap_clients", {{"ap", name}, {"location", location}}),
              Num(clients.at("total")));
    // Radios by band: the radio keys differ by vendor (UniFi "ng"/"na", Cisco slots 0/1, Aruba
    // radio 0 = 5 GHz), the bands do not.
    for (const auto& radio : clients.at("radios").as_array()) {
      const std::string band = Str(radio.at("band"));
      EXPECT_EQ(m.Find("surfzone_ap_radio_clients", {{"ap", name}, {"band", band}}).size(), 1u)
          << band;
      EXPECT_EQ(m.Sum("surfzone_ap_radio_clients", {{"ap", name}, {"band", band}}),
                Num(radio.at("clients")))
          << band;
    }
    if (controller.is_null()) {
      for (const auto& [ssid, n] : clients.at("ssids").as_object()) {
        ssid_want[location][std::string(ssid)] += Num(n);
      }
    }
  }
  for (const auto& l : t.at("locations").as_array()) {
    const std::string name = Str(l.at("name"));
    SCOPED_TRACE("location " + name);
    if (counted.contains(name)) {
      // The truth's location total, less what the daemon cannot know.
      EXPECT_EQ(ValueOr(m, "surfzone_location_clients",
                        {{"location", name}, {"kind", Str(l.at("kind"))}}),
                Num(l.at("clients").at("total")) - unknown_clients[name]);
    } else {
      EXPECT_FALSE(m.Has("surfzone_location_clients", {{"location", name}}));
    }
    // Per SSID: only the direct UniFi APs have per-AP SSID data (the WLC's and the VC's SSID
    // tables are controller-wide), so a location behind controllers only has no SSID series.
    auto want = ssid_want.find(name);
    if (want == ssid_want.end()) {
      EXPECT_FALSE(m.Has("surfzone_ssid_clients", {{"location", name}}));
      continue;
    }
    EXPECT_EQ(m.Find("surfzone_ssid_clients", {{"location", name}}).size(), want->second.size());
    for (const auto& [ssid, n] : want->second) {
      EXPECT_EQ(ValueOr(m, "surfzone_ssid_clients", {{"location", name}, {"ssid", ssid}}), n)
          << ssid;
    }
  }
  for (const auto& c : t.at("controllers").as_array()) {
    const std::string name = Str(c.at("name"));
    SCOPED_TRACE("controller " + name);
    if (!c.at("up").as_bool()) {
      EXPECT_EQ(ValueOr(m, "surfzone_controller_up", {{"controller", name}}), 0);
      EXPECT_FALSE(m.Has("surfzone_controller_clients", {{"controller", name}}));
      EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", name}, {"state", "up"}}), 0);
      EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", name}, {"state", "down"}}),
                0);
      continue;
    }
    EXPECT_EQ(ValueOr(m, "surfzone_controller_up", {{"controller", name}}), 1);
    EXPECT_EQ(ValueOr(m, "surfzone_controller_clients", {{"controller", name}}),
              Num(c.at("clients")));
    // The daemon counts the rows it gets: up = reported and up, down = reported but down (the
    // WLC does not report a down AP at all, the VC reports it with status down).
    const double reported = static_cast<double>(c.at("aps_reported").as_array().size());
    const double up = Num(c.at("aps_up"));
    EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", name}, {"state", "up"}}), up);
    EXPECT_EQ(ValueOr(m, "surfzone_controller_aps", {{"controller", name}, {"state", "down"}}),
              reported - up);
  }
}

double LocationClients(const Reading& r, const std::string& location) {
  return Num(ByName(r.truth.at("locations"), location).at("clients").at("total"));
}

double ApUp(const MetricsText& m, const std::string& ap) {
  return ValueOr(m, "surfzone_ap_up", {{"ap", ap}});
}

double StateSeconds(const MetricsText& m, const std::string& location) {
  return m.Sum("surfzone_location_state_seconds_total", {{"location", location}});
}

bool TruthUp(const SurfzoneSim& sim, const std::string& ap) {
  return ByName(sim.ClientsTruth().at("aps"), ap).at("up").as_bool();
}

TEST(SimClients, ClientCountsMatchTheTruthForDirectAndControllerManagedAps) {
  testing::TempDir dir;
  const SurfzoneSim sim(dir.path(), kFleet, {.ap_count = kAgents});
  ASSERT_DOUBLE_EQ(sim.speed(), kSpeed);
  Surfzoned daemon(dir.path(), sim.config_path());
  const std::vector<std::string> all_aps = {"stortorget-1",  "stortorget-2",  "stortorget-3",
                                            "hamnen-1",      "hamnen-2",      "kungstorget-1",
                                            "kungstorget-2", "kungstorget-3", "slottshagen-1",
                                            "slottshagen-2", "slottshagen-3"};
  MetricsText m;
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        for (const auto& ap : all_aps) {
          if (ApUp(s, ap) != 1) return false;
        }
        return true;
      },
      10s, &m))
      << "not every AP came up; log:\n"
      << daemon.Log();
  // The direct APs really use the unifi profile (their SSIDs come from its VAP table).
  EXPECT_TRUE(m.Has("surfzone_ap_info", {{"ap", "stortorget-1"}, {"profile", "unifi"}}));

  // --- 1. Steady state: every AP, location, SSID and controller. ---
  Reading r;
  ASSERT_TRUE(ReadConsistent(sim, daemon, 20s, &r)) << "no consistent reading";
  {
    SCOPED_TRACE("steady state");
    ExpectClientsMatchTruth(r);
  }
  // Precondition: there is something to compare everywhere.
  for (const char* location : {"Stortorget", "Hamnen", "Kungstorget", "Slottshagen"}) {
    EXPECT_GT(LocationClients(r, location), 0) << location;
  }
  std::printf(
      "steady: %d attempt(s), clients Stortorget %.0f Hamnen %.0f Kungstorget %.0f "
      "Slottshagen %.0f\n",
      r.attempts, LocationClients(r, "Stortorget"), LocationClients(r, "Hamnen"),
      LocationClients(r, "Kungstorget"), LocationClients(r, "Slottshagen"));

  // --- 2. A managed AP down behind each controller: 60 sim s = 10 real s. ---
  sim.Inject("ap=kungstorget-2&kind=down&duration=60");
  sim.Inject("ap=slottshagen-2&kind=down&duration=60");
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ApUp(s, "kungstorget-2") == 0 && ApUp(s, "slottshagen-2") == 0;
      },
      5s, &m))
      << "the managed APs never showed down";
  ASSERT_TRUE(ReadConsistent(sim, daemon, 5s, &r)) << "no consistent reading during the outage";
  {
    SCOPED_TRACE("managed APs down");
    ASSERT_FALSE(ByName(r.truth.at("aps"), "kungstorget-2").at("up").as_bool());
    ASSERT_FALSE(ByName(r.truth.at("aps"), "slottshagen-2").at("up").as_bool());
    ExpectClientsMatchTruth(r);
    // Down, not unknown: the location is degraded, and the VC still lists its AP (as down).
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_aps_up", {{"location", "Kungstorget"}}), 2);
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_controller_aps",
                      {{"controller", "vc-parks"}, {"state", "down"}}),
              1);
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_controller_aps",
                      {{"controller", "wlc-centrum"}, {"state", "down"}}),
              0);
  }
  // Recovery.
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ApUp(s, "kungstorget-2") == 1 && ApUp(s, "slottshagen-2") == 1;
      },
      12s, &m))
      << "the managed APs did not come back";
  ASSERT_TRUE(TruthUp(sim, "kungstorget-2"));
  ASSERT_TRUE(ReadConsistent(sim, daemon, 15s, &r));
  {
    SCOPED_TRACE("managed APs back");
    ExpectClientsMatchTruth(r);
  }

  // --- 3. Both controllers silent: 54 sim s = 9 real s. Their APs are unknown. ---
  sim.Inject("controller=wlc-centrum&kind=down&duration=54");
  sim.Inject("controller=vc-parks&kind=down&duration=54");
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        return ValueOr(s, "surfzone_controller_up", {{"controller", "wlc-centrum"}}) == 0 &&
               ValueOr(s, "surfzone_controller_up", {{"controller", "vc-parks"}}) == 0;
      },
      5s, &m))
      << "the controllers never showed down";
  const double kungstorget_seconds = StateSeconds(m, "Kungstorget");
  const double slottshagen_seconds = StateSeconds(m, "Slottshagen");
  const double hamnen_down = ValueOr(m, "surfzone_location_state_seconds_total",
                                     {{"location", "Hamnen"}, {"state", "down"}});
  ASSERT_TRUE(ReadConsistent(sim, daemon, 4s, &r)) << "no consistent reading during the outage";
  {
    SCOPED_TRACE("controllers down");
    ASSERT_FALSE(ByName(r.truth.at("controllers"), "wlc-centrum").at("up").as_bool());
    // The APs themselves serve clients; only the daemon cannot see them.
    EXPECT_GT(LocationClients(r, "Kungstorget"), 0);
    ExpectClientsMatchTruth(r);
    // Unknown is neither up nor down: no state seconds accrue for a location whose APs are all
    // unknown, and Hamnen (one direct AP up, one unknown) is not down.
    EXPECT_EQ(StateSeconds(r.metrics, "Kungstorget"), kungstorget_seconds);
    EXPECT_EQ(StateSeconds(r.metrics, "Slottshagen"), slottshagen_seconds);
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_state_seconds_total",
                      {{"location", "Hamnen"}, {"state", "down"}}),
              hamnen_down);
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_aps_up", {{"location", "Hamnen"}}), 1);
    // What keeps SurfzoneLocationDown quiet: the unknown APs are counted as such.
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_aps_unknown", {{"location", "Kungstorget"}}),
              ValueOr(r.metrics, "surfzone_location_aps", {{"location", "Kungstorget"}}));
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_aps_unknown", {{"location", "Slottshagen"}}),
              ValueOr(r.metrics, "surfzone_location_aps", {{"location", "Slottshagen"}}));
    EXPECT_EQ(ValueOr(r.metrics, "surfzone_location_aps_unknown", {{"location", "Hamnen"}}), 1);
  }
  ASSERT_TRUE(daemon.WaitFor(
      [&](const MetricsText& s) {
        for (const auto& ap : all_aps) {
          if (ApUp(s, ap) != 1) return false;
        }
        return true;
      },
      12s, &m))
      << "the controllers' APs did not come back";
  ASSERT_TRUE(ReadConsistent(sim, daemon, 15s, &r));
  {
    SCOPED_TRACE("controllers back");
    ExpectClientsMatchTruth(r);
  }
  EXPECT_GT(StateSeconds(r.metrics, "Kungstorget"), kungstorget_seconds);
}

}  // namespace
}  // namespace surfzone::e2e_sim
