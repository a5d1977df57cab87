#pragma once
/// A small parser of the Prometheus text exposition format (version 0.0.4) for test assertions:
/// `name{label="value",...} value [timestamp]` lines; `#` comments and blank lines are skipped.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace surfzone::testing {

using Labels = std::map<std::string, std::string>;

struct MetricSample {
  std::string name;  ///< e.g. "surfzone_ap_up" or "x_bucket"
  Labels labels;     ///< unescaped label values
  double value = 0;  ///< NaN and +Inf/-Inf are parsed too
};

class MetricsText {
 public:
  /// Parses `text`; throws std::runtime_error naming the line on a malformed sample line.
  static MetricsText Parse(std::string_view text);

  const std::vector<MetricSample>& samples() const { return samples_; }

  /// Samples called `name` whose labels contain every pair of `match` (others may be present).
  std::vector<const MetricSample*> Find(std::string_view name, const Labels& match = {}) const;

  /// The value of the single sample that Find() returns; nullopt if there is none. Throws
  /// std::logic_error if several samples match (the assertion was ambiguous).
  std::optional<double> Get(std::string_view name, const Labels& match = {}) const;

  /// Sum of the values of all samples that Find() returns (0 if none).
  double Sum(std::string_view name, const Labels& match = {}) const;

  /// True if at least one sample matches.
  bool Has(std::string_view name, const Labels& match = {}) const {
    return !Find(name, match).empty();
  }

 private:
  std::vector<MetricSample> samples_;
};

/// "name{a=\"1\",b=\"2\"}" — for failure messages.
std::string Describe(std::string_view name, const Labels& labels);

}  // namespace surfzone::testing
