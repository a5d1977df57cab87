#pragma once
/// The contract between the simulator's SNMP front end (BER codec + UDP server, agent/) and its
/// models of access points (model/). The front end knows nothing about Wi-Fi; the models know
/// nothing about BER or sockets. OIDs and values are surfzone_snmp's plain types.

#include <chrono>
#include <optional>
#include <string>

#include "surfzone/snmp/value.hpp"

namespace surfzone::sim {

/// A read-only MIB at one instant.
class MibView {
 public:
  virtual ~MibView() = default;
  /// The exact instance `oid`, or nullopt (answered as noSuchInstance / noSuchObject).
  virtual std::optional<snmp::Value> Get(const snmp::Oid& oid) const = 0;
  /// The first instance strictly after `oid` in OID order, or nullopt (endOfMibView).
  virtual std::optional<snmp::Varbind> Next(const snmp::Oid& oid) const = 0;
};

/// How an agent treats requests right now (faults are scheduled or injected by the model).
enum class Behaviour {
  kNormal,
  kSilent,          // down / dark: no answer at all
  kGarbage,         // answers with bytes that are not BER
  kWrongRequestId,  // answers correctly but with another request-id
  kSlow,            // answers correctly after slow_delay()
};

/// One simulated SNMP agent (one access point or controller).
class Agent : public MibView {
 public:
  /// Brings the agent's values to simulated time `sim_seconds` (unix seconds on the sim clock).
  /// Called by the front end before answering each request.
  virtual void AdvanceTo(double sim_seconds) = 0;
  virtual Behaviour behaviour() const = 0;
  virtual std::chrono::milliseconds slow_delay() const { return std::chrono::milliseconds(0); }
  /// v1/v2c community the agent accepts; requests with another one are ignored (as snmpd does).
  virtual const std::string& community() const = 0;
};

}  // namespace surfzone::sim
