// Loading time of one configuration file, streamed (LoadOptions::Parse::kAuto) and as one node
// tree (kWholeDocument), alternating; checks both give the same Config. Memory: see README.md.
//   surfzone-config-load-bench FILE [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "surfzone/config/load.hpp"

namespace {

using surfzone::config::LoadOptions;

double Seconds(const std::string& file, LoadOptions::Parse parse) {
  LoadOptions options;
  options.parse = parse;
  const auto start = std::chrono::steady_clock::now();
  const auto config = surfzone::config::LoadFile(file, options);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Print(const char* name, std::vector<double> times) {
  std::sort(times.begin(), times.end());
  std::printf("%-15s best %.3f s  median %.3f s  worst %.3f s\n", name, times.front(),
              times[times.size() / 2], times.back());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
    return 2;
  }
  const std::string file = argv[1];
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 7;
  LoadOptions streamed_only;
  streamed_only.parse = LoadOptions::Parse::kStreamedOnly;
  LoadOptions whole_document;
  whole_document.parse = LoadOptions::Parse::kWholeDocument;
  const bool streams = [&] {
    try {
      return surfzone::config::LoadFile(file, streamed_only) ==
             surfzone::config::LoadFile(file, whole_document);
    } catch (const std::logic_error& e) {
      std::printf("does not stream: %s\n", e.what());
      return false;
    }
  }();
  std::printf("%s: streamed and whole-document Config %s\n", file.c_str(),
              streams ? "equal" : "NOT compared");
  std::vector<double> streamed, whole;
  for (int i = 0; i < runs; ++i) {
    streamed.push_back(Seconds(file, LoadOptions::Parse::kAuto));
    whole.push_back(Seconds(file, LoadOptions::Parse::kWholeDocument));
  }
  Print("streamed", streamed);
  Print("whole document", whole);
  return streams ? 0 : 1;
}
