// surfzoned: argv -> options -> App -> exit code.
#include <iostream>

#include "surfzone/core/app.hpp"
#include "surfzone/core/profile_command.hpp"

int main(int argc, char** argv) {
  int exit_code = 0;
  auto options = surfzone::core::ParseOptions(argc, argv, &exit_code);
  if (!options) return exit_code;
  if (options->version) {
    std::cout << "surfzoned " << SURFZONE_VERSION << " (revision " << SURFZONE_REVISION << ")\n";
    return 0;
  }
  if (options->profile_command) {
    return surfzone::core::RunProfileCommand(*options->profile_command, std::cout, std::cerr);
  }
  if (options->check_config) return surfzone::core::CheckConfig(*options);
  return surfzone::core::Run(*options);
}
