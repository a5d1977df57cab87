#pragma once
/// The type of a metric family, as written in its `# TYPE` line. surfzone_state's own enum, so
/// that the text path (TextWriter, EmitFamily) needs nothing of prometheus-cpp; the enumerators
/// are named as prometheus::MetricType's.

namespace surfzone::state {

enum class MetricType { Counter, Gauge, Summary, Untyped, Histogram };

}  // namespace surfzone::state
