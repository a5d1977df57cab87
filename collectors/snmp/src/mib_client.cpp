#include "surfzone/snmp/mib_client.hpp"

#include <boost/asio/steady_timer.hpp>
#include <list>

namespace surfzone::snmp {
namespace asio = boost::asio;

// A request waiting for its answer time. `finish` gets the outcome: empty = answer as planned,
// kClosed = the client was closed first.
struct MibClient::Pending {
  struct Entry {
    explicit Entry(const asio::any_io_executor& ex) : timer(ex) {}
    asio::steady_timer timer;
    UniqueHandler<void(ErrorCode)> finish;
    bool closed = false;
  };
  std::list<std::shared_ptr<Entry>> entries;

  void Schedule(const asio::any_io_executor& ex, std::chrono::milliseconds after,
                UniqueHandler<void(ErrorCode)> finish, const std::shared_ptr<Pending>& self) {
    auto entry = std::make_shared<Entry>(ex);
    entry->finish = std::move(finish);
    entries.push_back(entry);
    auto where = std::prev(entries.end());
    entry->timer.expires_after(after);
    entry->timer.async_wait([self, entry, where](boost::system::error_code) {
      self->entries.erase(where);
      if (entry->finish) std::move(entry->finish)(entry->closed ? Errc::kClosed : ErrorCode{});
    });
  }

  void CloseAll() {
    for (const auto& e : entries) {
      e->closed = true;
      e->timer.cancel();
    }
  }
};

MibClient::MibClient(asio::any_io_executor executor, std::shared_ptr<MibAgent> agent,
                     SessionOptions options)
    : executor_(std::move(executor)),
      agent_(std::move(agent)),
      options_(std::move(options)),
      pending_(std::make_shared<Pending>()) {}

MibClient::~MibClient() { Close(); }

void MibClient::Close() {
  open_ = false;
  pending_->CloseAll();
}

namespace {

std::chrono::milliseconds TimeoutOf(const SessionOptions& o) {
  return o.timeout * (std::max(o.retries, 0) + 1);
}

}  // namespace

void MibClient::OpenImpl(OpenHandler handler) {
  const bool answers = agent_->responding;
  const auto after = answers ? agent_->delay : TimeoutOf(options_);
  pending_->Schedule(executor_, after,
                     UniqueHandler<void(ErrorCode)>(
                         [this, answers, handler = std::move(handler)](ErrorCode closed) mutable {
                           ErrorCode ec = closed;
                           if (!ec && !answers) {
                             ec = Errc::kTimeout;
                             last_error_ = "no answer from the agent";
                           }
                           if (!ec) open_ = true;
                           std::move(handler)(ec);
                         }),
                     pending_);
}

void MibClient::Answer(VarbindsHandler handler, Varbinds answer) {
  ++agent_->requests;
  bool answers = agent_->responding && agent_->answer_requests != 0;
  if (agent_->answer_requests > 0) --agent_->answer_requests;
  if (!open_) answers = false;
  const auto after = answers ? agent_->delay : TimeoutOf(options_);
  pending_->Schedule(
      executor_, after,
      UniqueHandler<void(ErrorCode)>([this, answers, handler = std::move(handler),
                                      answer = std::move(answer)](ErrorCode closed) mutable {
        ErrorCode ec = closed;
        if (!ec && !answers) {
          ec = Errc::kTimeout;
          last_error_ = "no answer from the agent";
        }
        std::move(handler)(ec, ec ? Varbinds{} : std::move(answer));
      }),
      pending_);
}

void MibClient::GetImpl(std::vector<Oid> oids, VarbindsHandler handler) {
  Varbinds answer;
  answer.reserve(oids.size());
  for (const Oid& oid : oids) answer.push_back(agent_->mib.Get(oid));
  Answer(std::move(handler), std::move(answer));
}

void MibClient::BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                         VarbindsHandler handler) {
  Varbinds answer;
  if (options_.auth.version == config::SnmpVersion::kV1) {
    // v1 has no GETBULK: one GETNEXT of the same OIDs.
    for (const Oid& oid : oids) answer.push_back(agent_->mib.Next(oid));
  } else {
    answer = agent_->mib.Bulk(oids, non_repeaters, max_repetitions);
    if (answer.size() > agent_->max_varbinds) {
      // Agents cut a response to fit the message size, keeping whole rows where they can.
      const std::size_t keep = std::max<std::size_t>(agent_->max_varbinds, oids.size());
      answer.resize(std::min(answer.size(), keep));
    }
  }
  Answer(std::move(handler), std::move(answer));
}

}  // namespace surfzone::snmp
