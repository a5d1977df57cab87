// Session: forwards to the implementation for its SNMP version (see detail/session_impl.hpp).
#include "surfzone/snmp/session.hpp"

#include "detail/session_impl.hpp"

namespace surfzone::snmp {

Session::Session(boost::asio::any_io_executor executor, Engine& engine, SessionOptions options)
    : impl_(options.auth.version == config::SnmpVersion::kV3
                ? detail::MakeNetsnmpSession(std::move(executor), engine, std::move(options))
                : detail::MakeNativeSession(std::move(executor), engine, std::move(options))) {}

Session::~Session() { impl_->Close(); }

bool Session::IsOpen() const { return impl_->IsOpen(); }
void Session::Close() { impl_->Close(); }
const std::string& Session::last_error() const { return impl_->last_error; }
const SessionOptions& Session::options() const { return impl_->options; }

void Session::OpenImpl(OpenHandler handler) { impl_->Open(std::move(handler)); }

void Session::GetImpl(std::vector<Oid> oids, VarbindsHandler handler) {
  impl_->Get(std::move(oids), std::move(handler));
}

void Session::BulkImpl(std::vector<Oid> oids, int non_repeaters, int max_repetitions,
                       VarbindsHandler handler) {
  impl_->Bulk(std::move(oids), non_repeaters, max_repetitions, std::move(handler));
}

}  // namespace surfzone::snmp
