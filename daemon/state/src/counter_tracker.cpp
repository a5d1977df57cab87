#include "surfzone/state/counter_tracker.hpp"

#include <limits>

namespace surfzone::state {
namespace {

constexpr std::uint64_t kTwoPow32 = std::uint64_t{1} << 32;

bool Exceeds(std::uint64_t delta, std::uint64_t max_delta) {
  return max_delta != 0 && delta > max_delta;
}

}  // namespace

std::uint64_t CounterTracker::Update(std::uint64_t raw, CounterWidth width, bool device_restarted,
                                     std::uint64_t max_delta) {
  if (width == CounterWidth::k32) raw &= kTwoPow32 - 1;

  std::uint64_t delta = 0;
  CounterEvent event = CounterEvent::kBaseline;
  // A width change means a different counter object; its value is unrelated to the previous one.
  if (has_previous_ && width == previous_width_) {
    if (device_restarted) {
      delta = raw;
      event = CounterEvent::kRestart;
    } else if (raw >= previous_raw_) {
      delta = raw - previous_raw_;
      event = CounterEvent::kIncrease;
    } else if (width == CounterWidth::k32 && !Exceeds(raw + kTwoPow32 - previous_raw_, max_delta)) {
      delta = raw + kTwoPow32 - previous_raw_;
      event = CounterEvent::kWrap;
    } else {
      // A 64-bit counter does not wrap in the lifetime of the hardware; going backwards is a reset.
      delta = raw;
      event = CounterEvent::kReset;
    }
    if (Exceeds(delta, max_delta)) {
      delta = 0;
      event = CounterEvent::kImplausible;
    }
  }

  previous_raw_ = raw;
  previous_width_ = width;
  has_previous_ = true;
  last_delta_ = delta;
  last_event_ = event;
  const std::uint64_t room = std::numeric_limits<std::uint64_t>::max() - total_;
  total_ += delta < room ? delta : room;
  return delta;
}

void CounterTracker::Reset() {
  has_previous_ = false;
  previous_raw_ = 0;
  last_delta_ = 0;
}

const char* ToString(CounterEvent event) {
  switch (event) {
    case CounterEvent::kNone:
      return "none";
    case CounterEvent::kBaseline:
      return "baseline";
    case CounterEvent::kIncrease:
      return "increase";
    case CounterEvent::kWrap:
      return "wrap";
    case CounterEvent::kReset:
      return "reset";
    case CounterEvent::kRestart:
      return "restart";
    case CounterEvent::kImplausible:
      return "implausible";
  }
  return "unknown";
}

}  // namespace surfzone::state
