// ControllerModel::ValueOf: what each instance of a controller's MIB shows at now(). Columns the
// model has no meaning for show the values of the real recordings
// (tests/fixtures/walks/ciscowlc_cbw240ac.snmprec, aruba-instant.snmprec).
#include <algorithm>

#include "controller_layout.hpp"
#include "surfzone/sim/controller_model.hpp"
#include "surfzone/sim/seed.hpp"

namespace surfzone::sim {
namespace {

using snmp::Value;
using snmp::ValueType;
using namespace detail;

constexpr std::uint64_t kMod32 = 1ull << 32;

Value Octets(const MacAddress& mac) { return Value::String(std::string(mac.begin(), mac.end())); }

Value Ip(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  Value v;
  v.type = ValueType::kIpAddress;
  v.bytes = {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c),
             static_cast<char>(d)};
  return v;
}

Value Gauge(std::uint64_t v) { return Value::Unsigned(ValueType::kGauge32, v % kMod32); }
Value Counter(std::uint64_t v) { return Value::Unsigned(ValueType::kCounter32, v % kMod32); }
Value Ticks(std::int64_t ms) {
  return Value::Unsigned(ValueType::kTimeTicks,
                         static_cast<std::uint64_t>(std::max<std::int64_t>(0, ms) / 10) % kMod32);
}

int Channel(std::uint64_t seed, int model_radio) {
  static constexpr int kNg[] = {1, 6, 11};
  static constexpr int kNa[] = {36, 44, 100, 149};
  return model_radio == 0 ? kNg[Hash(seed, 410) % 3] : kNa[Hash(seed, 411) % 4];
}

std::uint64_t ApSeed(const ApModel& ap) {
  return Mix64(SeedFromName(ap.name()) ^ ap.options().fleet_seed);
}

// bsnAPIfTable columns without a model meaning: the recording's values (rows of ap2..ap4,
// slot 0 / slot 1).
Value CiscoIfConstant(std::uint32_t column, int slot) {
  switch (column) {
    case 10:
      return Gauge(0);
    case 11:
      return Value::Integer(slot == 0 ? 1 : 3);
    case 7:
      return Value::Integer(3);
    case 9:
      return Value::Integer(255);
    case 16:
    case 17:
    case 18:
      return Value::Integer(0);
    case 19:
      return Ip(0, 0, 0, 0);
    case 20:
      return Value::Integer(slot == 0 ? 10 : 12);
    case 21:
      return Value::String(slot == 0 ? "1,2,3,4,5,6,7,8,9,10,11"
                                     : "36,40,44,48,52,56,60,64,100,104,108,112,116,120,124,"
                                       "128,132,136,140,144,149,153,157,161,165");
    case 22:
      return Value::String(slot == 0 ? "20,17,14,11,8,5,2,-1" : "23,20,17,14,11,8,5,2");
    case 25:
      return Value::String("N/A");
    default:  // 3, 5, 6, 8, 13, 14, 23, 34
      return Value::Integer(1);
  }
}

}  // namespace

snmp::Value ControllerModel::ValueOf(const Entry& e) const {
  const bool cisco = options_.vendor == ControllerVendor::kCiscoWlc;
  const int ssids = static_cast<int>(options_.ssids.size());
  switch (e.field) {
    case kSysDescr:
      return Value::String(cisco ? "Cisco Business Wireless"
                                 : "ArubaOS (MODEL: 225), Version 8.4.0.0-8.4.0.0");
    case kSysObjectId:
      return Value::ObjectId(cisco ? snmp::Oid{1, 3, 6, 1, 4, 1, 9, 6, 1, 37, 240, 1}
                                   : snmp::Oid{1, 3, 6, 1, 4, 1, 14823, 1, 2, 59});
    case kSysUpTime:
      return Ticks(t_ms_ - boot_ms_);
    case kSysContact:
      return Value::String("wifi@helsingborg.example");
    case kSysName:
      return Value::String(options_.name);
    case kSysLocation:
      return Value::String("Helsingborg");
    case kApConnectCount:
      return Gauge(
          static_cast<std::uint64_t>(std::count(reported_.begin(), reported_.end(), true)));
    case kEssSsid:
      return Value::String(options_.ssids[e.row]);
    case kEssStations:
      return Counter(static_cast<std::uint64_t>(SsidClients()[e.row]));
    default:
      break;
  }
  if (e.field >= kArubaScalar && e.field < kArubaSsidColumn) {
    switch (e.field - kArubaScalar) {
      case 1:
        return Value::String("simulated-vc-key-" + options_.name);
      case 2:
        return Value::String(options_.name);
      case 3:
        return Value::String("");
      case 4:
        return Value::String("8.4.0.0-8.4.0.0_68230");
      default:  // VC IP, master IP, .16
        return Ip(10, 128, 0, 10);
    }
  }
  if (e.field >= kArubaSsidColumn && e.field < kArubaApColumn) {
    switch (e.field - kArubaSsidColumn) {
      case 1:
        return Value::Integer(e.row);
      case 2:
        return Value::String(options_.ssids[e.row]);
      case 4:
        return Value::Integer(SsidClients()[e.row]);
      default:  // status, .5: 0 as recorded
        return Value::Integer(0);
    }
  }
  const ApModel& ap = *aps_[e.ap];
  const MacAddress& mac = macs_[e.ap];
  const std::uint64_t ap_seed = ApSeed(ap);
  const bool up = ApUp(e.ap);
  const ClientCounts clients = ap.clients();
  switch (e.field) {
    case kApName:
      return Value::String(ap.name());
    case kApLocation:
      return Value::String(ap.options().location);
    case kApOperationStatus:
      return Value::Integer(1);  // associated
    default:
      break;
  }
  if (e.field >= kCiscoIfColumn && e.field < kArubaScalar) {
    const std::uint32_t column = e.field - kCiscoIfColumn;
    const int slot = e.row;  // = model radio
    switch (column) {
      case 1:
        return Gauge(static_cast<std::uint64_t>(slot));
      case 2:
        return Value::Integer(slot == 0 ? 1 : 2);  // dot11b / dot11a
      case 4:
        return Value::Integer(Channel(ap_seed, slot));
      case 12:
        return Value::Integer(2);  // up (a reported AP is up)
      case 15:
        return Counter(static_cast<std::uint64_t>(clients.radio[slot]));
      default:
        return CiscoIfConstant(column, slot);
    }
  }
  if (e.field >= kArubaApColumn && e.field < kArubaRadioColumn) {
    switch (e.field - kArubaApColumn) {
      case 1:
        return Octets(mac);
      case 2:
        return Value::String(ap.name());
      case 3:
        return Ip(10, 128, static_cast<std::uint8_t>(1 + e.ap / 250),
                  static_cast<std::uint8_t>(1 + e.ap % 250));
      case 4: {
        char serial[16];
        std::snprintf(serial, sizeof serial, "CN%08llX",
                      static_cast<unsigned long long>(Hash(ap_seed, 520) & 0xFFFFFFFF));
        return Value::String(serial);
      }
      case 5:
        return Value::ObjectId(snmp::Oid{1, 3, 6, 1, 4, 1, 14823, 1, 2, 59});
      case 6:
        return Value::String("225");
      case 7:
        return Value::Integer(up ? 5 : 0);
      case 8:
        return Value::Integer(349196288);
      case 9:
        return up ? Ticks(static_cast<std::int64_t>((ap.now() - ap.boot_time()) * 1000)) : Ticks(0);
      case 10:
        return Value::Integer(527101952);
      case 11:
        return Value::Integer(up ? 1 : 2);
      case 12:
        return Value::Integer(0);
      default:  // 13
        return Value::String(e.ap == 0 ? "cluster master" : "cluster conductor");
    }
  }
  if (e.field >= kArubaRadioColumn && e.field < kArubaWlanColumn) {
    const int radio = ModelRadio(options_.vendor, e.row);
    const std::uint64_t tx = ap.RadioCounter(radio, false);
    const std::uint64_t rx = ap.RadioCounter(radio, true);
    MacAddress radio_mac = mac;
    radio_mac[5] = static_cast<std::uint8_t>(radio_mac[5] ^ (0x10 * (e.row + 1)));
    switch (e.field - kArubaRadioColumn) {
      case 1:
        return Octets(mac);
      case 2:
        return Value::Integer(e.row);
      case 3:
        return Octets(radio_mac);
      case 4:
        return Value::String(std::to_string(Channel(ap_seed, radio)));
      case 5:
        return Value::Integer(radio == 0 ? 16 : 21);
      case 6:
        return Value::Integer(92 + static_cast<int>(Hash(ap_seed, 530 + radio) % 5));
      case 7:
      case 8:
        return Value::Integer(up ? std::min(100, clients.radio[radio]) : 0);
      case 9:
        return Counter(tx / 900);
      case 10:
      case 15:
        return Counter(static_cast<std::uint64_t>(std::max(0.0, ap.now() - ap.boot_time())) * 10);
      case 11:
        return Counter(tx / 1000);
      case 12:
        return Counter(tx);
      case 13:
        return Counter(tx / 100000);
      case 14:
        return Counter(rx / 700);
      case 16:
        return Counter(rx);
      case 17:
        return Counter(rx / 800);
      case 18:
        return Counter(rx / 1500);
      case 19:
        return Counter(rx / 60);
      case 20:
        return Value::Integer(up ? 1 : 2);
      case 21:
        return Value::Integer(clients.radio[radio]);
      default:  // 22
        return Value::String("access");
    }
  }
  // aiWlanTable: wlan w = controller radio * ssids + ssid.
  const int radio = ModelRadio(options_.vendor, e.row / ssids);
  const int vap = radio * ssids + e.row % ssids;
  MacAddress bssid = mac;
  bssid[5] = static_cast<std::uint8_t>(bssid[5] ^ (0x10 * (e.row / ssids + 1) + e.row % ssids));
  const std::uint64_t tx = ap.VapCounter(vap, false);
  const std::uint64_t rx = ap.VapCounter(vap, true);
  switch (e.field - kArubaWlanColumn) {
    case 1:
      return Octets(mac);
    case 2:
      return Value::Integer(e.row);
    case 3:
      return Value::String(options_.ssids[static_cast<std::size_t>(e.row % ssids)]);
    case 4:
      return Octets(bssid);
    case 5:
      return Counter(tx / 1000);
    case 6:
      return Counter(tx / 100000);
    case 7:
      return Counter(tx);
    case 8:
      return Counter(rx / 1000);
    case 9:
      return Counter(rx / 100000);
    default:  // 10
      return Counter(rx);
  }
}

}  // namespace surfzone::sim
