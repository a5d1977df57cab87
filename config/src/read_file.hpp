#pragma once
/// Internal: reading one configuration file from disk, with the checks a file must pass before
/// its text is parsed: a regular file (not a directory, FIFO or device) no larger than a limit.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "diagnostics.hpp"

namespace surfzone::config::detail {

/// The contents of `path`, or nullopt with an error naming the file: cannot open, "is a
/// directory", "not a regular file (...)", "too large (N bytes, limit M)". Never reads more than
/// `max_size` + 1 bytes, and never blocks on a FIFO.
std::optional<std::string> ReadConfigFile(const std::filesystem::path& path, std::uint64_t max_size,
                                          Diagnostics& diag);

/// What kind of file `mode` (st_mode) is, for "not a regular file (a FIFO)"; "" for a regular
/// file, "a directory" for a directory.
std::string FileKind(unsigned mode);

}  // namespace surfzone::config::detail
