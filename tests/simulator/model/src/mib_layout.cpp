#include "surfzone/sim/mib_layout.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <stdexcept>

namespace surfzone::sim {
namespace {

const snmp::Oid kSystem{1, 3, 6, 1, 2, 1, 1};
const snmp::Oid kIfEntry{1, 3, 6, 1, 2, 1, 2, 2, 1};
const snmp::Oid kIfXEntry{1, 3, 6, 1, 2, 1, 31, 1, 1, 1};
const snmp::Oid kUnifiRadioEntry{1, 3, 6, 1, 4, 1, 41112, 1, 6, 1, 1, 1};
const snmp::Oid kUnifiVapEntry{1, 3, 6, 1, 4, 1, 41112, 1, 6, 1, 2, 1};
const snmp::Oid kUnifiApSystem{1, 3, 6, 1, 4, 1, 41112, 1, 6, 3};
const snmp::Oid kEngine{1, 3, 6, 1, 6, 3, 10, 2, 1};

bool Less(const MibEntry& a, const snmp::Oid& b) { return a.oid < b; }

}  // namespace

const char* ToString(Vendor vendor) { return vendor == Vendor::kUnifi ? "unifi" : "generic"; }

MibLayout::MibLayout(const LayoutSpec& spec) : spec_(spec) {
  if (spec.ssids < 1 || spec.ssids > 8) throw std::invalid_argument("ssids must be 1..8");
  if (spec.counter_bits != 32 && spec.counter_bits != 64) {
    throw std::invalid_argument("counter_bits must be 32 or 64");
  }
  auto add = [this](const snmp::Oid& base, std::initializer_list<std::uint32_t> arcs, Field f,
                    std::uint16_t row) {
    entries_.push_back({base.Child(arcs), f, row});
  };
  const Field system[] = {Field::kSysDescr,   Field::kSysObjectId, Field::kSysUpTime,
                          Field::kSysContact, Field::kSysName,     Field::kSysLocation};
  for (std::uint32_t i = 0; i < 6; ++i) add(kSystem, {i + 1, 0}, system[i], 0);
  add(snmp::Oid{1, 3, 6, 1, 2, 1, 2}, {1, 0}, Field::kIfNumber, 0);

  const std::pair<std::uint32_t, Field> if_columns[] = {
      {1, Field::kIfIndex},       {2, Field::kIfDescr},      {3, Field::kIfType},
      {4, Field::kIfMtu},         {5, Field::kIfSpeed},      {6, Field::kIfPhysAddress},
      {7, Field::kIfAdminStatus}, {8, Field::kIfOperStatus}, {9, Field::kIfLastChange},
      {10, Field::kIfInOctets},   {16, Field::kIfOutOctets}};
  std::vector<std::pair<std::uint32_t, Field>> ifx_columns = {{1, Field::kIfName}};
  if (spec.counter_bits == 64) {
    ifx_columns.push_back({6, Field::kIfHcInOctets});
    ifx_columns.push_back({10, Field::kIfHcOutOctets});
  }
  ifx_columns.push_back({15, Field::kIfHighSpeed});
  ifx_columns.push_back({18, Field::kIfAlias});
  for (std::uint16_t i = 1; i <= kInterfaces; ++i) {
    for (auto [col, f] : if_columns) add(kIfEntry, {col, i}, f, i);
    for (auto [col, f] : ifx_columns) add(kIfXEntry, {col, i}, f, i);
  }

  if (spec.vendor == Vendor::kUnifi) {
    for (std::uint16_t r = 1; r <= 2; ++r) {
      add(kUnifiRadioEntry, {1, r}, Field::kRadioIndex, r);
      add(kUnifiRadioEntry, {2, r}, Field::kRadioName, r);
      add(kUnifiRadioEntry, {3, r}, Field::kRadioRadio, r);
    }
    const std::pair<std::uint32_t, Field> vap_columns[] = {
        {1, Field::kVapIndex},    {2, Field::kVapBssId},    {4, Field::kVapChannel},
        {6, Field::kVapEssId},    {7, Field::kVapName},     {8, Field::kVapNumStations},
        {9, Field::kVapRadio},    {10, Field::kVapRxBytes}, {16, Field::kVapTxBytes},
        {21, Field::kVapTxPower}, {22, Field::kVapUp}};
    const auto rows = static_cast<std::uint16_t>(2 * spec.ssids);
    for (std::uint16_t v = 1; v <= rows; ++v) {
      for (auto [col, f] : vap_columns) add(kUnifiVapEntry, {col, v}, f, v);
    }
    add(kUnifiApSystem, {3, 0}, Field::kApModel, 0);
    add(kUnifiApSystem, {6, 0}, Field::kApVersion, 0);
  }

  add(kEngine, {1, 0}, Field::kEngineId, 0);
  add(kEngine, {2, 0}, Field::kEngineBoots, 0);
  add(kEngine, {3, 0}, Field::kEngineTime, 0);
  add(kEngine, {4, 0}, Field::kEngineMaxMessageSize, 0);

  std::sort(entries_.begin(), entries_.end(),
            [](const MibEntry& a, const MibEntry& b) { return a.oid < b.oid; });
}

const MibEntry* MibLayout::Find(const snmp::Oid& oid) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), oid, Less);
  if (it == entries_.end() || it->oid != oid) return nullptr;
  return &*it;
}

const MibEntry* MibLayout::After(const snmp::Oid& oid) const {
  auto it = std::upper_bound(entries_.begin(), entries_.end(), oid,
                             [](const snmp::Oid& o, const MibEntry& e) { return o < e.oid; });
  return it == entries_.end() ? nullptr : &*it;
}

std::shared_ptr<const MibLayout> SharedLayout(const LayoutSpec& spec) {
  static std::mutex mutex;
  static std::map<LayoutSpec, std::shared_ptr<const MibLayout>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[spec];
  if (!slot) slot = std::make_shared<const MibLayout>(spec);
  return slot;
}

}  // namespace surfzone::sim
