#pragma once
/// Recorded walks of a device loaded into a Mib, in two formats:
/// - snmpsim's `.snmprec` (`OID|TYPE|VALUE` lines, TYPE the BER tag in decimal: 2 INTEGER,
///   4 OCTET STRING, 4x hex OCTET STRING, 5 NULL, 6 OBJECT IDENTIFIER, 64 IpAddress,
///   65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64);
/// - the text `snmpwalk -On` / `snmpbulkwalk -On` print (`.1.3.6.1.2.1.1.5.0 = STRING: "ap1"`:
///   INTEGER, STRING, Hex-STRING, OID, IpAddress, Counter32, Counter64, Gauge32, Unsigned32,
///   Timeticks "(123) 0:00:01.23", Opaque, NULL, `""`; "No Such Object/Instance" and
///   "No more variables" lines are skipped; a string spanning lines is joined).

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

/// Adds every line of `text` (snmpwalk -On output) to `mib`. Blank lines and `#` comments are
/// skipped. Throws WalkFileError "<source>:<line>: <what>" on the first line it cannot read.
void ParseSnmpwalk(std::string_view text, std::string_view source, Mib& mib);

/// True when `text` looks like snmpwalk output (its first data line has " = "), false for
/// snmprec.
bool LooksLikeSnmpwalk(std::string_view text);

/// Reads the file at `path` with ParseSnmprec. Throws WalkFileError when it cannot be read.
Mib LoadSnmprecFile(const std::string& path);

/// Reads a walk file in either format (LooksLikeSnmpwalk decides). Throws WalkFileError.
Mib LoadWalkFile(const std::string& path);

}  // namespace surfzone::snmp
