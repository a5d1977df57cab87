#pragma once
/// Reading fleet files (YAML). Schema (see deploy/demo/helsingborg.yaml for a full example):
///
///   sim:                        # optional
///     start: 2025-07-12T13:00:00Z   # unix seconds | ISO UTC "...Z" | ISO local (Stockholm)
///                                   # without "Z" | "now" (default)
///     speed: 60                 # 1..10000
///     host: 127.0.0.1
///     base_port: 16100          # APs get consecutive ports in file order
///     community: public
///     ssids: [Helsingborg, eduroam]
///     seed: 0
///   controllers:                # optional: wireless controllers (one SNMP agent each)
///     - {name: wlc-centrum, vendor: cisco-wlc}   # vendor: cisco-wlc | aruba-instant
///   locations:                  # required, non-empty
///     - name: Stortorget        # required, unique
///       kind: square            # required: square|park|street|harbour|building|other
///       district: Centrum       # optional
///       lat: 56.0465            # optional, with lon
///       lon: 12.6945
///       vendor: unifi           # defaults for this location's APs: vendor, profile,
///       counters: 64            #   counters (32|64), capacity, controller (managed by it:
///       controller: wlc-centrum #   no own agent, shown in the controller's AP tables)
///       aps: 3                  # shorthand: stortorget-1..3; or a list:
///       # aps:
///       #   - name: stortorget-1   (required, unique) + vendor/profile/counters/capacity/
///       #                          controller
///   faults:                     # optional
///     - ap: stortorget-1        # or location: Stortorget (every AP there), or
///                               #   controller: wlc-centrum (its own agent; not reboot)
///       kind: down              # reboot|down|slow|garbage|wrong_request_id
///       at: 2h                  # after sim start: seconds or a duration ("1h30m")
///       duration: 30m           # required except for reboot (boot time, default 0)
///       delay: 1500ms           # slow only (default 1500ms)
///
/// Unknown keys are errors. All problems are collected and reported together.

#include <stdexcept>
#include <string>
#include <vector>

#include "surfzone/sim/fleet_spec.hpp"

namespace surfzone::sim {

struct FleetError {
  std::string file;
  int line = 0;  // 1-based; 0 if unknown
  int column = 0;
  std::string message;
  /// "file:line:column: message"
  std::string ToString() const;
};

class FleetException : public std::runtime_error {
 public:
  explicit FleetException(std::vector<FleetError> errors);
  const std::vector<FleetError>& errors() const { return errors_; }

 private:
  std::vector<FleetError> errors_;
};

/// Throws FleetException (with every error found) if the file is missing or invalid.
FleetSpec LoadFleetFile(const std::string& path);
/// Same from a string; `name` is used as the file name in errors.
FleetSpec LoadFleetString(const std::string& yaml, const std::string& name = "<string>");

}  // namespace surfzone::sim
