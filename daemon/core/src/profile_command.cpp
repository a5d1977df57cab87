#include "surfzone/core/profile_command.hpp"

#include <ostream>
#include <stdexcept>

#include "surfzone/collectors/profile_tester.hpp"
#include "surfzone/snmp/walk_file.hpp"

namespace surfzone::core {

int RunProfileCommand(const ProfileCommand& command, std::ostream& out, std::ostream& err) {
  if (command.action == "list") {
    collectors::PrintProfileList(out);
    return 0;
  }
  if (command.action == "show") {
    if (collectors::PrintBuiltinProfile(command.name, out)) return 0;
    err << "surfzoned: no built-in profile \"" << command.name
        << "\" (see: surfzoned profile list)\n";
    return 2;
  }
  try {
    const collectors::Profile profile(collectors::LoadProfileArgument(command.profile));
    const snmp::Mib mib = snmp::LoadWalkFile(command.walk);
    const collectors::ProfileTestReport report = collectors::TestProfile(profile, mib);
    collectors::PrintReport(report, out);
    if (!report.matched()) {
      err << "surfzoned: profile " << profile.name() << " matches nothing in " << command.walk
          << '\n';
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    err << "surfzoned: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace surfzone::core
