#pragma once
/// Writes Prometheus text exposition (format 0.0.4) straight into a string: the fast path for
/// the per-AP families, which at 20,000 APs are too many samples to build as prometheus-cpp
/// objects on every scrape. Same output rules as prometheus::TextSerializer: `# HELP`, `# TYPE`,
/// then `name{label="value",...} value` lines; label values escaped (\\, \", \n); a family
/// without samples writes nothing.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "surfzone/state/metric_type.hpp"
#include "surfzone/state/shared_string.hpp"

namespace surfzone::state {

/// A label value: a view, and whether it is known to need no escaping (a SharedString knows
/// that of its text; other values are looked at when written).
struct LabelValue {
  LabelValue(std::string_view view) : text(view) {}  // NOLINT: implicit, as the view it wraps
  LabelValue(const std::string& str) : text(str) {}  // NOLINT
  LabelValue(const char* str) : text(str) {}         // NOLINT
  LabelValue(const SharedString& shared)             // NOLINT
      : text(shared.str()), plain(shared.label_plain()) {}
  std::string_view text;
  bool plain = false;  ///< true: written as it is; false: unknown, escaped when written
};

/// Label name/value pairs of one sample; views only, nothing is copied until written.
using ExpositionLabels = std::initializer_list<std::pair<std::string_view, LabelValue>>;

class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}

  /// Starts a family; its HELP/TYPE lines are written with the first sample.
  void Begin(const char* name, const char* help, MetricType type, std::size_t expected_samples = 0);
  void Sample(ExpositionLabels labels, double value);
  void Sample(ExpositionLabels labels, std::uint64_t value);  // exact, no rounding to double
  void Sample(ExpositionLabels labels, int value);
  /// The same after labels already written out (`written`: `name="escaped value",...`),
  /// followed by `labels`.
  void Sample(std::string_view written, ExpositionLabels labels, double value);
  void Sample(std::string_view written, ExpositionLabels labels, std::uint64_t value);
  void Sample(std::string_view written, ExpositionLabels labels, int value);
  void End();
  /// Whether the current family's HELP/TYPE lines are written (for resuming it in a later part).
  bool header_written() const { return header_written_; }
  /// Continues a family begun in an earlier part: after Begin(), before the next Sample().
  void Resume(bool header_written) { header_written_ = header_written; }

 private:
  /// Writes the family's HELP/TYPE (first time) and the sample's name and labels; returns where
  /// the value goes, with room for it and the newline that Finish() adds.
  char* Head(std::string_view written, ExpositionLabels labels);
  void Finish(char* end);
  std::string& out_;
  std::string_view name_;
  const char* help_ = "";
  MetricType type_ = MetricType::Untyped;
  bool header_written_ = false;
};

/// Appends `value` with \, " and newline escaped as the text format requires.
void AppendEscapedLabelValue(std::string& out, std::string_view value);

}  // namespace surfzone::state
