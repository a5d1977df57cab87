#pragma once
/// A minimal blocking HTTP/1.1 client for tests, over plain sockets to 127.0.0.1. One request per
/// connection ("Connection: close"); every call is bounded by a deadline so that a hung server
/// fails the test instead of hanging it.

#include <chrono>
#include <map>
#include <string>

namespace surfzone::testing {

struct HttpResponse {
  int status = 0;                              ///< e.g. 200
  std::map<std::string, std::string> headers;  ///< names lower-cased
  std::string body;                            ///< de-chunked if Transfer-Encoding: chunked
};

/// Sends `method target` with `body` (Content-Length always set for POST) to 127.0.0.1:`port`
/// and reads the whole response. Throws std::runtime_error if the connection fails, the deadline
/// passes, or the response is not HTTP.
HttpResponse HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                         const std::string& body = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(5));

inline HttpResponse HttpGet(unsigned short port, const std::string& target,
                            std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  return HttpRequest(port, "GET", target, {}, timeout);
}

inline HttpResponse HttpPost(unsigned short port, const std::string& target,
                             const std::string& body = {},
                             std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
  return HttpRequest(port, "POST", target, body, timeout);
}

}  // namespace surfzone::testing
