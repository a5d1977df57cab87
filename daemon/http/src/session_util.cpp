#include "session_util.hpp"

#include <boost/beast/http/error.hpp>
#include <boost/beast/http/field.hpp>

namespace surfzone::http {

namespace bhttp = beast::http;

Response MakeResponse(bhttp::status status, unsigned version, bool keep_alive,
                      std::string_view content_type, std::string body, bool head) {
  Response res{status, version};
  res.set(bhttp::field::server, "surfzone");
  res.set(bhttp::field::content_type, content_type);
  res.keep_alive(keep_alive);
  if (head) {
    res.content_length(body.size());
  } else {
    res.body() = std::move(body);
    res.prepare_payload();
  }
  return res;
}

Response TextResponse(bhttp::status status, unsigned version, bool keep_alive, std::string body,
                      bool head) {
  return MakeResponse(status, version, keep_alive, "text/plain; charset=utf-8", std::move(body),
                      head);
}

Response MethodNotAllowed(unsigned version, bool keep_alive, std::string_view allow) {
  Response res =
      TextResponse(bhttp::status::method_not_allowed, version, keep_alive, "Method Not Allowed\n");
  res.set(bhttp::field::allow, allow);
  return res;
}

std::optional<bhttp::status> StatusForReadError(const boost::system::error_code& ec) {
  if (ec == bhttp::error::header_limit) return bhttp::status::request_header_fields_too_large;
  if (ec == bhttp::error::body_limit) return bhttp::status::payload_too_large;
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
    return std::nullopt;
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) {
    return bhttp::status::bad_request;
  }
  return std::nullopt;
}

}  // namespace surfzone::http
