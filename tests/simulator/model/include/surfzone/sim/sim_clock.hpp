#pragma once
/// Simulated time. The simulator runs on "sim seconds": unix seconds (UTC, fractional) on an
/// accelerated clock, so a day of city Wi-Fi can be replayed in minutes.

#include <chrono>
#include <mutex>

namespace surfzone::sim {

/// Source of simulated time. Implementations are thread-safe.
class SimClock {
 public:
  virtual ~SimClock() = default;
  /// Current simulated unix time in seconds.
  virtual double Now() const = 0;
  /// Simulated seconds per real second.
  virtual double speed() const = 0;
};

/// sim_now = sim_start + (steady_now - real_start) * speed.
/// Real time is taken from std::chrono::steady_clock, so wall-clock jumps do not move sim time.
class AcceleratedClock final : public SimClock {
 public:
  static constexpr double kMinSpeed = 1.0;
  static constexpr double kMaxSpeed = 10000.0;

  /// `sim_start`: unix seconds the simulation starts at (pass CurrentUnixSeconds() for "now").
  /// `speed` must lie in [kMinSpeed, kMaxSpeed]; throws std::invalid_argument otherwise.
  AcceleratedClock(double sim_start, double speed);

  double Now() const override;
  double speed() const override { return speed_; }
  double sim_start() const { return sim_start_; }
  /// Real (steady-clock) duration until sim time `sim_seconds`; zero if it has passed.
  std::chrono::steady_clock::duration RealDelayUntil(double sim_seconds) const;

 private:
  double sim_start_;
  double speed_;
  std::chrono::steady_clock::time_point real_start_;
};

/// A clock that moves only when told to; for tests.
class ManualClock final : public SimClock {
 public:
  explicit ManualClock(double sim_start, double speed = 1.0) : now_(sim_start), speed_(speed) {}
  double Now() const override;
  double speed() const override { return speed_; }
  /// Sets the time; time may be set backwards (tests decide).
  void Set(double sim_seconds);
  void Advance(double seconds);

 private:
  mutable std::mutex mutex_;
  double now_;
  double speed_;
};

/// The system clock's unix time in seconds (for the default sim start "now").
double CurrentUnixSeconds();

}  // namespace surfzone::sim
