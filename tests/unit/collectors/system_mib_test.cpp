#include "surfzone/collectors/system_mib.hpp"

#include <gtest/gtest.h>

namespace surfzone::collectors {
namespace {

using snmp::Value;
using snmp::ValueType;

TEST(SystemMibCollector, DecodesScalars) {
  PollResult r;
  r.scalars[oids::kSysUpTime] = Value::Unsigned(ValueType::kTimeTicks, 123456);
  r.scalars[oids::kSysName] = Value::String(std::string("ap-1\0\0", 6));  // trailing NULs dropped
  r.scalars[oids::kSysDescr] = Value::String("UAP-AC-Pro 6.5.28");
  r.scalars[oids::kSysObjectId] = Value::ObjectId(snmp::Oid{1, 3, 6, 1, 4, 1, 41112});
  r.scalars[oids::kEngineBoots] = Value::Integer(7);
  ApSample s;
  SystemMibCollector().Decode(r, s);
  EXPECT_EQ(s.system.sys_uptime_ticks, 123456u);
  EXPECT_EQ(s.system.sys_name, "ap-1");
  EXPECT_EQ(s.system.sys_descr, "UAP-AC-Pro 6.5.28");
  EXPECT_EQ(s.system.sys_object_id, "1.3.6.1.4.1.41112");
  EXPECT_EQ(s.system.engine_boots, 7u);
  EXPECT_FALSE(s.system.engine_time_seconds.has_value());  // agent without it
}

TEST(SystemMibCollector, WrongTypesAreIgnoredNotMisread) {
  PollResult r;
  r.scalars[oids::kSysUpTime] = Value::String("not ticks");
  r.scalars[oids::kSysObjectId] = Value::String("1.3.6");
  ApSample s;
  SystemMibCollector().Decode(r, s);
  EXPECT_FALSE(s.system.sys_uptime_ticks.has_value());
  EXPECT_TRUE(s.system.sys_object_id.empty());
}

}  // namespace
}  // namespace surfzone::collectors
