#include "test_timings.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <sstream>
#include <stdexcept>

namespace surfzone::deploy_test {
namespace {

// Replaces the duration in every line `<indent><key>: <duration>` whose key matches `keys`.
std::string ShortenKeys(const std::string& text, const std::string& keys, double factor,
                        int* replaced) {
  const std::regex line("^(\\s*-?\\s*(?:" + keys +
                        "):\\s*)([0-9]+(?:ms|s|m|h|d|w))(\\s*(?:#.*)?)$");
  std::istringstream in(text);
  std::string out, l;
  while (std::getline(in, l)) {
    std::smatch m;
    if (std::regex_match(l, m, line)) {
      const double seconds = std::max(1.0, std::round(ParseDuration(m[2]) / factor));
      l = m[1].str() + std::to_string(static_cast<long>(seconds)) + "s" + m[3].str();
      ++*replaced;
    }
    out += l + "\n";
  }
  return out;
}

}  // namespace

double ParseDuration(const std::string& text) {
  static const std::regex kDuration("^([0-9]+)(ms|s|m|h|d|w)$");
  std::smatch m;
  if (!std::regex_match(text, m, kDuration)) throw std::runtime_error("not a duration: " + text);
  const double n = std::stod(m[1]);
  const std::string unit = m[2];
  if (unit == "ms") return n / 1000;
  if (unit == "s") return n;
  if (unit == "m") return n * 60;
  if (unit == "h") return n * 3600;
  if (unit == "d") return n * 86400;
  return n * 7 * 86400;
}

std::string ShortenRuleTimings(const std::string& text, double factor) {
  int replaced = 0;
  std::string out = ShortenKeys(text, "for|interval", factor, &replaced);
  if (replaced == 0) throw std::runtime_error("no for:/interval: found in a rule file");
  return out;
}

std::string AlertmanagerForTest(const std::string& text, double factor,
                                const std::string& webhook_base) {
  int replaced = 0;
  std::string out =
      ShortenKeys(text, "group_wait|group_interval|repeat_interval", factor, &replaced);
  if (replaced == 0) throw std::runtime_error("no group_wait/group_interval/repeat_interval found");
  const std::string shipped = "http://127.0.0.1:9095/";
  int urls = 0;
  for (auto at = out.find(shipped); at != std::string::npos; at = out.find(shipped, at)) {
    out.replace(at, shipped.size(), webhook_base);
    at += webhook_base.size();
    ++urls;
  }
  if (urls == 0) throw std::runtime_error("no receiver URL " + shipped + " in alertmanager.yml");
  return out;
}

}  // namespace surfzone::deploy_test
