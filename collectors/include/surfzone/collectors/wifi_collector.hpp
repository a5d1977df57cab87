#pragma once
/// The collector behind every Wi-Fi profile: a config::ProfileSpec says which scalars and tables
/// to fetch and how each table's index splits into AP / radio / row; Decode fills
/// ApSample::wifi. Vendor knowledge lives in the YAML files, not here.

#include <string>
#include <utility>
#include <vector>

#include "surfzone/collectors/collector.hpp"
#include "surfzone/config/profile_spec.hpp"

namespace surfzone::collectors {

class WifiCollector final : public Collector {
 public:
  explicit WifiCollector(config::ProfileSpec spec);
  std::string_view name() const override { return "wifi"; }
  void Plan(PollPlan& plan) override;
  void Decode(const PollResult& result, ApSample& sample) const override;

  struct TablePlan {
    const config::TableSpec* spec = nullptr;
    std::vector<std::string> roles;
    std::vector<snmp::Oid> columns;
    std::size_t table = static_cast<std::size_t>(-1);
  };

 private:
  void DecodeAps(const PollResult& result, WifiSample& out) const;
  void DecodeRadios(const PollResult& result, WifiSample& out) const;
  void DecodeSsids(const PollResult& result, WifiSample& out) const;

  config::ProfileSpec spec_;
  std::vector<std::pair<std::string, snmp::Oid>> scalars_;
  TablePlan aps_, radios_, ssids_;
};

}  // namespace surfzone::collectors
