#include "surfzone/core/config_loader.hpp"

#include <exception>
#include <utility>

namespace surfzone::core {

ConfigLoader::ConfigLoader()
    : work_(boost::asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}

ConfigLoader::~ConfigLoader() {
  work_.reset();
  io_.stop();
  thread_.join();
}

void ConfigLoader::Load(std::string path, config::LoadOptions options,
                        boost::asio::any_io_executor reply_to,
                        std::function<void(LoadResult)> done) {
  boost::asio::post(io_, [path = std::move(path), options = std::move(options),
                          reply_to = std::move(reply_to), done = std::move(done)]() mutable {
    LoadResult result;
    try {
      result.config = config::LoadFile(path, options);
    } catch (const std::exception& e) {
      result.error = e.what();
    }
    boost::asio::post(reply_to, [done = std::move(done), result = std::move(result)]() mutable {
      done(std::move(result));
    });
  });
}

}  // namespace surfzone::core
