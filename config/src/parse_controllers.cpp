// `controllers:`: wireless controllers whose AP tables report many APs in one poll.
#include "sections.hpp"

namespace surfzone::config::detail {
namespace {

constexpr std::string_view kControllerKeys[] = {"name", "address", "auth", "profile"};

}  // namespace

std::vector<Controller> ParseControllers(FileReader& reader, const YAML::Node& node,
                                         const PollSettings& defaults, CrossChecker& checker) {
  std::vector<Controller> out;
  if (!node.IsDefined() || node.IsNull() || !reader.ExpectSequence(node, "controllers")) {
    return out;
  }
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string path = IndexPath("controllers", i);
    const YAML::Node map = node[i];
    if (!reader.ExpectMap(map, path)) continue;
    reader.CheckKeys(map, path, kControllerKeys, kPollKeys);
    Controller c;
    if (const auto name = reader.String(map, path, "name", Need::kRequired)) {
      if (name->empty())
        reader.Error(map["name"], JoinPath(path, "name"), "name must not be empty");
      c.name = *name;
    }
    if (const auto text = reader.String(map, path, "address", Need::kRequired)) {
      if (const auto address = ParseAddress(*text)) {
        c.address = *address;
        checker.AddressUnique(c.address, c.name, reader.AtKey(map, path, "address"));
      } else {
        reader.Error(map["address"], JoinPath(path, "address"),
                     "invalid address " + Quote(*text) +
                         "; expected host, host:port, IPv4[:port], [IPv6]:port or bare IPv6 "
                         "(port 1..65535)");
      }
    }
    const bool auth_given = Has(map, "auth");
    const auto auth = reader.String(map, path, "auth");
    if (!auth_given || auth) {
      c.auth = checker.ResolveAuth(auth, reader.AtKey(map, path, "auth"), reader.At(map, path));
    }
    if (const auto profile = reader.String(map, path, "profile", Need::kRequired)) {
      c.profile = *profile;
    }
    c.poll = ReadPollSettings(reader, map, path, defaults);
    if (!c.name.empty()) {
      checker.Controller(c, reader.AtKey(map, path, "name"), reader.AtKey(map, path, "profile"));
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace surfzone::config::detail
