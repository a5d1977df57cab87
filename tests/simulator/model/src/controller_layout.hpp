#pragma once
// Private to the controller model: the field codes of each vendor's MIB instances and the
// functions that lay them out (sorted by OID) for the APs a controller reports.

#include <cstdint>
#include <vector>

#include "surfzone/sim/controller_model.hpp"

namespace surfzone::sim::detail {

// Codes shared by both vendors (system group of the controller itself).
enum SystemField : std::uint16_t {
  kSysDescr = 1,
  kSysObjectId,
  kSysUpTime,
  kSysContact,
  kSysName,
  kSysLocation,
};

// cisco-wlc. kCiscoIfColumn + c: bsnAPIfTable column c (row = slot).
enum CiscoField : std::uint16_t {
  kApConnectCount = 100,  // clsSysApConnectCount.0
  kEssSsid,               // row = SSID index (0-based; OID index = row + 1)
  kEssStations,
  kApName,
  kApLocation,
  kApOperationStatus,
  kCiscoIfColumn = 1000,
};

// aruba-instant. kArubaApColumn + c: aiAPTable column c; kArubaRadioColumn + c: aiRadioTable
// (row = radio index); kArubaWlanColumn + c: aiWlanTable (row = wlan index); kArubaSsidColumn + c:
// aiSSIDTable (row = SSID index); kArubaScalar + n: aiMIB.1.n.0.
enum ArubaField : std::uint16_t {
  kArubaScalar = 2000,
  kArubaSsidColumn = 2100,
  kArubaApColumn = 2200,
  kArubaRadioColumn = 2300,
  kArubaWlanColumn = 2400,
};

/// bsnAPIfTable columns the recording shows (all but these come with the recording's values).
inline constexpr std::uint32_t kCiscoIfColumns[] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 25, 34};
inline constexpr std::uint32_t kArubaApColumns = 13;     // aiAPTable .1 .. .13
inline constexpr std::uint32_t kArubaRadioColumns = 22;  // aiRadioTable .1 .. .22
inline constexpr std::uint32_t kArubaWlanColumns = 10;   // aiWlanTable .1 .. .10
inline constexpr std::uint32_t kArubaSsidColumns = 5;    // aiSSIDTable .1 .. .5
inline constexpr std::uint32_t kArubaScalars[] = {1, 2, 3, 4, 5, 6, 16};

/// Radios of a managed AP in the controller's numbering -> the model's radio (0 = 2.4 GHz).
/// cisco: slot 0 = 2.4 GHz, slot 1 = 5 GHz. aruba: radio 0 = 5 GHz, radio 1 = 2.4 GHz.
constexpr int ModelRadio(ControllerVendor vendor, int controller_radio) {
  return vendor == ControllerVendor::kCiscoWlc ? controller_radio : 1 - controller_radio;
}

/// Every instance for the APs with reported[i] (sorted by OID).
std::vector<ControllerModel::Entry> BuildLayout(ControllerVendor vendor,
                                                const std::vector<MacAddress>& macs,
                                                const std::vector<bool>& reported, int ssids);

}  // namespace surfzone::sim::detail
