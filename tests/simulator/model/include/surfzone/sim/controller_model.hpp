#pragma once
/// One simulated wireless controller: ONE SNMP agent that reports many access points. Each
/// managed AP is still an ApModel (its truth: clients per radio/SSID, reboots, down intervals)
/// but is not reachable directly; the controller shows it in its vendor's AP tables.
///
/// Vendors (OIDs, index encodings, types and column sets mirror real recordings, see
/// tests/fixtures/walks/README.md):
/// - cisco-wlc (AIRESPACE-WIRELESS-MIB, as a Cisco Business Wireless / AireOS controller shows it):
///   system group (sysObjectID 1.3.6.1.4.1.9.6.1.37.240.1), clsSysApConnectCount.0 (Gauge32, APs
///   joined now), bsnDot11EssTable (index bsnDot11EssIndex 1..n: .2 bsnDot11EssSsid,
///   .38 bsnDot11EssNumberOfMobileStations Counter32 = clients on that SSID over the reported
///   APs), bsnAPTable (index = the AP's 6-octet MAC as 6 arcs: .3 bsnAPName, .4 bsnAPLocation,
///   .6 bsnAPOperationStatus associated(1)), bsnAPIfTable (index {MAC 6 arcs, bsnAPIfSlotId};
///   slot 0 = 2.4 GHz (bsnAPIfType .2 = dot11b(1)), slot 1 = 5 GHz (dot11a(2)); .1 slot
///   Gauge32, .4 channel, .12 bsnAPIfOperStatus up(2), .15 bsnApIfNoOfUsers Counter32 = clients
///   on that radio; the other recorded columns with the recording's constant values).
///   A managed AP that is down or booting VANISHES from bsnAPTable and bsnAPIfTable (AireOS
///   drops APs that leave the controller).
/// - aruba-instant (AI-AP-MIB, Instant virtual controller, aiMIB 1.3.6.1.4.1.14823.2.3.3.1):
///   system group (ArubaOS sysDescr, sysObjectID 1.3.6.1.4.1.14823.1.2.59), VC scalars
///   (.1.1.1-.1.1.6, .1.1.16), aiSSIDTable (index 0..n-1: .1 index, .2 aiSSID, .3 status,
///   .4 aiSSIDClientNum Integer = clients on that SSID over all APs, .5), aiAPTable (index = AP
///   MAC 6 arcs: .1 MAC (6 octets), .2 aiAPName, .3 IP, .4 serial, .5 model OID, .6 model name,
///   .7 CPU, .8 free memory, .9 aiAPUptime TimeTicks, .10 total memory, .11 aiAPStatus up(1) /
///   down(2), .12, .13 role), aiRadioTable (index {AP MAC 6 arcs, aiRadioIndex}; radio 0 =
///   5 GHz, radio 1 = 2.4 GHz as on the recorded AP-225; .4 channel as a string, .12
///   aiRadioTxDataBytes / .16 aiRadioRxDataBytes Counter32, .20 aiRadioStatus, .21
///   aiRadioClientNum Integer), aiWlanTable (index {AP MAC, wlan index = radio index * ssids +
///   ssid}: .3 ESSID, .4 BSSID, .7 tx / .10 rx data bytes Counter32 of that BSS).
///   A managed AP that is down STAYS in every table with aiAPStatus down(2), radios down(2) and
///   0 clients.
///
/// TRUTH (what a poll of the controller at sim time t sees):
/// - clients of a managed AP: ApModel::ClientsAt(t) (per simulated minute; 0 while down/booting),
///   shown per radio (bsnApIfNoOfUsers / aiRadioClientNum) and summed over the controller's APs
///   per SSID (bsnDot11EssNumberOfMobileStations / aiSSIDClientNum). The controller's total =
///   the sum over the APs it manages (down ones count 0), i.e. over the APs it reports.
/// - reported: cisco-wlc reports exactly the APs not down at t; aruba-instant reports all.
/// - while the controller itself is down (silent) no AP of it can be known by a poller.
/// - MACs: vendor OUI (Cisco 70:F0:96, Aruba 70:3A:0E) + 3 bytes hashed from the AP's name seed;
///   a clash inside one controller takes the next free value (in AP order), so MACs are unique
///   per controller and stable for a given fleet.
/// Not thread-safe (like ApModel); the managed ApModels must outlive the controller.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "surfzone/sim/ap_model.hpp"

namespace surfzone::sim {

enum class ControllerVendor { kCiscoWlc, kArubaInstant };

/// "cisco-wlc" / "aruba-instant".
const char* ToString(ControllerVendor vendor);
std::optional<ControllerVendor> ParseControllerVendor(std::string_view text);

struct ControllerOptions {
  std::string name;  // sysName (cisco) / virtual controller name (aruba)
  ControllerVendor vendor = ControllerVendor::kCiscoWlc;
  std::string community = "public";
  std::vector<std::string> ssids{"Helsingborg", "eduroam"};
  std::uint64_t fleet_seed = 0;
  double sim_start = 0;
};

using MacAddress = std::array<std::uint8_t, 6>;

/// "70:f0:96:12:34:56".
std::string ToString(const MacAddress& mac);

/// The MACs of a controller's APs (in order): vendor OUI + 24 bits hashed from the AP's name
/// and the fleet seed; a clash takes the next free value, so they are unique.
std::vector<MacAddress> AssignMacs(ControllerVendor vendor, const std::vector<std::string>& names,
                                   std::uint64_t fleet_seed);

class ControllerModel final : public Agent {
 public:
  /// `aps` are the managed APs (not owned); every one must have options.ssids.size() SSIDs.
  /// Throws std::invalid_argument on bad options.
  ControllerModel(ControllerOptions options, std::vector<ApModel*> aps, FaultSchedule faults = {});
  ControllerModel(const ControllerModel&) = delete;
  ControllerModel& operator=(const ControllerModel&) = delete;

  // --- sim::Agent ---
  /// Advances every managed AP too.
  void AdvanceTo(double sim_seconds) override;
  std::optional<snmp::Value> Get(const snmp::Oid& oid) const override;
  std::optional<snmp::Varbind> Next(const snmp::Oid& oid) const override;
  Behaviour behaviour() const override;
  std::chrono::milliseconds slow_delay() const override;
  const std::string& community() const override { return options_.community; }

  /// The controller's own faults: down (silent), slow, garbage, wrong_request_id (reboot throws
  /// std::invalid_argument). Times before now are moved to now.
  void InjectFault(FaultKind kind, double from, double to,
                   std::chrono::milliseconds delay = std::chrono::milliseconds(0));

  // --- ground truth ---
  const ControllerOptions& options() const { return options_; }
  const std::string& name() const { return options_.name; }
  ControllerVendor vendor() const { return options_.vendor; }
  double now() const { return static_cast<double>(t_ms_) / 1000.0; }
  std::size_t ap_count() const { return aps_.size(); }
  const ApModel& ap(std::size_t i) const { return *aps_[i]; }
  const MacAddress& mac(std::size_t i) const { return macs_[i]; }
  /// The managed AP i is up (not down, not booting) at now().
  bool ApUp(std::size_t i) const;
  /// AP i appears in the controller's AP tables at now() (cisco: only while up; aruba: always).
  bool Reports(std::size_t i) const;
  /// Sum of the managed APs' clients at now().
  int Clients() const;
  /// Clients per SSID (fleet order) over the managed APs at now().
  std::vector<int> SsidClients() const;
  /// Times the controller gives no valid SNMP answer (down, garbage, wrong_request_id).
  std::vector<IntervalMs> UnansweredIntervals() const { return faults_.Unanswered(); }
  const FaultSchedule& faults() const { return faults_; }

  /// One instance of the controller's MIB: its OID, what it shows, which AP (index into the
  /// managed APs) and which row of that AP (slot / radio / wlan / SSID index).
  struct Entry {
    snmp::Oid oid;
    std::uint16_t field = 0;  // a vendor-specific field code (controller_layout.hpp)
    std::uint32_t ap = 0;
    std::uint16_t row = 0;
  };
  /// The current layout, sorted by OID (rebuilt when the set of reported APs changes).
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  void Rebuild();
  snmp::Value ValueOf(const Entry& e) const;

  ControllerOptions options_;
  std::uint64_t seed_;
  std::vector<ApModel*> aps_;
  std::vector<MacAddress> macs_;
  FaultSchedule faults_;
  std::int64_t t_ms_;
  std::int64_t boot_ms_;
  std::vector<bool> reported_;  // the set the layout was built for
  std::vector<Entry> entries_;
};

}  // namespace surfzone::sim
