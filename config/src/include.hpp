#pragma once
/// Internal: resolving `include:` into the list of files to read.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <vector>

#include "yaml_util.hpp"

namespace surfzone::config::detail {

/// The files named by `include:` (a string or a list of strings), each pattern relative to
/// `base_dir` unless absolute. Glob patterns may match nothing; a literal path must exist.
/// Files are returned in pattern order, each glob's matches sorted, every file once, and
/// never `self` (the including file).
std::vector<std::filesystem::path> ResolveIncludes(FileReader& reader, const YAML::Node& node,
                                                   const std::filesystem::path& base_dir,
                                                   const std::filesystem::path& self);

}  // namespace surfzone::config::detail
