#pragma once
/// The sorted OID layout of a simulated AP: which instances exist and what each one shows.
/// A layout depends only on (vendor, counter width, SSID count), so APs share one immutable
/// instance (see SharedLayout); values are computed by the AP on demand.
///
/// Contents (ifIndex 1 lo, 2 eth0, 3 wifi0 = 2.4 GHz, 4 wifi1 = 5 GHz):
/// - system: sysDescr, sysObjectID, sysUpTime, sysContact, sysName, sysLocation;
/// - IF-MIB: ifNumber; ifTable columns ifIndex, ifDescr, ifType, ifMtu, ifSpeed, ifPhysAddress,
///   ifAdminStatus, ifOperStatus, ifLastChange, ifInOctets, ifOutOctets; ifXTable ifName,
///   ifHCInOctets, ifHCOutOctets (64-bit counters only), ifHighSpeed, ifAlias;
/// - UniFi only (UBNT-UniFi-MIB, 1.3.6.1.4.1.41112.1.6): unifiRadioTable (index, name, radio),
///   unifiVapTable (index, bssid, channel, essid, name, numStations, radio, rxBytes, txBytes,
///   txPower, up), unifiApSystemModel, unifiApSystemVersion;
/// - SNMP-FRAMEWORK-MIB: snmpEngineID, snmpEngineBoots, snmpEngineTime, snmpEngineMaxMessageSize.

#include <compare>
#include <cstdint>
#include <memory>
#include <vector>

#include "surfzone/snmp/oid.hpp"

namespace surfzone::sim {

enum class Vendor { kGeneric, kUnifi };

/// "generic" / "unifi".
const char* ToString(Vendor vendor);

enum class Field : std::uint8_t {
  kSysDescr,
  kSysObjectId,
  kSysUpTime,
  kSysContact,
  kSysName,
  kSysLocation,
  kIfNumber,
  kIfIndex,
  kIfDescr,
  kIfType,
  kIfMtu,
  kIfSpeed,
  kIfPhysAddress,
  kIfAdminStatus,
  kIfOperStatus,
  kIfLastChange,
  kIfInOctets,
  kIfOutOctets,
  kIfName,
  kIfHcInOctets,
  kIfHcOutOctets,
  kIfHighSpeed,
  kIfAlias,
  kRadioIndex,
  kRadioName,
  kRadioRadio,
  kVapIndex,
  kVapBssId,
  kVapChannel,
  kVapEssId,
  kVapName,
  kVapNumStations,
  kVapRadio,
  kVapRxBytes,
  kVapTxBytes,
  kVapTxPower,
  kVapUp,
  kApModel,
  kApVersion,
  kEngineId,
  kEngineBoots,
  kEngineTime,
  kEngineMaxMessageSize,
};

/// One instance: its OID, what it shows, and the row it belongs to (ifIndex, radio index or
/// VAP index, 1-based; 0 for scalars).
struct MibEntry {
  snmp::Oid oid;
  Field field;
  std::uint16_t row = 0;
};

struct LayoutSpec {
  Vendor vendor = Vendor::kUnifi;
  int counter_bits = 64;  // 32 hides ifHCInOctets / ifHCOutOctets
  int ssids = 2;          // VAP rows = 2 * ssids (UniFi)
  friend auto operator<=>(const LayoutSpec&, const LayoutSpec&) = default;
};

inline constexpr int kInterfaces = 4;

class MibLayout {
 public:
  explicit MibLayout(const LayoutSpec& spec);

  const LayoutSpec& spec() const { return spec_; }
  /// All instances in strictly increasing OID order.
  const std::vector<MibEntry>& entries() const { return entries_; }
  /// The entry with exactly `oid`, or nullptr. O(log n).
  const MibEntry* Find(const snmp::Oid& oid) const;
  /// The first entry strictly after `oid`, or nullptr. O(log n).
  const MibEntry* After(const snmp::Oid& oid) const;

 private:
  LayoutSpec spec_;
  std::vector<MibEntry> entries_;
};

/// One shared immutable layout per spec (thread-safe).
std::shared_ptr<const MibLayout> SharedLayout(const LayoutSpec& spec);

}  // namespace surfzone::sim
