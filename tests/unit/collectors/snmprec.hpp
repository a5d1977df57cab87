#pragma once
// Test helper: a recorded walk (.snmprec, "OID|TYPE|VALUE" lines) loaded as data, and the
// PollResult a plan would get from it (GET scalars exactly, walk each table column by prefix).

#include <map>
#include <string>

#include "surfzone/collectors/collector.hpp"

namespace surfzone::collectors::testing {

using Walk = std::map<snmp::Oid, snmp::Value>;

/// Loads tests/fixtures/walks/<name>.snmprec (types 2, 4, 4x, 6, 64, 65, 66, 67, 70).
Walk LoadWalk(const std::string& name);
/// What ExecutePlan would put into a PollResult for `plan` against an agent serving `walk`.
PollResult Answer(const PollPlan& plan, const Walk& walk);

}  // namespace surfzone::collectors::testing
