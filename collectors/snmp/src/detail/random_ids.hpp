#pragma once
// Unpredictable SNMP request-ids and v3 msgIDs. A reply is matched to its request by source
// address and request-id only, so an id that grows by 1 lets anyone who saw one request (or
// guesses) answer the next one from a spoofed AP address: the AP would turn up, and sysName and
// reboots would be the attacker's. Ids drawn from the kernel's CSPRNG (getrandom(2), ChaCha20)
// leave a blind spoofer 31 bits to guess per outstanding request.

#include <cstdint>

namespace surfzone::snmp::detail {

/// A random id in [1, 2^31 - 1]. Thread-safe (a buffer of kernel randomness per thread).
std::int32_t RandomId();

}  // namespace surfzone::snmp::detail
