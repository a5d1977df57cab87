#pragma once
/// IF-MIB: per-interface status and octet counters.
///   ifTable  1.3.6.1.2.1.2.2.1: ifDescr .2, ifType .3, ifSpeed .5, ifOperStatus .8,
///            ifInOctets .10, ifOutOctets .16 (Counter32)
///   ifXTable 1.3.6.1.2.1.31.1.1.1: ifName .1, ifHCInOctets .6, ifHCOutOctets .10 (Counter64),
///            ifHighSpeed .15 (Mbit/s)
/// 64-bit counters are used where the agent has them (not in SNMPv1); otherwise the 32-bit ones,
/// which the daemon unwraps. Which interfaces count as Wi-Fi traffic is the profile's choice.

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "surfzone/collectors/collector.hpp"

namespace surfzone::collectors {

/// Chooses the interfaces whose octets make an AP's traffic. Default: every non-loopback one.
struct InterfaceFilter {
  std::vector<std::int64_t> types;  // if non-empty, only these ifTypes
  std::optional<std::regex> name;  // if set, ifName (or ifDescr when there is no ifName) must match
  std::optional<std::regex> descr;  // if set, ifDescr must match
  bool exclude_loopback = true;     // ifType 24 softwareLoopback, or name "lo"
  bool Matches(const InterfaceSample& i) const;
};

class IfMibCollector final : public Collector {
 public:
  explicit IfMibCollector(InterfaceFilter filter = {}) : filter_(std::move(filter)) {}
  std::string_view name() const override { return "if-mib"; }
  void Plan(PollPlan& plan) override;
  void Decode(const PollResult& result, ApSample& sample) const override;

 private:
  InterfaceFilter filter_;
  std::size_t if_table_ = 0, ifx_table_ = 0;
};

}  // namespace surfzone::collectors
