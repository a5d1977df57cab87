#include "http_test_client.hpp"

#include <array>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/system/system_error.hpp>
#include <chrono>
#include <utility>

namespace surfzone::http::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;

constexpr auto kDeadline = std::chrono::seconds(5);

}  // namespace

TestClient::TestClient(std::uint16_t port) : stream_(io_) {
  const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  const auto ec = Run([&](auto done) { stream_.async_connect(endpoint, done); });
  if (ec) throw boost::system::system_error(ec, "connect");
}

template <typename Start>
boost::system::error_code TestClient::Run(Start&& start) {
  boost::system::error_code result;
  stream_.expires_after(kDeadline);
  start([&result](boost::system::error_code ec, auto&&...) { result = ec; });
  io_.restart();
  io_.run();
  return result;
}

TestResponse TestClient::Send(bhttp::verb method, std::string_view target, std::string body,
                              bool keep_alive, std::string_view authorization) {
  bhttp::request<bhttp::string_body> req{method, target, 11};
  req.set(bhttp::field::host, "127.0.0.1");
  req.keep_alive(keep_alive);
  if (!authorization.empty()) req.set(bhttp::field::authorization, authorization);
  if (!body.empty() || method == bhttp::verb::post) {
    req.body() = std::move(body);
    req.prepare_payload();
  }
  auto ec = Run([&](auto done) { bhttp::async_write(stream_, req, done); });
  if (ec) throw boost::system::system_error(ec, "write");
  bhttp::response_parser<bhttp::string_body> parser;
  parser.skip(method == bhttp::verb::head);
  ec = Run([&](auto done) { bhttp::async_read(stream_, buffer_, parser, done); });
  if (ec) throw boost::system::system_error(ec, "read");
  return parser.release();
}

void TestClient::WriteRaw(std::string_view bytes) {
  const auto ec = Run([&](auto done) { asio::async_write(stream_, asio::buffer(bytes), done); });
  if (ec) throw boost::system::system_error(ec, "write");
}

std::string TestClient::ReadUntilClosed(boost::system::error_code& ec) {
  std::string data(static_cast<const char*>(buffer_.data().data()), buffer_.size());
  buffer_.consume(buffer_.size());
  std::array<char, 4096> chunk{};
  for (;;) {
    std::size_t n = 0;
    ec = Run([&](auto done) {
      stream_.async_read_some(asio::buffer(chunk), [&n, done](auto read_ec, std::size_t bytes) {
        n = bytes;
        done(read_ec);
      });
    });
    data.append(chunk.data(), n);
    if (ec == asio::error::eof || ec == asio::error::connection_reset) {
      ec = {};
      return data;
    }
    if (ec) return data;
  }
}

TestResponse Fetch(std::uint16_t port, bhttp::verb method, std::string_view target,
                   std::string body, std::string_view authorization) {
  TestClient client(port);
  return client.Send(method, target, std::move(body), false, authorization);
}

}  // namespace surfzone::http::testing
