#include "surfzone/testing/http_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace surfzone::testing {
namespace {

using Clock = std::chrono::steady_clock;

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Waits until `fd` has `events`; throws when `deadline` passes first.
void WaitFor(int fd, short events, Clock::time_point deadline, const char* what) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) throw std::runtime_error(std::string("http: timeout while ") + what);
    pollfd p{fd, events, 0};
    const int r = poll(&p, 1, static_cast<int>(left.count()));
    if (r > 0) return;
    if (r < 0 && errno != EINTR) throw std::runtime_error(std::string("http: poll failed ") + what);
  }
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::string Dechunk(const std::string& raw) {
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    const std::size_t eol = raw.find("\r\n", pos);
    if (eol == std::string::npos) throw std::runtime_error("http: truncated chunked body");
    const std::size_t size = std::strtoul(raw.substr(pos, eol - pos).c_str(), nullptr, 16);
    pos = eol + 2;
    if (size == 0) return out;
    if (pos + size > raw.size()) throw std::runtime_error("http: truncated chunk");
    out.append(raw, pos, size);
    pos += size + 2;
  }
}

HttpResponse ParseResponse(const std::string& raw) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) {
    throw std::runtime_error("http: not an HTTP response: " + raw.substr(0, 80));
  }
  HttpResponse resp;
  resp.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    const std::size_t eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      resp.headers[Lower(line.substr(0, colon))] = Trim(line.substr(colon + 1));
    }
    pos = eol + 2;
  }
  std::string body = raw.substr(head_end + 4);
  const auto te = resp.headers.find("transfer-encoding");
  if (te != resp.headers.end() && Lower(te->second).find("chunked") != std::string::npos) {
    body = Dechunk(body);
  } else if (const auto cl = resp.headers.find("content-length"); cl != resp.headers.end()) {
    const std::size_t length = std::strtoul(cl->second.c_str(), nullptr, 10);
    if (body.size() < length) throw std::runtime_error("http: truncated body");
    body.resize(length);
  }
  resp.body = std::move(body);
  return resp;
}

// True once the head and a Content-Length body have fully arrived.
bool Complete(const std::string& raw) {
  const std::size_t head_end = raw.find("\r\n\r\n");
  if (head_end == std::string::npos) return false;
  const std::string head = Lower(raw.substr(0, head_end));
  const std::size_t cl = head.find("\r\ncontent-length:");
  if (cl == std::string::npos) return false;
  const std::size_t length = std::strtoul(head.c_str() + cl + 17, nullptr, 10);
  return raw.size() >= head_end + 4 + length;
}

}  // namespace

HttpResponse HttpRequest(unsigned short port, const std::string& method, const std::string& target,
                         const std::string& body, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  Fd fd(socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) throw std::runtime_error("http: socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) {
    if (errno != EINPROGRESS) throw std::runtime_error("http: connect failed");
    WaitFor(fd.get(), POLLOUT, deadline, "connecting");
    int err = 0;
    socklen_t len = sizeof(err);
    getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &err, &len);
    if (err != 0)
      throw std::runtime_error("http: connect to port " + std::to_string(port) + " failed");
  }

  std::string request = method + " " + target +
                        " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                        "\r\nConnection: close\r\n";
  if (!body.empty() || method == "POST") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    WaitFor(fd.get(), POLLOUT, deadline, "sending");
    const ssize_t n = send(fd.get(), request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR) throw std::runtime_error("http: send failed");
    if (n > 0) sent += static_cast<std::size_t>(n);
  }

  std::string raw;
  char buf[8192];
  for (;;) {
    WaitFor(fd.get(), POLLIN, deadline, "reading");
    const ssize_t n = recv(fd.get(), buf, sizeof(buf), 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      if (errno == ECONNRESET && !raw.empty()) break;
      throw std::runtime_error("http: recv failed");
    }
    raw.append(buf, static_cast<std::size_t>(n));
    if (Complete(raw)) break;  // a server may keep the connection open despite our header
  }
  return ParseResponse(raw);
}

}  // namespace surfzone::testing
