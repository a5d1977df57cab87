// `surfzoned profile test|list|show`: a profile applied to a recorded walk through the daemon's
// own poll path (MibClient + ExecutePlan + Profile::Decode), and the built-in profile texts.
#include "surfzone/collectors/profile_tester.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>
#include <stdexcept>

#include "surfzone/collectors/plan_executor.hpp"
#include "surfzone/config/load.hpp"
#include "surfzone/snmp/mib_client.hpp"

namespace surfzone::collectors {

/// Generated from collectors/profiles/*.yaml (builtin_profiles.cpp), in BuiltinProfileSpecs order.
std::vector<std::pair<const char*, const char*>> BuiltinProfileTexts();

namespace {
namespace asio = boost::asio;

/// OID text -> the profile key that asks for it.
std::map<std::string, std::string> ProfileOidLabels(const config::ProfileSpec& spec) {
  std::map<std::string, std::string> out;
  auto add = [&](std::string_view oids, const std::string& label) {
    while (true) {  // one OID, or several joined by kOidSum
      const auto sep = oids.find(config::kOidSum);
      out[std::string(oids.substr(0, sep))] = label;
      if (sep == std::string_view::npos) break;
      oids.remove_prefix(sep + config::kOidSum.size());
    }
  };
  for (const auto& [role, oid] : spec.scalars) add(oid, "scalars." + role);
  auto table = [&](const std::optional<config::TableSpec>& t, const char* name) {
    if (!t) return;
    for (const auto& [role, oid] : t->columns) add(oid, std::string(name) + ".columns." + role);
  };
  table(spec.aps, "aps");
  table(spec.radios, "radios");
  table(spec.ssids, "ssids");
  return out;
}

std::string BaseLabel(const snmp::Oid& oid) {
  static const snmp::Oid kIfMib{1, 3, 6, 1, 2, 1, 2}, kIfXMib{1, 3, 6, 1, 2, 1, 31};
  if (oid.StartsWith(kIfMib) || oid.StartsWith(kIfXMib)) return "IF-MIB";
  return "system group";
}

bool HasRows(const snmp::Varbinds& cells) {
  for (const auto& vb : cells) {
    if (!vb.value.IsException()) return true;
  }
  return false;
}

}  // namespace

ProfileTestReport TestProfile(const Profile& profile, const snmp::Mib& mib) {
  ProfileTestReport report;
  report.profile = profile.name();
  report.controller = profile.controller();
  report.walk_oids = mib.size();

  asio::io_context io;
  auto agent = std::make_shared<snmp::MibAgent>();
  agent->mib = mib;
  snmp::MibClient client(io.get_executor(), agent, snmp::SessionOptions{});
  PollResult result;
  asio::co_spawn(
      io,
      [&]() -> asio::awaitable<void> {
        auto [open_ec] = co_await client.AsyncOpen(asio::as_tuple(asio::use_awaitable));
        if (open_ec) {
          report.poll_error = open_ec.message();
          co_return;
        }
        const ExecuteOutcome outcome =
            co_await ExecutePlan(client, profile.plan(), {}, result, nullptr);
        if (outcome.error) report.poll_error = outcome.error.message();
      },
      asio::detached);
  io.run();
  profile.Decode(result, report.sample);
  report.traffic_source = profile.TrafficSource(report.sample);

  const auto labels = ProfileOidLabels(profile.spec());
  const bool wifi = !labels.empty();
  auto note = [&](const snmp::Oid& oid, bool answered) {
    const std::string text = oid.ToString();
    const auto it = labels.find(text);
    const bool own = it != labels.end();
    if (own || !wifi) {
      ++report.profile_oids;
      if (answered) ++report.profile_oids_answered;
    }
    if (!answered) report.missing.push_back({text, own ? it->second : BaseLabel(oid), own});
  };
  const PollPlan& plan = profile.plan();
  for (const auto& oid : plan.scalars) note(oid, result.Scalar(oid) != nullptr);
  for (std::size_t t = 0; t < plan.tables.size(); ++t) {
    for (std::size_t c = 0; c < plan.tables[t].columns.size(); ++c) {
      const bool rows =
          t < result.tables.size() && c < result.tables[t].size() && HasRows(result.tables[t][c]);
      note(plan.tables[t].columns[c], rows);
    }
  }
  return report;
}

std::string BuiltinProfileText(const std::string& name) {
  const auto& specs = BuiltinProfileSpecs();
  const auto texts = BuiltinProfileTexts();
  for (std::size_t i = 0; i < specs.size() && i < texts.size(); ++i) {
    if (specs[i].name == name) return texts[i].second;
  }
  return {};
}

config::ProfileSpec LoadProfileArgument(const std::string& name_or_file) {
  for (const auto& s : BuiltinProfileSpecs()) {
    if (s.name == name_or_file) return s;
  }
  std::ifstream in(name_or_file, std::ios::binary);
  if (!in) {
    std::string names;
    for (const auto& n : BuiltinProfileNames()) names += (names.empty() ? "" : ", ") + n;
    throw std::runtime_error(
        "--profile " + name_or_file +
        ": neither a built-in profile nor a readable file (built-in: " + names + ")");
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return config::ParseProfileText(text.str(), name_or_file);
  } catch (const config::ConfigException& e) {
    throw std::runtime_error(e.what());
  }
}

void PrintProfileList(std::ostream& out) {
  const auto& specs = BuiltinProfileSpecs();
  const auto texts = BuiltinProfileTexts();
  for (std::size_t i = 0; i < specs.size() && i < texts.size(); ++i) {
    // Summary: the first non-empty comment line of the file, without its "# ".
    std::string summary;
    std::istringstream lines(texts[i].second);
    for (std::string line; summary.empty() && std::getline(lines, line) && line.starts_with('#');) {
      const auto text = line.find_first_not_of("# ");
      if (text != std::string::npos) summary = line.substr(text);
    }
    out << specs[i].name << '\t' << (specs[i].controller ? "controller" : "ap") << '\t' << summary
        << '\n';
  }
}

bool PrintBuiltinProfile(const std::string& name, std::ostream& out) {
  const std::string text = BuiltinProfileText(name);
  if (text.empty()) return false;
  out << text;
  if (!text.ends_with('\n')) out << '\n';
  return true;
}

}  // namespace surfzone::collectors
