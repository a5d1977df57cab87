#include "surfzone/log/log.hpp"

#include <spdlog/details/log_msg.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/sink.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <mutex>
#include <utility>

#include "log_encoding.hpp"

namespace surfzone::log {
namespace {

// Records from the structured helpers go through a logger with this name; their payload is an
// already encoded body. Any other logger's payload is plain text and becomes `msg`.
constexpr std::string_view kStructuredLogger = "surfzone.structured";

spdlog::level::level_enum ToSpdlog(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      break;
  }
  return spdlog::level::err;
}

std::string_view LevelName(spdlog::level::level_enum level) {
  // Exporter conventions know only four levels; fold spdlog's extra ones into them.
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug:
      return "debug";
    case spdlog::level::info:
      return "info";
    case spdlog::level::warn:
      return "warn";
    default:
      return "error";
  }
}

// Formats records itself (ignoring spdlog patterns) and writes each as one flushed line. One
// instance is shared by the structured and the default logger so their lines never interleave.
class LineSink final : public spdlog::sinks::sink {
 public:
  LineSink(Format format, std::ostream& out) : format_(format), out_(out) {}

  void log(const spdlog::details::log_msg& msg) override {
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    const std::string_view logger(msg.logger_name.data(), msg.logger_name.size());
    std::string body;
    if (logger == kStructuredLogger) {
      body.assign(payload);
    } else if (logger.empty()) {
      body = internal::EncodeBody(format_, payload, {});
    } else {
      const Field logger_field("logger", logger);
      body = internal::EncodeBody(format_, payload, std::span<const Field>(&logger_field, 1));
    }
    const std::string line = internal::FormatLine(format_, msg.time, LevelName(msg.level), body);
    std::lock_guard lock(mutex_);
    out_.write(line.data(), static_cast<std::streamsize>(line.size()));
    out_.flush();
  }

  void flush() override {
    std::lock_guard lock(mutex_);
    out_.flush();
  }

  void set_pattern(const std::string& /*pattern*/) override {}
  void set_formatter(std::unique_ptr<spdlog::formatter> /*formatter*/) override {}

 private:
  const Format format_;
  std::ostream& out_;
  std::mutex mutex_;
};

struct State {
  Format format;
  std::shared_ptr<spdlog::logger> structured;
};

std::mutex& StateMutex() {
  static std::mutex mutex;
  return mutex;
}

std::shared_ptr<const State>& StateSlot() {
  static std::shared_ptr<const State> state;
  return state;
}

std::shared_ptr<const State> Install(Level level, Format format, std::ostream& out) {
  auto sink = std::make_shared<LineSink>(format, out);
  auto structured = std::make_shared<spdlog::logger>(std::string(kStructuredLogger), sink);
  auto plain = std::make_shared<spdlog::logger>("", sink);
  for (const auto& logger : {structured, plain}) {
    logger->set_level(ToSpdlog(level));
    logger->flush_on(spdlog::level::trace);
  }
  auto state = std::make_shared<const State>(State{format, std::move(structured)});
  spdlog::set_default_logger(std::move(plain));
  StateSlot() = state;
  return state;
}

std::shared_ptr<const State> Current() {
  std::lock_guard lock(StateMutex());
  if (!StateSlot()) return Install(Level::kInfo, Format::kLogfmt, std::cerr);
  return StateSlot();
}

}  // namespace

std::optional<Level> ParseLevel(std::string_view text) {
  for (const Level level : {Level::kDebug, Level::kInfo, Level::kWarn, Level::kError}) {
    if (text == ToString(level)) return level;
  }
  return std::nullopt;
}

std::optional<Format> ParseFormat(std::string_view text) {
  for (const Format format : {Format::kLogfmt, Format::kJson}) {
    if (text == ToString(format)) return format;
  }
  return std::nullopt;
}

std::string_view ToString(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      break;
  }
  return "error";
}

std::string_view ToString(Format format) { return format == Format::kJson ? "json" : "logfmt"; }

void SetupLogging(Level level, Format format) { SetupLogging(level, format, std::cerr); }

void SetupLogging(Level level, Format format, std::ostream& out) {
  std::lock_guard lock(StateMutex());
  Install(level, format, out);
}

bool Enabled(Level level) { return Current()->structured->should_log(ToSpdlog(level)); }

void LogFields(Level level, std::string_view msg, std::span<const Field> fields) {
  const auto state = Current();
  const auto spd_level = ToSpdlog(level);
  if (!state->structured->should_log(spd_level)) return;
  const std::string body = internal::EncodeBody(state->format, msg, fields);
  state->structured->log(spd_level, spdlog::string_view_t(body.data(), body.size()));
}

}  // namespace surfzone::log
