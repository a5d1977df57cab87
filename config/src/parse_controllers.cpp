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
    c.name = RequiredName(reader, map, path);
    ReadAddress(reader, map, path, checker, c.name, c.address);
    ReadAuth(reader, map, path, checker, c.auth);
    if (const auto profile = LabelText(reader, map, path, "profile", Need::kRequired)) {
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
