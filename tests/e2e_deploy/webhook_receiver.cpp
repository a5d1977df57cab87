#include "webhook_receiver.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

namespace surfzone::deploy_test {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

// One connection: read requests until the peer closes (Alertmanager keeps connections alive),
// answer each with 200 and hand its body to `deliver`.
class WebhookSession : public std::enable_shared_from_this<WebhookSession> {
 public:
  WebhookSession(tcp::socket socket, std::function<void(Notification)> deliver)
      : socket_(std::move(socket)), deliver_(std::move(deliver)) {}

  void Read() {
    request_ = {};
    http::async_read(socket_, buffer_, request_,
                     [self = shared_from_this()](boost::system::error_code ec, std::size_t) {
                       if (!ec) self->Handle();
                     });
  }

 private:
  void Handle() {
    Notification n;
    n.path = std::string(request_.target());
    boost::system::error_code ec;
    n.body = boost::json::parse(request_.body(), ec);
    if (ec) n.body = boost::json::string(request_.body());
    n.received = std::chrono::system_clock::now();
    deliver_(std::move(n));
    response_ = {};
    response_.version(request_.version());
    response_.result(http::status::ok);
    response_.keep_alive(request_.keep_alive());
    response_.body() = "ok\n";
    response_.prepare_payload();
    http::async_write(socket_, response_,
                      [self = shared_from_this()](boost::system::error_code write_ec, std::size_t) {
                        if (!write_ec && self->response_.keep_alive()) self->Read();
                      });
  }

  tcp::socket socket_;
  std::function<void(Notification)> deliver_;
  boost::beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

struct WebhookReceiver::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::function<void(Notification)> deliver;

  void Accept() {
    acceptor.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (ec) return;  // closed on shutdown
      std::make_shared<WebhookSession>(std::move(socket), deliver)->Read();
      Accept();
    });
  }
};

WebhookReceiver::WebhookReceiver() : impl_(std::make_unique<Impl>()) {
  port_ = impl_->acceptor.local_endpoint().port();
  impl_->deliver = [this](Notification n) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      received_.push_back(std::move(n));
    }
    changed_.notify_all();
  };
  impl_->Accept();
  thread_ = std::thread([this] { impl_->io.run(); });
}

WebhookReceiver::~WebhookReceiver() {
  impl_->io.stop();
  thread_.join();
}

std::string WebhookReceiver::base_url() const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/";
}

std::vector<Notification> WebhookReceiver::Received() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return received_;
}

bool WebhookReceiver::WaitFor(const std::function<bool(const Notification&)>& pred,
                              std::chrono::milliseconds limit) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, limit, [&] {
    for (const auto& n : received_) {
      if (pred(n)) return true;
    }
    return false;
  });
}

}  // namespace surfzone::deploy_test
