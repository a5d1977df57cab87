#pragma once

// A tiny blocking HTTP/1.1 client over loopback for the server tests. Every operation gives up
// after a few seconds so that a misbehaving server fails a test instead of hanging it.

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/verb.hpp>
#include <boost/system/error_code.hpp>
#include <cstdint>
#include <string>
#include <string_view>

namespace surfzone::http::testing {

using TestResponse = boost::beast::http::response<boost::beast::http::string_body>;

class TestClient {
 public:
  /// Connects to 127.0.0.1:`port`; throws on failure.
  explicit TestClient(std::uint16_t port);

  /// Sends one request and reads the response; throws boost::system::system_error on failure.
  /// `authorization`, when not empty, is sent as the Authorization header.
  TestResponse Send(boost::beast::http::verb method, std::string_view target, std::string body = "",
                    bool keep_alive = true, std::string_view authorization = {});

  /// Writes raw bytes.
  void WriteRaw(std::string_view bytes);

  /// Reads until the server closes the connection (or the deadline passes; then `ec` says so).
  std::string ReadUntilClosed(boost::system::error_code& ec);

 private:
  template <typename Start>
  boost::system::error_code Run(Start&& start);

  boost::asio::io_context io_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

/// One request on a fresh connection.
TestResponse Fetch(std::uint16_t port, boost::beast::http::verb method, std::string_view target,
                   std::string body = "", std::string_view authorization = {});

}  // namespace surfzone::http::testing
