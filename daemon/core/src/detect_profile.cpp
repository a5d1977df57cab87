#include "surfzone/core/detect_profile.hpp"

#include "surfzone/collectors/profile.hpp"
#include "surfzone/collectors/system_mib.hpp"

namespace surfzone::core {

boost::asio::awaitable<Detection> DetectProfile(snmp::Client& session,
                                                const std::vector<config::ProfileSpec>& specs,
                                                const collectors::RequestObserver& observe) {
  collectors::PollPlan plan;
  plan.scalars.push_back(collectors::oids::kSysObjectId);
  const std::vector<std::string> probes = collectors::DetectProbes(specs);
  for (const auto& p : probes) {
    if (auto oid = snmp::Oid::Parse(p)) plan.scalars.push_back(*oid);
  }
  collectors::PollResult result;
  const auto outcome = co_await collectors::ExecutePlan(session, plan, {}, result, observe);
  Detection out;
  out.error = outcome.error;
  if (out.error) co_return out;
  collectors::DetectInput input;
  if (const snmp::Value* v = result.Scalar(collectors::oids::kSysObjectId);
      v && v->type == snmp::ValueType::kObjectId) {
    input.sys_object_id = v->oid.ToString();
  }
  for (const auto& p : probes) {
    auto oid = snmp::Oid::Parse(p);
    if (oid && result.Scalar(*oid)) input.answered_probes.push_back(p);
  }
  collectors::DetectExplanation why = collectors::ExplainDetection(specs, input);
  out.profile = why.profile.value_or("generic");
  out.how = std::move(why.how);
  out.failed_probes = std::move(why.failed_probes);
  out.sys_object_id = input.sys_object_id;
  co_return out;
}

}  // namespace surfzone::core
