#pragma once
/// SNMPv2-MIB system group and SNMP-FRAMEWORK-MIB engine scalars.
///   sysDescr 1.3.6.1.2.1.1.1.0, sysObjectID .1.2.0, sysUpTime .1.3.0, sysName .1.5.0
///   snmpEngineBoots 1.3.6.1.6.3.10.2.1.2.0, snmpEngineTime 1.3.6.1.6.3.10.2.1.3.0
/// snmpEngineTime counts seconds and does not wrap after 497 days like sysUpTime, so reboot
/// detection prefers it where the agent has it (net-snmp, most v3-capable APs).

#include "surfzone/collectors/collector.hpp"

namespace surfzone::collectors {

namespace oids {
inline const snmp::Oid kSysDescr{1, 3, 6, 1, 2, 1, 1, 1, 0};
inline const snmp::Oid kSysObjectId{1, 3, 6, 1, 2, 1, 1, 2, 0};
inline const snmp::Oid kSysUpTime{1, 3, 6, 1, 2, 1, 1, 3, 0};
inline const snmp::Oid kSysName{1, 3, 6, 1, 2, 1, 1, 5, 0};
inline const snmp::Oid kEngineBoots{1, 3, 6, 1, 6, 3, 10, 2, 1, 2, 0};
inline const snmp::Oid kEngineTime{1, 3, 6, 1, 6, 3, 10, 2, 1, 3, 0};
}  // namespace oids

class SystemMibCollector final : public Collector {
 public:
  std::string_view name() const override { return "system"; }
  void Plan(PollPlan& plan) override;
  void Decode(const PollResult& result, ApSample& sample) const override;
};

}  // namespace surfzone::collectors
