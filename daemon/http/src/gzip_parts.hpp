#pragma once
// gzip for a reply sent in parts (/metrics): each part goes through one zlib deflate stream as
// it is produced, so the compressed body never exists whole either. Internal to surfzone_http.

#include <functional>
#include <string>
#include <string_view>

namespace surfzone::http {

/// Whether an Accept-Encoding header value accepts gzip (a "gzip" or "*" token without q=0).
bool AcceptsGzip(std::string_view accept_encoding);

/// Parts of the gzip stream (RFC 1952) of what `parts` produces, with the same contract: each
/// call appends the next compressed bytes (possibly none) and returns whether more follow.
/// `level` is zlib's (1 fastest .. 9 smallest).
std::function<bool(std::string&)> GzipParts(std::function<bool(std::string&)> parts, int level = 1);

}  // namespace surfzone::http
