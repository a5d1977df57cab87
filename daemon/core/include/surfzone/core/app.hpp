#pragma once
/// The daemon: loads the config, runs the poller on one io_context (this thread), serves HTTP
/// on its own thread, reloads on SIGHUP and POST /-/reload, stops on SIGTERM/SIGINT.

#include "surfzone/core/options.hpp"

namespace surfzone::core {

/// Runs until a termination signal. Returns the process exit code.
int Run(const Options& options);

/// --check-config: validates and prints the errors. Returns the exit code.
int CheckConfig(const Options& options);

}  // namespace surfzone::core
