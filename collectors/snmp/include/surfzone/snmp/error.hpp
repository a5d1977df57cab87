#pragma once
/// Error codes of SNMP operations (boost::system::error_code category "snmp").

#include <boost/system/error_code.hpp>

namespace surfzone::snmp {

enum class Errc {
  kTimeout = 1,      // no answer after all retries
  kSendFailed,       // the request could not be sent (socket error, encoding)
  kAgentError,       // the agent answered with error-status != noError (tooBig, genErr, ...)
  kSecurityError,    // v3: unknown user, wrong digest, decryption error, unknown engine ...
  kDiscoveryFailed,  // v3: engine ID discovery got no engine ID
  kOpenFailed,       // session could not be opened (bad address, bad credentials)
  kClosed,           // the session was closed while the request was outstanding
};

const boost::system::error_category& ErrorCategory();

inline boost::system::error_code make_error_code(Errc e) {
  return {static_cast<int>(e), ErrorCategory()};
}

}  // namespace surfzone::snmp

template <>
struct boost::system::is_error_code_enum<surfzone::snmp::Errc> : std::true_type {};
