#pragma once
/// AgentServer: many simulated SNMP agents, one UDP socket each on 127.0.0.1, all served by one
/// io_context on one thread. Per datagram: decode, Agent::AdvanceTo(clock()), then act on
/// Agent::behaviour() (answer, drop, garbage, request-id + 1, or answer after slow_delay()).
///
/// Sockets are non-blocking and read with async_wait + receive_from into one shared buffer, so
/// idle agents hold no buffer and a steady-state request costs no heap allocation in the server
/// itself (the MibView may allocate).

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "surfzone/sim/agent.hpp"
#include "surfzone/sim/responder.hpp"

namespace surfzone::sim {

/// Counters of one agent (or the whole server), readable from any thread.
struct AgentCounters {
  std::atomic<std::uint64_t> get{0};
  std::atomic<std::uint64_t> get_next{0};
  std::atomic<std::uint64_t> get_bulk{0};
  std::atomic<std::uint64_t> malformed{0};           // not a v1/v2c GET/GETNEXT/GETBULK
  std::atomic<std::uint64_t> community_mismatch{0};  // ignored
  std::atomic<std::uint64_t> dropped{0};             // silent behaviour, or no answer fits
  std::atomic<std::uint64_t> responses{0};    // datagrams handed to the socket, garbage included
  std::atomic<std::uint64_t> send_errors{0};  // of those, refused by the socket
  /// Sim times (the server's clock() when the request was read) of the first and the last request
  /// answered correctly (normal or slow behaviour; garbage, wrong request-id, silence and
  /// unanswerable requests do not count). NaN until the first answer.
  std::atomic<double> first_answered_at{std::numeric_limits<double>::quiet_NaN()};
  std::atomic<double> last_answered_at{std::numeric_limits<double>::quiet_NaN()};
};

/// A plain copy of AgentCounters.
struct AgentStats {
  std::uint64_t get = 0, get_next = 0, get_bulk = 0, malformed = 0, community_mismatch = 0,
                dropped = 0, responses = 0, send_errors = 0;
  double first_answered_at = std::numeric_limits<double>::quiet_NaN();
  double last_answered_at = std::numeric_limits<double>::quiet_NaN();
  std::uint64_t requests() const { return get + get_next + get_bulk; }
  /// True once a request was answered correctly (first/last_answered_at are set).
  bool answered() const { return !std::isnan(first_answered_at); }
};

struct AgentServerOptions {
  std::string address = "127.0.0.1";
  ResponderOptions responder;
  /// Simulated unix time in seconds; defaults to the real clock.
  std::function<double()> clock;
  /// Datagrams read per readiness event before yielding to other sockets.
  int max_batch = 32;
  /// Seed of the garbage generator (deterministic runs).
  std::uint64_t seed = 0x5eed;
};

class AgentServer {
 public:
  explicit AgentServer(AgentServerOptions options = {});
  ~AgentServer();  // Stop()s, then closes every socket
  AgentServer(const AgentServer&) = delete;
  AgentServer& operator=(const AgentServer&) = delete;

  /// Binds a socket for `agent` on `port` (0 = any free port) and starts serving it. Returns the
  /// bound port; throws boost::system::system_error if the bind fails. `agent` must outlive the
  /// server. Call before Start()/Run(), or on the server's thread.
  std::uint16_t Add(Agent& agent, std::uint16_t port = 0);

  /// Serves `agent` at `address:port` (an IPv4 loopback address such as 127.1.0.7) through ONE
  /// socket per port shared by every agent on that port: the socket is bound to 0.0.0.0:port,
  /// IP_PKTINFO tells which address a request was sent to, and the answer leaves from that same
  /// address. Datagrams to addresses outside 127.0.0.0/8 are dropped. This lets one process
  /// serve far more agents than it may open files (20,000 APs need 20,000 sockets otherwise).
  /// Throws std::invalid_argument for a non-loopback or duplicate address.
  void AddShared(Agent& agent, const std::string& address, std::uint16_t port);

  /// Runs the event loop on the calling thread until Stop().
  void Run();
  /// Runs the event loop on a new thread, pinned to `cpu` if cpu >= 0.
  void Start(int cpu = -1);
  /// Stops the loop (thread-safe) and joins the thread started by Start().
  void Stop();

  /// The loop the agents are served on (e.g. to post work onto the server thread).
  boost::asio::io_context& io_context() { return io_; }

  std::size_t agent_count() const { return slots_.size(); }
  std::uint16_t port(std::size_t agent_index) const;
  AgentStats stats(std::size_t agent_index) const;
  AgentStats totals() const;

  /// Raises RLIMIT_NOFILE: to fs.nr_open where permitted, else the soft limit to the hard one.
  /// Returns the new soft limit.
  static std::uint64_t RaiseFileLimit();

 private:
  struct Slot;
  struct Delayed;
  struct SharedSocket;

  void Arm(Slot& slot);
  void Drain(Slot& slot);
  void ArmShared(SharedSocket& shared);
  void DrainShared(SharedSocket& shared);
  void Handle(Slot& slot, std::size_t length);
  void Send(Slot& slot, const std::uint8_t* data, std::size_t size);
  void SendLater(Slot& slot, std::chrono::milliseconds delay);
  void FillGarbage();
  static void Count(std::atomic<std::uint64_t>& c) { c.fetch_add(1, std::memory_order_relaxed); }
  static void RecordAnswer(AgentCounters& c, double sim_seconds);

  AgentServerOptions options_;
  boost::asio::io_context io_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::map<std::uint16_t, std::unique_ptr<SharedSocket>> shared_;
  AgentCounters totals_;
  std::vector<std::uint8_t> rx_;
  std::vector<std::uint8_t> tx_;
  ber::Message request_;
  ber::Message response_;
  std::uint64_t rng_;
  std::thread thread_;
};

}  // namespace surfzone::sim
