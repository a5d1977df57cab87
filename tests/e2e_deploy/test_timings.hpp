#pragma once
// The one transformation the end-to-end test applies to the shipped configuration: shorter
// waits, so that an outage pages and resolves within seconds instead of minutes. Only these
// lines change; every expression, label, annotation, matcher and route stays as shipped:
//   rule files:          `for:` of every alert, `interval:` of every rule group
//   alertmanager.yml:    group_wait, group_interval, repeat_interval (each route)
// each divided by the same factor (3m -> 6s with 30), and the receivers' webhook base URL
// http://127.0.0.1:9095/ pointed at the test's receiver.

#include <string>

namespace surfzone::deploy_test {

/// Seconds of a Prometheus duration ("30s", "5m", "1h", "1d", "1w", "500ms"); throws if not one.
double ParseDuration(const std::string& text);

/// `text` with every `for:` and `interval:` duration divided by `factor` (at least 1s). Throws
/// if it finds none.
std::string ShortenRuleTimings(const std::string& text, double factor);

/// `text` (an alertmanager.yml) with group_wait/group_interval/repeat_interval divided by
/// `factor` (at least 1s) and "http://127.0.0.1:9095/" replaced by `webhook_base`. Throws if
/// either is missing.
std::string AlertmanagerForTest(const std::string& text, double factor,
                                const std::string& webhook_base);

}  // namespace surfzone::deploy_test
