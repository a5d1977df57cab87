#include "controller_layout.hpp"

#include <algorithm>

namespace surfzone::sim::detail {
namespace {

using Entry = ControllerModel::Entry;

const snmp::Oid kSystem{1, 3, 6, 1, 2, 1, 1};
const snmp::Oid kApConnectCountOid{1, 3, 6, 1, 4, 1, 9, 9, 618, 1, 8, 4, 0};
const snmp::Oid kEssEntry{1, 3, 6, 1, 4, 1, 14179, 2, 1, 1, 1};
const snmp::Oid kApEntry{1, 3, 6, 1, 4, 1, 14179, 2, 2, 1, 1};
const snmp::Oid kApIfEntry{1, 3, 6, 1, 4, 1, 14179, 2, 2, 2, 1};
const snmp::Oid kAiMib{1, 3, 6, 1, 4, 1, 14823, 2, 3, 3, 1};

std::vector<std::uint32_t> Index(const MacAddress& mac) {
  return std::vector<std::uint32_t>(mac.begin(), mac.end());
}

std::vector<std::uint32_t> Index(const MacAddress& mac, std::uint32_t sub) {
  auto out = Index(mac);
  out.push_back(sub);
  return out;
}

std::vector<std::uint32_t> Arcs(std::uint32_t column, std::vector<std::uint32_t> index) {
  index.insert(index.begin(), column);
  return index;
}

void AddSystem(std::vector<Entry>& out) {
  for (std::uint16_t i = 1; i <= 6; ++i) {
    out.push_back({kSystem.Child({i, 0}), static_cast<std::uint16_t>(kSysDescr + i - 1), 0, 0});
  }
}

void AddCisco(std::vector<Entry>& out, const std::vector<MacAddress>& macs,
              const std::vector<bool>& reported, int ssids) {
  out.push_back({kApConnectCountOid, kApConnectCount, 0, 0});
  for (std::uint16_t s = 0; s < ssids; ++s) {
    const std::uint32_t index = s + 1u;
    out.push_back({kEssEntry.Child({2, index}), kEssSsid, 0, s});
    out.push_back({kEssEntry.Child({38, index}), kEssStations, 0, s});
  }
  for (std::uint32_t ap = 0; ap < macs.size(); ++ap) {
    if (!reported[ap]) continue;
    out.push_back({kApEntry.Child(Arcs(3, Index(macs[ap]))), kApName, ap, 0});
    out.push_back({kApEntry.Child(Arcs(4, Index(macs[ap]))), kApLocation, ap, 0});
    out.push_back({kApEntry.Child(Arcs(6, Index(macs[ap]))), kApOperationStatus, ap, 0});
    for (std::uint16_t slot = 0; slot < 2; ++slot) {
      for (std::uint32_t c : kCiscoIfColumns) {
        out.push_back({kApIfEntry.Child(Arcs(c, Index(macs[ap], slot))),
                       static_cast<std::uint16_t>(kCiscoIfColumn + c), ap, slot});
      }
    }
  }
}

void AddAruba(std::vector<Entry>& out, const std::vector<MacAddress>& macs,
              const std::vector<bool>& reported, int ssids) {
  for (std::uint32_t n : kArubaScalars) {
    out.push_back({kAiMib.Child({1, n, 0}), static_cast<std::uint16_t>(kArubaScalar + n), 0, 0});
  }
  for (std::uint16_t s = 0; s < ssids; ++s) {
    for (std::uint32_t c = 1; c <= kArubaSsidColumns; ++c) {
      out.push_back(
          {kAiMib.Child({1, 7, 1, c, s}), static_cast<std::uint16_t>(kArubaSsidColumn + c), 0, s});
    }
  }
  const snmp::Oid ap_entry = kAiMib.Child({2, 1, 1});
  const snmp::Oid radio_entry = kAiMib.Child({2, 2, 1});
  const snmp::Oid wlan_entry = kAiMib.Child({2, 3, 1});
  for (std::uint32_t ap = 0; ap < macs.size(); ++ap) {
    if (!reported[ap]) continue;
    for (std::uint32_t c = 1; c <= kArubaApColumns; ++c) {
      out.push_back({ap_entry.Child(Arcs(c, Index(macs[ap]))),
                     static_cast<std::uint16_t>(kArubaApColumn + c), ap, 0});
    }
    for (std::uint16_t r = 0; r < 2; ++r) {
      for (std::uint32_t c = 1; c <= kArubaRadioColumns; ++c) {
        out.push_back({radio_entry.Child(Arcs(c, Index(macs[ap], r))),
                       static_cast<std::uint16_t>(kArubaRadioColumn + c), ap, r});
      }
    }
    for (std::uint16_t w = 0; w < 2 * ssids; ++w) {
      for (std::uint32_t c = 1; c <= kArubaWlanColumns; ++c) {
        out.push_back({wlan_entry.Child(Arcs(c, Index(macs[ap], w))),
                       static_cast<std::uint16_t>(kArubaWlanColumn + c), ap, w});
      }
    }
  }
}

}  // namespace

std::vector<Entry> BuildLayout(ControllerVendor vendor, const std::vector<MacAddress>& macs,
                               const std::vector<bool>& reported, int ssids) {
  std::vector<Entry> out;
  AddSystem(out);
  if (vendor == ControllerVendor::kCiscoWlc) {
    AddCisco(out, macs, reported, ssids);
  } else {
    AddAruba(out, macs, reported, ssids);
  }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.oid < b.oid; });
  return out;
}

}  // namespace surfzone::sim::detail
