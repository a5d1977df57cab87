// config/README.md against the loader: every key the reference documents is accepted where the
// reference puts it, and every key the loader accepts there is documented. The loader is asked
// through its public API only: a documented key must not draw an "unknown field" error, and an
// unknown key's error lists what the loader allows ("allowed: a, b, c"), which must equal the
// reference's keys for that section.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;

std::string ReadReadme() {
  std::ifstream in(SURFZONE_CONFIG_README);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Where a section's keys go: a config with KEY in place of the key under test.
struct Section {
  std::string yaml;  // contains "KEY: 1" exactly once
};

const std::map<std::string, Section>& Sections() {
  static const std::map<std::string, Section> sections = {
      {"Top level", {"KEY: 1\n"}},
      {"auths", {"auths:\n  a:\n    version: 3\n    KEY: 1\n"}},
      {"defaults", {"defaults:\n  KEY: 1\n"}},
      {"locations", {"locations:\n  - name: L\n    kind: park\n    KEY: 1\n"}},
      {"access_points",
       {"locations:\n  - name: L\n    kind: park\n    access_points:\n      - name: a\n"
        "        address: 127.0.0.1\n        KEY: 1\n"}},
      {"controllers",
       {"controllers:\n  - name: c\n    address: 127.0.0.1\n    profile: cisco-wlc\n"
        "    KEY: 1\n"}},
      {"profiles", {"profiles:\n  - name: p\n    KEY: 1\n"}},
      {"profiles.detect", {"profiles:\n  - name: p\n    detect:\n      KEY: 1\n"}},
      {"profiles.table", {"profiles:\n  - name: p\n    radios:\n      KEY: 1\n"}},
  };
  return sections;
}

/// The keys each section of the reference documents, from the first cell of its tables' rows:
/// "| `a`, `b` | ..." documents a and b; "| `detect` → `probe` |" documents probe in
/// profiles.detect. In `### profiles` the second table is that of a profile's tables.
std::map<std::string, std::set<std::string>> DocumentedKeys() {
  std::map<std::string, std::set<std::string>> keys;
  std::istringstream in(ReadReadme());
  std::string line, section;
  int table = 0;
  bool in_table = false;
  const std::regex code("`([a-z_]+)`");
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.starts_with("## ")) section.clear();
    if (line.starts_with("### ")) {
      section = line.substr(4);
      table = 0;
      continue;
    }
    if (section.empty() || !Sections().count(section)) continue;
    if (!line.starts_with("| ")) {
      in_table = false;
      continue;
    }
    if (!in_table) {
      in_table = true;
      ++table;
    }
    if (!line.starts_with("| `")) continue;  // header row or separator
    const std::string cell = line.substr(2, line.find(" |", 2) - 2);
    std::string target = section;
    if (section == "profiles" && table == 2) target = "profiles.table";
    std::vector<std::string> names;
    for (std::sregex_iterator it(cell.begin(), cell.end(), code), end; it != end; ++it) {
      names.push_back((*it)[1]);
    }
    if (cell.find("→") != std::string::npos) {
      // "`detect` → `probe`": the last name, inside the first.
      EXPECT_EQ(names.size(), 2u) << "config/README.md:" << n << ": " << line;
      if (names.size() == 2) keys[section + "." + names[0]].insert(names[1]);
      continue;
    }
    for (const auto& name : names) keys[target].insert(name);
  }
  return keys;
}

std::string WithKey(const Section& section, const std::string& key) {
  std::string yaml = section.yaml;
  yaml.replace(yaml.find("KEY"), 3, key);
  return yaml;
}

TEST(ConfigReadme, DocumentsEverySection) {
  const auto keys = DocumentedKeys();
  for (const auto& [name, section] : Sections()) {
    EXPECT_FALSE(keys.count(name) == 0 || keys.at(name).empty())
        << "no keys found for section " << name << " in config/README.md";
  }
}

TEST(ConfigReadme, EveryDocumentedKeyIsKnownToTheLoader) {
  for (const auto& [name, keys] : DocumentedKeys()) {
    ASSERT_TRUE(Sections().count(name)) << name;
    for (const auto& key : keys) {
      const auto errors = ErrorsOf(WithKey(Sections().at(name), key));
      for (const auto& error : errors) {
        EXPECT_EQ(error.message.find("unknown field"), std::string::npos)
            << "config/README.md documents " << name << " key \"" << key
            << "\" but the loader says:\n"
            << Dump(errors);
      }
    }
  }
}

TEST(ConfigReadme, EveryKeyTheLoaderAcceptsIsDocumented) {
  const auto documented = DocumentedKeys();
  for (const auto& [name, section] : Sections()) {
    const auto errors = ErrorsOf(WithKey(section, "zz_not_a_key"));
    std::set<std::string> allowed;
    bool found = false;
    for (const auto& error : errors) {
      if (error.message.find("unknown field") == std::string::npos) continue;
      const auto at = error.message.find("allowed: ");
      ASSERT_NE(at, std::string::npos) << "no list of allowed keys in: " << error.message;
      found = true;
      std::istringstream list(error.message.substr(at + 9));
      for (std::string key; std::getline(list, key, ',');) {
        if (key.starts_with(" ")) key.erase(0, 1);
        allowed.insert(key);
      }
    }
    ASSERT_TRUE(found) << "unknown key in " << name << " not reported:\n" << Dump(errors);
    const auto it = documented.find(name);
    EXPECT_EQ(allowed, it == documented.end() ? std::set<std::string>{} : it->second)
        << "section " << name << ": the loader's keys (left) differ from config/README.md's";
  }
}

}  // namespace
}  // namespace surfzone::config
