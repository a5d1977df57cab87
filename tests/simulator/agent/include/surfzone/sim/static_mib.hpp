#pragma once
/// Fixed MIBs for tests and benchmarks: a sorted map of instances, and an Agent around one whose
/// behaviour and community are set by the caller.

#include <map>
#include <string>

#include "surfzone/sim/agent.hpp"

namespace surfzone::sim {

class StaticMib : public MibView {
 public:
  StaticMib() = default;
  explicit StaticMib(std::map<snmp::Oid, snmp::Value> values) : values_(std::move(values)) {}

  void Set(const snmp::Oid& oid, snmp::Value value) { values_[oid] = std::move(value); }
  const std::map<snmp::Oid, snmp::Value>& values() const { return values_; }

  std::optional<snmp::Value> Get(const snmp::Oid& oid) const override;
  std::optional<snmp::Varbind> Next(const snmp::Oid& oid) const override;

 private:
  std::map<snmp::Oid, snmp::Value> values_;
};

class StaticAgent : public Agent {
 public:
  explicit StaticAgent(StaticMib mib, std::string community = "public")
      : mib_(std::move(mib)), community_(std::move(community)) {}

  std::optional<snmp::Value> Get(const snmp::Oid& oid) const override { return mib_.Get(oid); }
  std::optional<snmp::Varbind> Next(const snmp::Oid& oid) const override { return mib_.Next(oid); }
  /// Records the last time seen (the values themselves never change).
  void AdvanceTo(double sim_seconds) override { last_time_ = sim_seconds; }
  Behaviour behaviour() const override { return behaviour_; }
  std::chrono::milliseconds slow_delay() const override { return slow_delay_; }
  const std::string& community() const override { return community_; }

  void set_behaviour(Behaviour b) { behaviour_ = b; }
  void set_slow_delay(std::chrono::milliseconds d) { slow_delay_ = d; }
  double last_time() const { return last_time_; }
  StaticMib& mib() { return mib_; }

 private:
  StaticMib mib_;
  std::string community_;
  Behaviour behaviour_ = Behaviour::kNormal;
  std::chrono::milliseconds slow_delay_{0};
  double last_time_ = 0;
};

/// A small access point's MIB (about 60 instances): the system group, a 3-row ifTable and the
/// matching ifXTable with 64-bit counters. `seed` varies names and counters between agents.
StaticMib SmallApMib(unsigned seed = 0);

}  // namespace surfzone::sim
