#pragma once
/// What one poll of one access point yielded, as plain values. Collectors fill it; the daemon
/// turns consecutive samples into monotonic totals, reboots and states.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/collectors/wifi_sample.hpp"

namespace surfzone::collectors {

struct SystemInfo {
  std::optional<std::uint32_t> sys_uptime_ticks;     // SNMPv2-MIB sysUpTime.0 (1/100 s)
  std::optional<std::uint32_t> engine_boots;         // SNMP-FRAMEWORK-MIB snmpEngineBoots.0
  std::optional<std::uint32_t> engine_time_seconds;  // SNMP-FRAMEWORK-MIB snmpEngineTime.0
  std::string sys_name, sys_descr, sys_object_id;
  /// sys_uptime_ticks came from the profile's `uptime` scalar (no sysUpTime.0 on the device).
  bool uptime_from_profile = false;
};

/// What reboot detection runs on, for surfzone_ap_info{uptime_source}: "engine_time"
/// (snmpEngineTime), "sys_uptime" (sysUpTime), "profile" (the profile's `uptime` OID) or "none"
/// (no uptime at all: no reboot detection, no boot time).
inline const char* UptimeSource(const SystemInfo& s) {
  if (s.engine_time_seconds) return "engine_time";
  if (s.sys_uptime_ticks) return s.uptime_from_profile ? "profile" : "sys_uptime";
  return "none";
}

enum class CounterWidth : std::uint8_t { k32, k64 };

struct InterfaceSample {
  std::uint32_t index = 0;       // ifIndex
  std::string name;              // ifName, else ifDescr
  std::string descr;             // ifDescr
  std::int64_t type = 0;         // ifType (IANAifType; 24 = softwareLoopback, 71 = ieee80211)
  std::int64_t oper_status = 0;  // 1 up, 2 down, ...
  std::optional<std::uint64_t> in_octets, out_octets;
  CounterWidth width = CounterWidth::k32;
  std::uint64_t speed_bps = 0;       // ifHighSpeed*1e6 or ifSpeed; 0 = unknown
  bool carries_wifi_traffic = true;  // chosen by the profile's interface filter
};

struct ApSample {
  double poll_time_seconds = 0;  // unix time the poll started
  SystemInfo system;
  std::vector<InterfaceSample> interfaces;
  WifiSample wifi;
  /// Radio/VAP byte counters that make the AP's traffic instead of IF-MIB (profile `traffic:`
  /// radio or vap, when the rows have them); empty: IF-MIB interfaces are used.
  std::vector<TrafficCounter> wifi_traffic;
};

}  // namespace surfzone::collectors
