#pragma once
/// Reads and validates config files on a thread of its own, so that the poll loop never parses
/// YAML: a 50 MB file or one with 300,000 errors costs seconds of CPU, which on the poll thread
/// made polls late and held scrapes. The poll thread only swaps the loaded config in.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "surfzone/config/config.hpp"
#include "surfzone/config/load.hpp"

namespace surfzone::core {

/// A loaded config, or why it could not be loaded.
struct LoadResult {
  std::optional<config::Config> config;
  std::string error;  ///< The loader's message (config::ConfigException::what()), if it failed.
};

class ConfigLoader {
 public:
  ConfigLoader();
  ~ConfigLoader();  ///< Finishes the load in progress, drops queued ones, joins the thread.
  ConfigLoader(const ConfigLoader&) = delete;
  ConfigLoader& operator=(const ConfigLoader&) = delete;

  /// Any thread: loads `path` on the loader thread, then posts `done(result)` to `reply_to`.
  /// Loads run one at a time, in the order asked.
  void Load(std::string path, config::LoadOptions options, boost::asio::any_io_executor reply_to,
            std::function<void(LoadResult)> done);

  /// Any thread: destroys `value` on the loader thread (a replaced config: tens of MB of small
  /// allocations whose freeing should not cost the poll loop).
  template <typename T>
  void Dispose(T value) {
    boost::asio::post(io_, [v = std::make_shared<T>(std::move(value))]() mutable { v.reset(); });
  }

 private:
  boost::asio::io_context io_{1};
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace surfzone::core
