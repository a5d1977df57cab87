#pragma once
/// The loop every snapshot family runs, over any sink with this protocol:
///   std::size_t Begin(name, help, type, expected_samples)  first item to write
///                                                          (kSkipFamily: none of them)
///   bool Continue(std::size_t item)                        false: stop before `item`
///   Sample(labels, value) ...                              any number per item
///   End()
/// A sink that writes everything returns 0 and true; the part writer (exposition.cpp) uses them
/// to write a large snapshot in pieces, resuming at a family and item.

#include <cstddef>
#include <limits>

#include "surfzone/state/metric_type.hpp"

namespace surfzone::state {

inline constexpr std::size_t kSkipFamily = std::numeric_limits<std::size_t>::max();

/// Begin, `each(items[i])` for the items the sink wants, End.
template <typename Sink, typename Items, typename Each>
void EmitFamily(Sink& sink, const char* name, const char* help, MetricType type, const Items& items,
                std::size_t expected_samples, Each&& each) {
  const std::size_t n = items.size();
  for (std::size_t i = sink.Begin(name, help, type, expected_samples); i < n && sink.Continue(i);
       ++i) {
    each(items[i]);
  }
  sink.End();
}

}  // namespace surfzone::state
