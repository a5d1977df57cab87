#include "surfzone/snmp/error.hpp"

#include <string>

namespace surfzone::snmp {
namespace {

class Category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "snmp"; }
  std::string message(int ev) const override {
    switch (static_cast<Errc>(ev)) {
      case Errc::kTimeout:
        return "timeout";
      case Errc::kSendFailed:
        return "send failed";
      case Errc::kAgentError:
        return "agent returned an error";
      case Errc::kSecurityError:
        return "SNMPv3 security error";
      case Errc::kDiscoveryFailed:
        return "SNMPv3 engine ID discovery failed";
      case Errc::kOpenFailed:
        return "could not open SNMP session";
      case Errc::kClosed:
        return "session closed";
    }
    return "unknown SNMP error";
  }
};

}  // namespace

const boost::system::error_category& ErrorCategory() {
  static const Category category;
  return category;
}

}  // namespace surfzone::snmp
