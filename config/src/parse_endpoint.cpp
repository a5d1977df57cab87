// The fields an access point and a controller share: name, address, auth.
#include "address_util.hpp"
#include "sections.hpp"
#include "utf8.hpp"

namespace surfzone::config::detail {

std::optional<std::string> LabelText(FileReader& reader, const YAML::Node& map,
                                     const std::string& path, std::string_view key, Need need) {
  auto text = reader.String(map, path, key, need);
  if (text && FirstInvalidUtf8(*text)) {
    reader.Error(map[std::string(key)], JoinPath(path, key),
                 "not valid UTF-8: \"" + EscapeBytes(*text) +
                     "\" (it becomes a label value in /metrics, which must be UTF-8)");
    return std::nullopt;
  }
  return text;
}

std::string RequiredName(FileReader& reader, const YAML::Node& map, const std::string& path) {
  const auto name = LabelText(reader, map, path, "name", Need::kRequired);
  if (name && name->empty()) {
    reader.Error(map["name"], JoinPath(path, "name"), "name must not be empty");
    return {};
  }
  return name.value_or("");
}

void ReadAddress(FileReader& reader, const YAML::Node& map, const std::string& path,
                 CrossChecker& checker, const std::string& owner, Address& out) {
  const auto text = reader.String(map, path, "address", Need::kRequired);
  if (!text) return;
  if (const auto address = ParseAddress(*text)) {
    out = *address;
    checker.AddressUnique(out, owner, reader.AtKey(map, path, "address"));
  } else {
    reader.Error(map["address"], JoinPath(path, "address"),
                 "invalid address " + Quote(*text) +
                     "; expected host, host:port, IPv4[:port], [IPv6]:port or bare IPv6 "
                     "(port 1..65535)");
  }
}

void ReadAuth(FileReader& reader, const YAML::Node& map, const std::string& path,
              CrossChecker& checker, std::string& out) {
  const bool auth_given = Has(map, "auth");
  const auto auth = reader.String(map, path, "auth");
  if (!auth_given || auth) {  // a wrong-typed auth was reported already
    out = checker.ResolveAuth(auth, reader.AtKey(map, path, "auth"), reader.At(map, path));
  }
}

}  // namespace surfzone::config::detail
