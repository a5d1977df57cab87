#pragma once
// Shared helpers of the sim_model tests.

#include <string>

#include "surfzone/sim/ap_model.hpp"
#include "surfzone/sim/local_time.hpp"

namespace surfzone::sim::test {

// Saturday 2025-07-12 15:00 in Helsingborg (CEST): a busy summer afternoon.
inline const double kSummerSaturday = static_cast<double>(UnixFromUtc(2025, 7, 12, 13, 0, 0));

inline ApOptions Options(const std::string& name, LocationKind kind = LocationKind::kPark,
                         double capacity = 40) {
  ApOptions o;
  o.name = name;
  o.location = "Stadsparken";
  o.kind = kind;
  o.capacity = capacity;
  o.sim_start = kSummerSaturday;
  o.history_before_start = false;
  return o;
}

inline snmp::Oid O(const std::string& dotted) { return *snmp::Oid::Parse(dotted); }

// Unsigned value of an instance, or -1 when absent.
inline long double U(const ApModel& ap, const std::string& dotted) {
  auto v = ap.Get(O(dotted));
  if (!v) return -1;
  return static_cast<long double>(v->AsUnsigned().value_or(0));
}

}  // namespace surfzone::sim::test
