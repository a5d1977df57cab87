#pragma once
/// Internal: turning walked table columns into rows, splitting row indexes into AP / radio keys,
/// and reading cells as text, counts and bands.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "surfzone/collectors/collector.hpp"
#include "surfzone/collectors/wifi_collector.hpp"

namespace surfzone::collectors::detail {

/// role -> cells of one row (several when the role sums columns: `clients: [A, B]`).
using Row = std::map<std::string, std::vector<const snmp::Value*>>;
/// Rows by index arcs, in index order.
std::map<std::vector<std::uint32_t>, Row> CollectRows(const PollResult& result,
                                                      const WifiCollector::TablePlan& plan);

struct IndexKeys {
  std::string ap, radio, row;
  std::string text;  ///< the "string" part's characters (an SSID name index), if any
};
/// Splits `arcs` by the spec's index parts; nullopt if they do not fit.
std::optional<IndexKeys> SplitIndex(const std::vector<std::string>& parts,
                                    const std::vector<std::uint32_t>& arcs);

/// "aa:bb:cc:dd:ee:ff" from six arcs (each < 256).
std::string MacText(const std::uint32_t* arcs);
/// Any value as text: strings as they are, numbers in decimal, IpAddress dotted, OIDs dotted.
std::string CellText(const snmp::Value* v);
/// A count (integer-like, non-negative); Counter32 counts are read as gauges. A string holding a
/// decimal number (NET-SNMP-EXTEND-MIB nsExtendOutLine "12", spaces around allowed) counts too.
std::optional<std::uint64_t> CellCount(const snmp::Value* v);
/// The sum of the counts of `cells`; nullopt when none of them is a count.
std::optional<std::uint64_t> CellSum(const std::vector<const snmp::Value*>& cells);
/// Leading decimal digits of a number or string ("53S" -> 53).
std::optional<std::int64_t> CellNumber(const snmp::Value* v);
/// Band from a channel number (1..14: 2.4GHz, else 5GHz) or a frequency in MHz.
std::string BandFromChannel(std::int64_t channel);
std::string BandFromFrequency(std::int64_t mhz);

}  // namespace surfzone::collectors::detail
