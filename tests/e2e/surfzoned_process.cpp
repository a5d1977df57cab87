#include "surfzoned_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace surfzone::e2e {
namespace {

using Clock = std::chrono::steady_clock;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

const char* SurfzonedPath() { return SURFZONED_PATH; }

Surfzoned::Surfzoned(const std::string& log_dir, const std::string& config,
                     std::vector<std::string> extra_args)
    : log_file_(log_dir + "/surfzoned.log"), port_(testing::FreeTcpPort()) {
  std::vector<std::string> argv{SurfzonedPath(),
                                "--config.file",
                                config,
                                "--web.listen-address",
                                "127.0.0.1:" + std::to_string(port_),
                                "--log.level",
                                "debug"};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  proc_ = std::make_unique<testing::ChildProcess>(std::move(argv), log_file_);
  const auto deadline = Clock::now() + 10s;
  while (Clock::now() < deadline) {
    if (!proc_->Running()) {
      throw std::runtime_error("surfzoned exited during start-up; log:\n" + Log());
    }
    if (Status("/-/healthy") != 0) return;
    std::this_thread::sleep_for(50ms);
  }
  throw std::runtime_error("surfzoned did not answer HTTP on port " + std::to_string(port_) +
                           " within 10 s; log:\n" + Log());
}

std::string Surfzoned::Log() const { return ReadFile(log_file_); }

std::string Surfzoned::ScrapeText() const {
  const auto resp = testing::HttpGet(port_, "/metrics");
  if (resp.status != 200) {
    throw std::runtime_error("GET /metrics answered " + std::to_string(resp.status) + ": " +
                             resp.body);
  }
  return resp.body;
}

MetricsText Surfzoned::Scrape() const { return MetricsText::Parse(ScrapeText()); }

int Surfzoned::Status(const std::string& target) const {
  try {
    return testing::HttpGet(port_, target, 2s).status;
  } catch (const std::exception&) {
    return 0;
  }
}

bool Surfzoned::WaitFor(const std::function<bool(const MetricsText&)>& pred,
                        std::chrono::milliseconds limit, MetricsText* last) const {
  const auto deadline = Clock::now() + limit;
  for (;;) {
    MetricsText m = Scrape();
    const bool ok = pred(m);
    if (last) *last = std::move(m);
    if (ok) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(100ms);
  }
}

bool Surfzoned::WaitForStatus(const std::string& target, int status,
                              std::chrono::milliseconds limit) const {
  const auto deadline = Clock::now() + limit;
  for (;;) {
    if (Status(target) == status) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(50ms);
  }
}

double ValueOr(const MetricsText& m, const std::string& name, const Labels& labels,
               double missing) {
  return m.Get(name, labels).value_or(missing);
}

RunResult RunSurfzoned(const std::string& dir, const std::vector<std::string>& args,
                       std::chrono::milliseconds limit) {
  const std::string out_file = dir + "/run.out";
  const std::string err_file = dir + "/run.err";
  std::vector<std::string> argv{SurfzonedPath()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int out = open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(out, 1);
    dup2(err, 2);
    execv(cargv[0], cargv.data());
    _exit(127);
  }
  RunResult result;
  const auto deadline = Clock::now() + limit;
  int status = 0;
  for (;;) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
      break;
    }
    if (Clock::now() >= deadline) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  result.out = ReadFile(out_file);
  result.err = ReadFile(err_file);
  return result;
}

void WriteFileAtomic(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  std::filesystem::rename(tmp, path);
}

double NowSeconds() {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace surfzone::e2e
