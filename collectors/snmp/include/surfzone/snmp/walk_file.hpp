#pragma once
/// Recorded walks of a device loaded into a Mib: snmpsim's `.snmprec` format
/// (`OID|TYPE|VALUE` lines, TYPE the BER tag in decimal: 2 INTEGER, 4 OCTET STRING, 4x hex
/// OCTET STRING, 5 NULL, 6 OBJECT IDENTIFIER, 64 IpAddress, 65 Counter32, 66 Gauge32,
/// 67 TimeTicks, 68 Opaque, 70 Counter64).

#include <stdexcept>
#include <string>
#include <string_view>

#include "surfzone/snmp/mib.hpp"

namespace surfzone::snmp {

/// A line of a walk file that cannot be read: names the file (as given) and the line.
class WalkFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Adds every line of `text` (snmprec) to `mib`. Blank lines and `#` comments are skipped.
/// Throws WalkFileError "<source>:<line>: <what>" on the first malformed line.
void ParseSnmprec(std::string_view text, std::string_view source, Mib& mib);

/// Reads the file at `path` with ParseSnmprec. Throws WalkFileError when it cannot be read.
Mib LoadSnmprecFile(const std::string& path);

}  // namespace surfzone::snmp
