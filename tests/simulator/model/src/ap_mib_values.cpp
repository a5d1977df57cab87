// ApModel::ValueOf: what each MIB instance shows, from the model's state at now().
#include <string>

#include "surfzone/sim/ap_model.hpp"
#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

using snmp::Value;
using snmp::ValueType;

const snmp::Oid kNetSnmpLinux{1, 3, 6, 1, 4, 1, 8072, 3, 2, 10};
constexpr std::uint64_t kMod32 = 1ull << 32;

const char* const kIfNames[] = {"lo", "eth0", "wifi0", "wifi1"};
constexpr int kIfTypes[] = {24, 6, 71, 71};
constexpr int kIfMtu[] = {65536, 1500, 1500, 1500};
constexpr std::uint64_t kIfMbps[] = {10, 1000, 300, 867};

// Ubiquiti OUI 24:5A:4C, then three seeded bytes; `variant` distinguishes interfaces / BSSIDs.
std::string Mac(std::uint64_t seed, int variant) {
  const std::uint64_t h = Hash(seed, 400);
  std::string mac = {'\x24',
                     '\x5A',
                     '\x4C',
                     static_cast<char>(h >> 16 & 0xFF),
                     static_cast<char>(h >> 8 & 0xFF),
                     static_cast<char>((h + variant) & 0xFF)};
  return mac;
}

}  // namespace

std::optional<snmp::Value> ApModel::Get(const snmp::Oid& oid) const {
  const MibEntry* e = layout_->Find(oid);
  if (!e) return std::nullopt;
  return ValueOf(*e);
}

std::optional<snmp::Varbind> ApModel::Next(const snmp::Oid& oid) const {
  const MibEntry* e = layout_->After(oid);
  if (!e) return std::nullopt;
  return snmp::Varbind{e->oid, ValueOf(*e)};
}

snmp::Value ApModel::ValueOf(const MibEntry& e) const {
  const int row = e.row;
  const int i = row - 1;  // 0-based interface / radio / VAP
  const int ssids = traffic_.ssids();
  const std::int64_t up_ms = std::max<std::int64_t>(0, state_.t_ms - boot_ms_);
  switch (e.field) {
    case Field::kSysDescr:
      return Value::String(sys_descr_);
    case Field::kSysObjectId:
      return Value::ObjectId(kNetSnmpLinux);
    case Field::kSysUpTime:
      return Value::Unsigned(ValueType::kTimeTicks,
                             static_cast<std::uint64_t>(up_ms / 10) % kMod32);
    case Field::kSysContact:
      return Value::String("wifi@helsingborg.example");
    case Field::kSysName:
      return Value::String(options_.name);
    case Field::kSysLocation:
      return Value::String(options_.location);
    case Field::kIfNumber:
      return Value::Integer(kInterfaces);
    case Field::kIfIndex:
      return Value::Integer(row);
    case Field::kIfDescr:
    case Field::kIfName:
      return Value::String(kIfNames[i]);
    case Field::kIfType:
      return Value::Integer(kIfTypes[i]);
    case Field::kIfMtu:
      return Value::Integer(kIfMtu[i]);
    case Field::kIfSpeed:
      return Value::Unsigned(ValueType::kGauge32, kIfMbps[i] * 1000000);
    case Field::kIfPhysAddress:
      return Value::String(row == 1 ? std::string() : Mac(seed_, row));
    case Field::kIfAdminStatus:
    case Field::kIfOperStatus:
      return Value::Integer(1);
    case Field::kIfLastChange:
      return Value::Unsigned(ValueType::kTimeTicks, 0);
    case Field::kIfInOctets:
      return Value::Unsigned(ValueType::kCounter32, InterfaceCounter(row, true) % kMod32);
    case Field::kIfOutOctets:
      return Value::Unsigned(ValueType::kCounter32, InterfaceCounter(row, false) % kMod32);
    case Field::kIfHcInOctets:
      return Value::Unsigned(ValueType::kCounter64, InterfaceCounter(row, true));
    case Field::kIfHcOutOctets:
      return Value::Unsigned(ValueType::kCounter64, InterfaceCounter(row, false));
    case Field::kIfHighSpeed:
      return Value::Unsigned(ValueType::kGauge32, kIfMbps[i]);
    case Field::kIfAlias:
      return Value::String("");
    case Field::kRadioIndex:
    case Field::kVapIndex:
      return Value::Integer(row);
    case Field::kRadioName:
      return Value::String(i == 0 ? "wifi0" : "wifi1");
    case Field::kRadioRadio:
      return Value::String(i == 0 ? "ng" : "na");
    case Field::kVapBssId:
      return Value::String(Mac(seed_, 16 + i));
    case Field::kVapChannel: {
      static constexpr int kNg[] = {1, 6, 11};
      static constexpr int kNa[] = {36, 44, 100, 149};
      return Value::Integer(i / ssids == 0 ? kNg[Hash(seed_, 410) % 3] : kNa[Hash(seed_, 411) % 4]);
    }
    case Field::kVapEssId:
      return Value::String(options_.ssids[i % ssids]);
    case Field::kVapName:
      return Value::String("ath" + std::to_string(i));
    case Field::kVapNumStations:
      return Value::Integer(clients_.vap[i]);
    case Field::kVapRadio:
      return Value::String(i / ssids == 0 ? "ng" : "na");
    case Field::kVapRxBytes:
      return Value::Unsigned(ValueType::kCounter32, VapCounter(i, true) % kMod32);
    case Field::kVapTxBytes:
      return Value::Unsigned(ValueType::kCounter32, VapCounter(i, false) % kMod32);
    case Field::kVapTxPower:
      return Value::Integer(i / ssids == 0 ? 20 : 23);
    case Field::kVapUp:
      return Value::Integer(1);
    case Field::kApModel:
      return Value::String(model_);
    case Field::kApVersion:
      return Value::String(version_);
    case Field::kEngineId: {
      // net-snmp enterprise 8072, format 3 (MAC address).
      return Value::String(std::string{'\x80', '\x00', '\x1F', '\x88', '\x03'} + Mac(seed_, 2));
    }
    case Field::kEngineBoots:
      return Value::Integer(engine_boots_);
    case Field::kEngineTime:
      return Value::Integer(std::min<std::int64_t>(up_ms / 1000, 0x7FFFFFFF));
    case Field::kEngineMaxMessageSize:
      return Value::Integer(65507);
  }
  return Value::Exception(ValueType::kNoSuchObject);
}

}  // namespace surfzone::sim
