#include "gzip_parts.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>

namespace surfzone::http {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// One deflate stream with a gzip wrapper; Feed() appends what zlib has ready.
class Deflater {
 public:
  explicit Deflater(int level) {
    // windowBits 15 + 16: gzip header and trailer; memLevel 8 is zlib's default.
    if (deflateInit2(&z_, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("deflateInit2 failed");
    }
  }
  ~Deflater() { deflateEnd(&z_); }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  void Feed(std::string_view in, bool finish, std::string& out) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    const int flush = finish ? Z_FINISH : Z_NO_FLUSH;
    for (;;) {
      const std::size_t old = out.size();
      const std::size_t room = std::max<std::size_t>(deflateBound(&z_, z_.avail_in), 16 * 1024);
      out.resize(old + room);
      z_.next_out = reinterpret_cast<Bytef*>(out.data() + old);
      z_.avail_out = static_cast<uInt>(room);
      const int rc = deflate(&z_, flush);
      out.resize(old + room - z_.avail_out);
      if (rc == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
      if (finish ? rc == Z_STREAM_END : (z_.avail_in == 0 && z_.avail_out != 0)) return;
    }
  }

 private:
  z_stream z_{};
};

}  // namespace

bool AcceptsGzip(std::string_view header) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const auto semi = item.find(';');
    const std::string_view coding = Trim(item.substr(0, semi));
    if (!EqualsNoCase(coding, "gzip") && coding != "*") continue;
    if (semi == std::string_view::npos) return true;
    std::string_view param = Trim(item.substr(semi + 1));
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      param.remove_prefix(2);
      // q=0, q=0.0, q=0.000: refused; anything else accepts.
      if (param.find_first_not_of("0.") == std::string_view::npos) continue;
    }
    return true;
  }
  return false;
}

std::function<bool(std::string&)> GzipParts(std::function<bool(std::string&)> parts, int level) {
  auto deflater = std::make_shared<Deflater>(level);
  return [parts = std::move(parts), deflater, plain = std::string()](std::string& out) mutable {
    plain.clear();
    const bool more = parts(plain);
    deflater->Feed(plain, !more, out);
    return more;
  };
}

}  // namespace surfzone::http
