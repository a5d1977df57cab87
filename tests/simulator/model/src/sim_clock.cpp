#include "surfzone/sim/sim_clock.hpp"

#include <stdexcept>

namespace surfzone::sim {

AcceleratedClock::AcceleratedClock(double sim_start, double speed)
    : sim_start_(sim_start), speed_(speed), real_start_(std::chrono::steady_clock::now()) {
  if (!(speed >= kMinSpeed && speed <= kMaxSpeed)) {
    throw std::invalid_argument("sim speed must be between 1 and 10000");
  }
}

double AcceleratedClock::Now() const {
  const std::chrono::duration<double> real = std::chrono::steady_clock::now() - real_start_;
  return sim_start_ + real.count() * speed_;
}

std::chrono::steady_clock::duration AcceleratedClock::RealDelayUntil(double sim_seconds) const {
  const double real_seconds = (sim_seconds - Now()) / speed_;
  if (real_seconds <= 0) return std::chrono::steady_clock::duration::zero();
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(real_seconds));
}

double ManualClock::Now() const {
  std::lock_guard lock(mutex_);
  return now_;
}

void ManualClock::Set(double sim_seconds) {
  std::lock_guard lock(mutex_);
  now_ = sim_seconds;
}

void ManualClock::Advance(double seconds) {
  std::lock_guard lock(mutex_);
  now_ += seconds;
}

double CurrentUnixSeconds() {
  const std::chrono::duration<double> since_epoch =
      std::chrono::system_clock::now().time_since_epoch();
  return since_epoch.count();
}

}  // namespace surfzone::sim
