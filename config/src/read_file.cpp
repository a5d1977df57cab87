#include "read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace surfzone::config::detail {
namespace {

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

std::string TooLarge(std::uint64_t size, std::uint64_t limit, bool at_least) {
  return "too large (" + std::string(at_least ? "more than " : "") + std::to_string(size) +
         " bytes, limit " + std::to_string(limit) + "; see --config.max-size)";
}

}  // namespace

std::string FileKind(unsigned mode) {
  switch (mode & S_IFMT) {
    case S_IFREG:
      return "";
    case S_IFDIR:
      return "a directory";
    case S_IFIFO:
      return "a FIFO";
    case S_IFCHR:
      return "a character device";
    case S_IFBLK:
      return "a block device";
    case S_IFSOCK:
      return "a socket";
    default:
      return "a special file";
  }
}

std::optional<std::string> ReadConfigFile(const std::filesystem::path& path, std::uint64_t max_size,
                                          Diagnostics& diag) {
  const auto fail = [&](std::string message) {
    diag.Add(Where{path.string(), YAML::Mark::null_mark(), ""}, std::move(message));
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return fail(std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return fail(std::string("cannot stat: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail("is a directory, not a configuration file");
  if (!S_ISREG(st.st_mode)) return fail("not a regular file (" + FileKind(st.st_mode) + ")");
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (size > max_size) return fail(TooLarge(size, max_size, false));
  // Read straight into a string of the right size; stop one byte past the limit in case the
  // file grew after fstat.
  std::string text;
  text.reserve(size);
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    if (text.size() > max_size) return fail(TooLarge(max_size, max_size, true));
  }
  return text;
}

}  // namespace surfzone::config::detail
