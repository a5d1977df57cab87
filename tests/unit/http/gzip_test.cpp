// gzip of replies in parts (/metrics): Accept-Encoding parsing, the stream inflates to the
// original, and the server sends it only to clients that ask.

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "gzip_parts.hpp"
#include "http_test_client.hpp"
#include "surfzone/http/server.hpp"

namespace surfzone::http {
namespace {

namespace bhttp = boost::beast::http;

std::string Gunzip(const std::string& in) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  int rc = Z_OK;
  while (rc == Z_OK) {
    char buf[16384];
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("not a complete gzip stream");
  return out;
}

// `n` parts of distinct metric lines; `*all` gets them joined.
std::function<bool(std::string&)> Lines(int n, std::string* all) {
  all->clear();
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < 500; ++j) {
      *all += "surfzone_ap_clients{ap=\"ap-" + std::to_string(i) + "-" + std::to_string(j) +
              "\"} " + std::to_string(i * j) + "\n";
    }
  }
  auto i = std::make_shared<int>(0);
  const std::size_t size = all->size();
  return [i, n, text = *all, size](std::string& out) {
    const std::size_t from = size * static_cast<std::size_t>(*i) / static_cast<std::size_t>(n);
    ++*i;
    const std::size_t to = size * static_cast<std::size_t>(*i) / static_cast<std::size_t>(n);
    out.append(text, from, to - from);
    return *i < n;
  };
}

TEST(Gzip, AcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("identity, *"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));  // what Prometheus sends: gzip
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("x-gzip2"));
}

TEST(Gzip, PartsInflateToTheOriginal) {
  std::string all;
  auto parts = GzipParts(Lines(7, &all));
  std::string compressed;
  int calls = 0;
  while (parts(compressed)) ++calls;
  EXPECT_EQ(calls, 6);
  EXPECT_LT(compressed.size(), all.size() / 4);
  EXPECT_EQ(Gunzip(compressed), all);
  // One part, and an empty body.
  std::string one;
  GzipParts([](std::string& out) {
    out += "x 1\n";
    return false;
  })(one);
  EXPECT_EQ(Gunzip(one), "x 1\n");
  std::string none;
  GzipParts([](std::string&) { return false; })(none);
  EXPECT_EQ(Gunzip(none), "");
}

// GET /metrics with `accept` as Accept-Encoding (none when empty), HTTP/1.1, chunked.
bhttp::response<bhttp::string_body> Get(std::uint16_t port, const std::string& accept) {
  testing::TestClient client(port);
  std::string req = "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!accept.empty()) req += "Accept-Encoding: " + accept + "\r\n";
  client.WriteRaw(req + "\r\n");
  boost::system::error_code ec;
  const std::string raw = client.ReadUntilClosed(ec);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.eager(true);
  parser.body_limit(64 * 1024 * 1024);
  parser.put(boost::asio::buffer(raw), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) throw std::runtime_error("bad response: " + ec.message());
  return parser.release();
}

TEST(Gzip, ServerCompressesMetricsOnlyWhenAsked) {
  std::string all;
  Handlers handlers;
  handlers.metrics = [&all](Respond respond) {
    RouteReply reply;
    reply.parts = Lines(5, &all);
    respond(std::move(reply));
  };
  Server server("127.0.0.1:0", std::move(handlers));
  server.Start();

  const auto gz = Get(server.port(), "gzip");
  EXPECT_EQ(gz.result_int(), 200);
  EXPECT_EQ(gz[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(gz[bhttp::field::vary], "Accept-Encoding");
  EXPECT_EQ(Gunzip(gz.body()), all);

  const auto plain = Get(server.port(), "");
  EXPECT_EQ(plain.result_int(), 200);
  EXPECT_EQ(plain.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(plain.body(), all);

  EXPECT_EQ(Get(server.port(), "gzip;q=0").body(), all);
}

TEST(Gzip, ServerWithGzipOffSendsPlainText) {
  std::string all;
  Handlers handlers;
  handlers.metrics = [&all](Respond respond) {
    RouteReply reply;
    reply.parts = Lines(2, &all);
    respond(std::move(reply));
  };
  ServerOptions options;
  options.gzip = false;
  Server server("127.0.0.1:0", std::move(handlers), options);
  server.Start();
  const auto res = Get(server.port(), "gzip");
  EXPECT_EQ(res.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(res.body(), all);
}

}  // namespace
}  // namespace surfzone::http
