#pragma once
/// `profile: auto`: one GET of sysObjectID and every profile's probe OIDs, then
/// collectors::DetectProfile. Run once per AP (the result is cached on the ApEntry until its
/// address changes); "generic" when nothing matches.

#include <boost/asio/awaitable.hpp>
#include <string>
#include <vector>

#include "surfzone/collectors/plan_executor.hpp"
#include "surfzone/config/profile_spec.hpp"
#include "surfzone/snmp/client.hpp"

namespace surfzone::core {

struct Detection {
  snmp::ErrorCode error;
  std::string profile;  // valid when !error
  std::string how;      // collectors::DetectExplanation::how ("none": fell back to generic)
  std::vector<std::string> failed_probes;
  std::string sys_object_id;
};

boost::asio::awaitable<Detection> DetectProfile(snmp::Client& session,
                                                const std::vector<config::ProfileSpec>& specs,
                                                const collectors::RequestObserver& observe);

}  // namespace surfzone::core
