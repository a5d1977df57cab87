#pragma once
// Private to surfzone_snmp: Session::last_error() of an answer with a non-zero error-status.
#include <string>

namespace surfzone::snmp::detail {

/// net-snmp's text for `error_status` and the index, e.g.
/// "(noSuchName) There is no such variable name in this MIB. (index 1)".
std::string AgentErrorText(long error_status, long error_index);

}  // namespace surfzone::snmp::detail
