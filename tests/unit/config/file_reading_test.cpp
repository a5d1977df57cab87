// What files the loader reads: only regular files of at most LoadOptions::max_file_size bytes of
// text, with messages that name the file and say what is wrong with it.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "surfzone/config/load.hpp"
#include "test_util.hpp"

namespace surfzone::config {
namespace {

using testing::Dump;
using testing::ErrorsOf;
using testing::FileErrors;
using testing::HasError;
using testing::TempDir;

// The one error of loading `path`, as text ("" and a failure if there is not exactly one).
std::string OnlyError(const std::string& path, const LoadOptions& options = {}) {
  const auto errors = FileErrors(path, options);
  EXPECT_EQ(errors.size(), 1u) << Dump(errors);
  return errors.size() == 1 ? errors[0].ToString() : "";
}

std::string MainIncluding(const TempDir& dir, const std::string& pattern) {
  return dir.Write("main.yaml", "include:\n  - " + pattern + "\n");
}

TEST(ConfigFileReading, DirectoryIsADirectoryIncludedOrAsTheMainFile) {
  TempDir dir;
  dir.Write("d/a.yaml", "locations:\n");
  const std::string main = MainIncluding(dir, "d");
  const auto errors = FileErrors(main);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, main, 2, "include[0]", "/d\" is a directory"));
  EXPECT_EQ(OnlyError(dir.path() + "/d"),
            dir.path() + "/d: is a directory, not a configuration file");
}

TEST(ConfigFileReading, IncludedFifoIsNotARegularFile) {
  TempDir dir;
  const std::string fifo = dir.path() + "/pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string main = MainIncluding(dir, "pipe.yaml");
  const auto errors = FileErrors(main);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, main, 2, "include[0]", "is not a regular file (a FIFO)"));
}

TEST(ConfigFileReading, IncludedDevZeroIsNotARegularFile) {
  TempDir dir;
  const std::string main = MainIncluding(dir, "/dev/zero");
  const auto errors = FileErrors(main);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_TRUE(HasError(errors, main, 2, "include[0]",
                       "\"/dev/zero\" is not a regular file (a character device)"));
}

// In a child process with 1 GiB of address space (without sanitizers): reading /dev/zero without a
// bound ends in bad_alloc there instead of eating the machine's memory.
void LoadInChild(const std::string& path, const std::string& expected) {
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // (Not under ASan/TSan: their shadow memory needs far more address space than 1 GiB; there
  // the alarm alone bounds an unbounded read.)
  const rlim_t bytes = rlim_t{1} << 30;
  const rlimit limit{bytes, bytes};
  setrlimit(RLIMIT_AS, &limit);
#endif
  alarm(20);  // a read that blocks (a FIFO without a writer) ends the child too
  try {
    LoadFile(path);
  } catch (const ConfigException& e) {
    std::_Exit(e.errors().size() == 1 && e.errors()[0].ToString() == expected ? 0 : 3);
  } catch (...) {
    std::_Exit(4);
  }
  std::_Exit(5);
}

TEST(ConfigFileReadingDeathTest, MainFileDevZeroFailsWithoutReading) {
  EXPECT_EXIT(LoadInChild("/dev/zero", "/dev/zero: not a regular file (a character device)"),
              ::testing::ExitedWithCode(0), "");
}

TEST(ConfigFileReadingDeathTest, MainFileFifoFailsWithoutWaitingForAWriter) {
  TempDir dir;
  const std::string fifo = dir.path() + "/pipe.yaml";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EXIT(LoadInChild(fifo, fifo + ": not a regular file (a FIFO)"),
              ::testing::ExitedWithCode(0), "");
}

TEST(ConfigFileReading, MainFileOverTheLimitIsTooLarge) {
  TempDir dir;
  const std::string main = dir.Write("main.yaml", "# " + std::string(198, 'x') + "\n");  // 201 B
  LoadOptions options;
  options.max_file_size = 200;
  EXPECT_EQ(OnlyError(main, options),
            main + ": too large (201 bytes, limit 200; see --config.max-size)");
  options.max_file_size = 201;
  EXPECT_EQ(Dump(FileErrors(main, options)), Dump({}));
}

TEST(ConfigFileReading, IncludedFileOverTheLimitIsTooLarge) {
  TempDir dir;
  const std::string big = dir.Write("big.yaml", "locations:\n" + std::string(1000, '#') + "\n");
  const std::string main = MainIncluding(dir, "big.yaml");
  LoadOptions options;
  options.max_file_size = 1000;
  EXPECT_EQ(OnlyError(main, options),
            big + ": too large (1012 bytes, limit 1000; see --config.max-size)");
}

TEST(ConfigFileReading, DefaultLimitIs64MiB) {
  EXPECT_EQ(LoadOptions{}.max_file_size, 64u * 1024 * 1024);
}

TEST(ConfigFileReading, BinaryGarbageIsNotUtf8Text) {
  // The start of a PNG file, then "locations:" so that YAML alone would not complain first.
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\nlocations:\n", 27);
  const auto errors = ErrorsOf(png);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].ToString(),
            "test.yaml:2:1: not UTF-8 text (byte \\x1a cannot appear in a YAML file)");
}

TEST(ConfigFileReading, Utf16IsNotUtf8Text) {
  const std::string utf16("\xff\xfel\0o\0c\0", 8);
  const auto errors = ErrorsOf(utf16);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_EQ(errors[0].ToString(),
            "test.yaml:1:4: not UTF-8 text (byte \\x00 cannot appear in a YAML file)");
}

TEST(ConfigFileReading, DeepNestingIsNamedAsSuch) {
  const auto errors = ErrorsOf("locations: " + std::string(20000, '['));
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_NE(errors[0].message.find("nesting deeper than 499 levels"), std::string::npos)
      << Dump(errors);
}

TEST(ConfigFileReading, DeepNestingInALocationIsNamedAsSuch) {
  // Block nesting, one level a line: "-", " -", "  -", ...
  std::string nested;
  for (int i = 0; i < 1000; ++i) nested += std::string(6 + i, ' ') + "-\n";
  const auto errors =
      ErrorsOf("locations:\n  - name: a\n    kind: park\n  - name: b\n    district:\n" + nested);
  ASSERT_EQ(errors.size(), 1u) << Dump(errors);
  EXPECT_GT(errors[0].line, 6) << Dump(errors);
  EXPECT_NE(errors[0].message.find("nesting deeper than 499 levels"), std::string::npos)
      << Dump(errors);
}

}  // namespace
}  // namespace surfzone::config
