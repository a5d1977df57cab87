#pragma once

/// @file
/// Compatibility header: logging moved to its own library, surfzone::log (daemon/log,
/// "surfzone/log/log.hpp"). New code includes that header and uses surfzone::log directly.

#include "surfzone/log/log.hpp"

namespace surfzone::http {
namespace log = ::surfzone::log;
}  // namespace surfzone::http
