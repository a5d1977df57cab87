#include "surfzone/collectors/system_mib.hpp"

namespace surfzone::collectors {

void SystemMibCollector::Plan(PollPlan& plan) {
  plan.scalars.insert(plan.scalars.end(),
                      {oids::kSysUpTime, oids::kSysName, oids::kSysDescr, oids::kSysObjectId,
                       oids::kEngineBoots, oids::kEngineTime});
}

void SystemMibCollector::Decode(const PollResult& result, ApSample& sample) const {
  SystemInfo& s = sample.system;
  auto u32 = [&](const snmp::Oid& oid) -> std::optional<std::uint32_t> {
    const snmp::Value* v = result.Scalar(oid);
    if (!v) return std::nullopt;
    auto u = v->AsUnsigned();
    if (!u || *u > 0xffffffffULL) return std::nullopt;
    return static_cast<std::uint32_t>(*u);
  };
  auto text = [&](const snmp::Oid& oid) {
    const snmp::Value* v = result.Scalar(oid);
    return v ? v->AsText().value_or("") : std::string();
  };
  s.sys_uptime_ticks = u32(oids::kSysUpTime);
  s.engine_boots = u32(oids::kEngineBoots);
  s.engine_time_seconds = u32(oids::kEngineTime);
  s.sys_name = text(oids::kSysName);
  s.sys_descr = text(oids::kSysDescr);
  if (const snmp::Value* v = result.Scalar(oids::kSysObjectId);
      v && v->type == snmp::ValueType::kObjectId) {
    s.sys_object_id = v->oid.ToString();
  }
}

}  // namespace surfzone::collectors
