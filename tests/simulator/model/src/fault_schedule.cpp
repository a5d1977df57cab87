#include "surfzone/sim/fault_schedule.hpp"

#include <algorithm>

namespace surfzone::sim {
namespace {

bool Contains(const Fault& f, std::int64_t t) { return t >= f.start_ms && t < f.end_ms; }

int Severity(Behaviour b) {
  switch (b) {
    case Behaviour::kSilent:
      return 4;
    case Behaviour::kGarbage:
      return 3;
    case Behaviour::kWrongRequestId:
      return 2;
    case Behaviour::kSlow:
      return 1;
    case Behaviour::kNormal:
      break;
  }
  return 0;
}

Behaviour BehaviourOf(FaultKind kind) {
  switch (kind) {
    case FaultKind::kReboot:
    case FaultKind::kDown:
      return Behaviour::kSilent;
    case FaultKind::kGarbage:
      return Behaviour::kGarbage;
    case FaultKind::kWrongRequestId:
      return Behaviour::kWrongRequestId;
    case FaultKind::kSlow:
      return Behaviour::kSlow;
  }
  return Behaviour::kNormal;
}

}  // namespace

const char* ToString(FaultKind kind) {
  switch (kind) {
    case FaultKind::kReboot:
      return "reboot";
    case FaultKind::kDown:
      return "down";
    case FaultKind::kSlow:
      return "slow";
    case FaultKind::kGarbage:
      return "garbage";
    case FaultKind::kWrongRequestId:
      return "wrong_request_id";
  }
  return "?";
}

std::vector<IntervalMs> MergeIntervals(std::vector<IntervalMs> intervals) {
  std::erase_if(intervals, [](const IntervalMs& i) { return i.end_ms <= i.start_ms; });
  std::sort(intervals.begin(), intervals.end(),
            [](const IntervalMs& a, const IntervalMs& b) { return a.start_ms < b.start_ms; });
  std::vector<IntervalMs> out;
  for (const auto& i : intervals) {
    if (!out.empty() && i.start_ms <= out.back().end_ms) {
      out.back().end_ms = std::max(out.back().end_ms, i.end_ms);
    } else {
      out.push_back(i);
    }
  }
  return out;
}

void FaultSchedule::Add(const Fault& fault) {
  Fault f = fault;
  f.end_ms = std::max(f.end_ms, f.start_ms);
  faults_.push_back(f);
  if (f.kind == FaultKind::kReboot) {
    reboots_.insert(std::upper_bound(reboots_.begin(), reboots_.end(), f.start_ms), f.start_ms);
  }
  if (f.kind == FaultKind::kReboot || f.kind == FaultKind::kDown) {
    down_.push_back({f.start_ms, f.end_ms});
    down_ = MergeIntervals(std::move(down_));
  }
}

Behaviour FaultSchedule::BehaviourAt(std::int64_t t_ms) const {
  Behaviour out = Behaviour::kNormal;
  for (const auto& f : faults_) {
    if (!Contains(f, t_ms)) continue;
    const Behaviour b = BehaviourOf(f.kind);
    if (Severity(b) > Severity(out)) out = b;
  }
  return out;
}

std::chrono::milliseconds FaultSchedule::SlowDelayAt(std::int64_t t_ms) const {
  std::chrono::milliseconds out{0};
  for (const auto& f : faults_) {
    if (f.kind == FaultKind::kSlow && Contains(f, t_ms)) out = std::max(out, f.delay);
  }
  return out;
}

bool FaultSchedule::IsDown(std::int64_t t_ms) const {
  auto it = std::upper_bound(down_.begin(), down_.end(), t_ms,
                             [](std::int64_t t, const IntervalMs& i) { return t < i.start_ms; });
  return it != down_.begin() && t_ms < std::prev(it)->end_ms;
}

std::int64_t FaultSchedule::ActiveMs(std::int64_t a, std::int64_t b) const {
  if (b <= a) return 0;
  std::int64_t active = b - a;
  for (const auto& i : down_) {
    if (i.start_ms >= b) break;
    const std::int64_t lo = std::max(a, i.start_ms);
    const std::int64_t hi = std::min(b, i.end_ms);
    if (hi > lo) active -= hi - lo;
  }
  return active;
}

std::vector<IntervalMs> FaultSchedule::Unanswered() const {
  std::vector<IntervalMs> all = down_;
  for (const auto& f : faults_) {
    if (f.kind == FaultKind::kGarbage || f.kind == FaultKind::kWrongRequestId) {
      all.push_back({f.start_ms, f.end_ms});
    }
  }
  return MergeIntervals(std::move(all));
}

}  // namespace surfzone::sim
