#include "surfzone/http/server.hpp"

#include <fmt/format.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/v6_only.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <exception>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "server_impl.hpp"
#include "surfzone/http/listen_address.hpp"
#include "surfzone/http/log.hpp"
#include "tls_context.hpp"

namespace surfzone::http {
namespace {

using asio::ip::tcp;

constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(100);

// co_spawn completion: an escaping exception is a bug, but must not take the daemon down.
auto LogUnhandled(std::string_view what) {
  return [what](const std::exception_ptr& error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      log::Error("HTTP server coroutine failed", {{"coroutine", what}, {"error", e.what()}});
    } catch (...) {
      log::Error("HTTP server coroutine failed", {{"coroutine", what}});
    }
  };
}

}  // namespace

void Connection::Close() {
  closed = true;
  stream.lowest().close();
  if (wait_timer != nullptr) wait_timer->cancel();
}

Server::Impl::Impl(std::string listen_address, Handlers handlers, ServerOptions options)
    : listen_address_(std::move(listen_address)),
      handlers_(std::move(handlers)),
      options_(options),
      acceptor_(io_),
      accept_retry_timer_(io_),
      gate_(std::make_shared<ReloadGate>(io_.get_executor())) {}

Server::Impl::~Impl() { Stop(); }

void Server::Impl::Start() {
  std::lock_guard lock(lifecycle_mutex_);
  if (started_) throw std::logic_error("surfzone::http::Server::Start called twice");
  started_ = true;
  if (!options_.web_config_file.empty()) {
    RefreshWebConfig();
    if (!web_) throw std::runtime_error(web_failed_error_);
  }
  Bind();
  asio::co_spawn(io_, AcceptLoop(), LogUnhandled("accept"));
  thread_ = std::thread([this] {
    for (;;) {
      try {
        io_.run();
        return;
      } catch (const std::exception& e) {
        log::Error("HTTP server thread caught an exception", {{"error", e.what()}});
      }
    }
  });
  log::Info("Listening on address", {{"address", listen_address_}, {"port", port_}});
}

void Server::Impl::Stop() {
  std::lock_guard lock(lifecycle_mutex_);
  if (thread_.joinable()) {
    asio::post(io_, [this] { Shutdown(); });
    thread_.join();
  }
  gate_->Close();
  auth_pool_.join();
}

void Server::Impl::Bind() {
  const auto parsed = ParseListenAddress(listen_address_);
  if (!parsed) {
    throw std::runtime_error(
        fmt::format("invalid listen address \"{}\": expected host:port, [ipv6]:port or :port",
                    listen_address_));
  }
  std::vector<tcp::endpoint> candidates;
  const bool all_interfaces = parsed->host.empty();
  if (all_interfaces) {
    // IPv6 dual-stack first; IPv4 only if the host has no IPv6.
    candidates = {tcp::endpoint(tcp::v6(), parsed->port), tcp::endpoint(tcp::v4(), parsed->port)};
  } else {
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(parsed->host, ec);
    if (!ec) {
      candidates.emplace_back(address, parsed->port);
    } else {
      tcp::resolver resolver(io_);
      const auto results =
          resolver.resolve(parsed->host, std::to_string(parsed->port),
                           tcp::resolver::passive | tcp::resolver::numeric_service, ec);
      if (ec) {
        throw std::runtime_error(
            fmt::format("cannot resolve listen address \"{}\": {}", listen_address_, ec.message()));
      }
      for (const auto& entry : results) candidates.push_back(entry.endpoint());
    }
  }
  boost::system::error_code first_error;
  for (const auto& endpoint : candidates) {
    boost::system::error_code ec;
    if (TryBind(endpoint, all_interfaces, ec)) {
      port_ = acceptor_.local_endpoint().port();
      return;
    }
    if (!first_error) first_error = ec;
  }
  throw std::runtime_error(fmt::format("cannot listen on \"{}\": {}", listen_address_,
                                       first_error ? first_error.message() : "no address"));
}

bool Server::Impl::TryBind(const tcp::endpoint& endpoint, bool dual_stack,
                           boost::system::error_code& ec) {
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec && dual_stack && endpoint.protocol() == tcp::v6()) {
    acceptor_.set_option(asio::ip::v6_only(false), ec);
  }
  if (!ec) acceptor_.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) return true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  return false;
}

asio::awaitable<void> Server::Impl::AcceptLoop() {
  for (;;) {
    auto [ec, socket] = co_await acceptor_.async_accept(asio::as_tuple(asio::use_awaitable));
    if (stopping_ || ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // E.g. EMFILE: back off instead of spinning, the condition may clear.
      log::Warn("HTTP accept failed", {{"error", ec.message()}});
      accept_retry_timer_.expires_after(kAcceptRetryDelay);
      co_await accept_retry_timer_.async_wait(asio::as_tuple(asio::use_awaitable));
      if (stopping_) co_return;
      continue;
    }
    boost::system::error_code peer_ec;
    const auto peer = socket.remote_endpoint(peer_ec);
    if (peer_ec) continue;  // already gone
    if (!MakeRoom(peer.address())) {
      CountDrop("refused");
      boost::system::error_code ignored;
      socket.close(ignored);
      continue;
    }
    RefreshWebConfig();
    auto conn = std::make_shared<Connection>(std::move(socket), peer.address(), web_);
    connections_.insert(conn);
    asio::co_spawn(io_, Serve(std::move(conn)), LogUnhandled("connection"));
  }
}

bool Server::Impl::MakeRoom(const asio::ip::address& peer) {
  std::size_t total = 0, from_peer = 0;
  std::shared_ptr<Connection> oldest_idle, oldest_idle_of_peer;
  for (const auto& c : connections_) {
    if (c->closed) continue;
    ++total;
    const bool same = c->peer == peer;
    if (same) ++from_peer;
    if (!c->idle) continue;
    if (!oldest_idle || c->idle_since < oldest_idle->idle_since) oldest_idle = c;
    if (same && (!oldest_idle_of_peer || c->idle_since < oldest_idle_of_peer->idle_since)) {
      oldest_idle_of_peer = c;
    }
  }
  std::shared_ptr<Connection> victim;
  if (from_peer >= options_.max_connections_per_address) {
    victim = oldest_idle_of_peer;
    if (!victim) return false;
  } else if (total >= options_.max_connections) {
    victim = oldest_idle;
    if (!victim) return false;
  } else {
    return true;
  }
  victim->Close();
  CountDrop("idle_evicted");
  return true;
}

void Server::Impl::CountDrop(std::string_view reason) {
  if (handlers_.on_connection_dropped) handlers_.on_connection_dropped(reason);
  (reason == "refused" ? drops_refused_ : drops_evicted_)++;
  constexpr auto kDropLogInterval = std::chrono::seconds(10);
  const auto now = std::chrono::steady_clock::now();
  if (now - drops_logged_ < kDropLogInterval) return;
  log::Warn("HTTP connection limits reached; dropped connections since the last report",
            {{"idle_evicted", drops_evicted_},
             {"refused", drops_refused_},
             {"max_connections", options_.max_connections},
             {"max_connections_per_address", options_.max_connections_per_address}});
  drops_logged_ = now;
  drops_evicted_ = drops_refused_ = 0;
}

void Server::Impl::Shutdown() {
  stopping_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  accept_retry_timer_.cancel();
  for (const auto& conn : connections_) conn->Close();
}

namespace {

// Size and mtime of `path`, or "-" when it cannot be read: a change of any means "re-read".
std::string Stamp(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return "-;";
  const auto mtime = std::filesystem::last_write_time(path, ec);
  return fmt::format("{}:{};", size, mtime.time_since_epoch().count());
}

// The stamps of the web config file and of the TLS files `config` names (if any).
std::string WebStamp(const std::filesystem::path& file, const WebConfig* config) {
  std::string stamp = Stamp(file);
  if (config != nullptr && config->tls) {
    stamp += Stamp(config->tls->cert_file) + Stamp(config->tls->key_file) +
             Stamp(config->tls->client_ca_file);
  }
  return stamp;
}

}  // namespace

void Server::Impl::PostRefreshWebConfig() {
  asio::post(io_, [this] { RefreshWebConfig(); });
}

void Server::Impl::RefreshWebConfig() {
  if (options_.web_config_file.empty()) return;
  const std::string stamp = WebStamp(options_.web_config_file, web_ ? &web_->config : nullptr);
  if (web_ && stamp == web_stamp_) return;
  if (stamp == web_failed_stamp_) return;  // the same bad file: said so already
  try {
    auto next = std::make_shared<WebState>();
    next->config = LoadWebConfig(options_.web_config_file);
    if (next->config.tls) next->tls = MakeTlsContext(*next->config.tls);
    const bool first = web_ == nullptr;
    // The stamp of what was read, TLS files included (they may have been named just now).
    std::string read_stamp = WebStamp(options_.web_config_file, &next->config);
    web_ = std::move(next);
    web_stamp_ = std::move(read_stamp);
    web_failed_stamp_.clear();
    log::Info(first ? "web config loaded" : "web config reloaded",
              {{"file", options_.web_config_file},
               {"tls", web_->tls != nullptr},
               {"basic_auth_users", web_->config.basic_auth_users.size()}});
  } catch (const std::exception& e) {
    web_failed_stamp_ = stamp;
    web_failed_error_ = e.what();
    if (web_) {
      log::Error("web config invalid; keeping the last good one",
                 {{"file", options_.web_config_file}, {"error", e.what()}});
    }
  }
}

Server::Server(std::string listen_address, Handlers handlers, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(listen_address), std::move(handlers), options)) {}

Server::~Server() = default;

void Server::Start() { impl_->Start(); }

std::uint16_t Server::port() const { return impl_->port(); }

void Server::RefreshWebConfig() { impl_->PostRefreshWebConfig(); }

void Server::Stop() { impl_->Stop(); }

}  // namespace surfzone::http
