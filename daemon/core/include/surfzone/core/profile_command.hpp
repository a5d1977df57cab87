#pragma once
/// `surfzoned profile list | show NAME | test --profile P --walk W`: thin glue over
/// collectors/profile_tester.hpp. Exit codes: 0 ok / the profile matched; 1 the profile matched
/// nothing in the walk; 2 bad input (unknown profile, bad profile YAML, unreadable walk: the
/// message names file:line).

#include <iosfwd>

#include "surfzone/core/options.hpp"

namespace surfzone::core {

int RunProfileCommand(const ProfileCommand& command, std::ostream& out, std::ostream& err);

}  // namespace surfzone::core
