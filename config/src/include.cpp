#include "include.hpp"

#include <glob.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <system_error>

#include "read_file.hpp"

namespace surfzone::config::detail {
namespace {

namespace fs = std::filesystem;

bool IsGlob(const std::string& pattern) {
  return pattern.find_first_of("*?[") != std::string::npos;
}

fs::path Canonical(const fs::path& path) {
  std::error_code ec;
  fs::path out = fs::weakly_canonical(path, ec);
  return ec ? path : out;
}

class Collector {
 public:
  Collector(FileReader& reader, const fs::path& base_dir, const fs::path& self)
      : reader_(reader), base_dir_(base_dir) {
    if (!self.empty()) seen_.insert(Canonical(self));
  }

  void Add(const YAML::Node& node, const std::string& path) {
    if (!node.IsScalar() || node.Scalar().empty()) {
      reader_.Error(node, path, "expected a file name or glob, got " + Describe(node));
      return;
    }
    const std::string& pattern = node.Scalar();
    const fs::path full = base_dir_.empty() || fs::path(pattern).is_absolute()
                              ? fs::path(pattern)
                              : base_dir_ / pattern;
    if (IsGlob(pattern)) {
      AddGlob(full, node, path);
      return;
    }
    struct stat st {};
    if (::stat(full.c_str(), &st) != 0) {
      reader_.Error(
          node, path,
          "included file " + Quote(full.string()) +
              (errno == ENOENT ? " not found" : ": " + std::string(std::strerror(errno))));
      return;
    }
    if (const std::string kind = FileKind(st.st_mode); !kind.empty()) {
      reader_.Error(
          node, path,
          "included file " + Quote(full.string()) +
              (S_ISDIR(st.st_mode) ? " is a directory" : " is not a regular file (" + kind + ")"));
      return;
    }
    Keep(full);
  }

  std::vector<fs::path> Take() { return std::move(files_); }

 private:
  void AddGlob(const fs::path& full, const YAML::Node& node, const std::string& path) {
    glob_t matches{};
    const int rc = glob(full.c_str(), 0, nullptr, &matches);
    if (rc == 0) {
      for (std::size_t i = 0; i < matches.gl_pathc; ++i) {
        const fs::path match = matches.gl_pathv[i];
        std::error_code ec;
        if (fs::is_regular_file(match, ec)) Keep(match);  // "dir/*" may also match directories
      }
    } else if (rc != GLOB_NOMATCH) {
      reader_.Error(node, path, "cannot expand " + Quote(full.string()));
    }
    globfree(&matches);
  }

  void Keep(const fs::path& file) {
    if (seen_.insert(Canonical(file)).second) files_.push_back(file);
  }

  FileReader& reader_;
  fs::path base_dir_;
  std::set<fs::path> seen_;
  std::vector<fs::path> files_;
};

}  // namespace

std::vector<fs::path> ResolveIncludes(FileReader& reader, const YAML::Node& node,
                                      const fs::path& base_dir, const fs::path& self) {
  Collector collector(reader, base_dir, self);
  if (!node.IsDefined() || node.IsNull()) return {};
  if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i) collector.Add(node[i], IndexPath("include", i));
  } else {
    collector.Add(node, "include");
  }
  return collector.Take();
}

}  // namespace surfzone::config::detail
