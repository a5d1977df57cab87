#pragma once
/// Internal helpers around Address that the public API does not need.

#include <string>

#include "surfzone/config/config.hpp"

namespace surfzone::config::detail {

/// A key under which two addresses that reach the same endpoint compare equal:
/// IPv6 in canonical form ("0:0::1" == "::1"), names lower-cased without a trailing dot.
std::string AddressKey(const Address& address);

}  // namespace surfzone::config::detail
