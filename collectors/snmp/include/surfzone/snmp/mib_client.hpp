#pragma once
/// A Client that answers from an in-memory agent (MibAgent) instead of the network: the
/// offline profile tester applies a profile to a recorded walk with it, and the poll path's
/// unit tests drive the poller with it (answers, timeouts, slow or partial walks).
///
/// Like Session it completes every request later on its executor, never inline; a request the
/// agent does not answer completes with Errc::kTimeout after the options' timeout times
/// (retries + 1), as a real session would.

#include <boost/asio/any_io_executor.hpp>
#include <chrono>
#include <memory>
#include <string>

#include "surfzone/snmp/client.hpp"
#include "surfzone/snmp/mib.hpp"

namespace surfzone::snmp {

/// The agent behind MibClients: its MIB and how it behaves. Shared by the clients made for it
/// and by whoever drives it (a test changes values or takes it down between polls).
struct MibAgent {
  Mib mib;
  /// false: requests (and Open) are not answered and time out.
  bool responding = true;
  /// Answers this many requests (Open excluded), then stops responding; < 0: no limit.
  int answer_requests = -1;
  /// Delay before each answer.
  std::chrono::milliseconds delay{0};
  /// Requests received (Open excluded), answered or not.
  int requests = 0;
  /// A GETBULK answers at most this many varbinds (agents cap by message size).
  std::size_t max_varbinds = 1000;
};

class MibClient final : public Client {
 public:
  MibClient(boost::asio::any_io_executor executor, std::shared_ptr<MibAgent> agent,
            SessionOptions options);
  ~MibClient() override;

  bool IsOpen() const override { return open_; }
  void Close() override;
  const std::string& last_error() const override { return last_error_; }
  const SessionOptions& options() const override { return options_; }

 private:
  struct Pending;
  void OpenImpl(OpenHandler handler) override;
  void GetImpl(std::vector<Oid> oids, VarbindsHandler handler) override;
  void BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                VarbindsHandler handler) override;
  void Answer(VarbindsHandler handler, Varbinds answer);

  boost::asio::any_io_executor executor_;
  std::shared_ptr<MibAgent> agent_;
  SessionOptions options_;
  bool open_ = false;
  std::string last_error_;
  std::shared_ptr<Pending> pending_;  // requests in flight, completed with kClosed by Close()
};

}  // namespace surfzone::snmp
