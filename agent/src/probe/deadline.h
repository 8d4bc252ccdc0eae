#pragma once
// A point in time a step must finish by. Every wait in the probe engine is
// bounded by one, so a silent server costs its deadline and nothing more.
#include <algorithm>
#include <chrono>

namespace smtpcheck::agent {

using probe_clock = std::chrono::steady_clock;

/// The moment a step gives up.
struct deadline {
  probe_clock::time_point at;

  /// A deadline `d` from now, but never later than `limit` (the whole run's).
  static deadline after(std::chrono::milliseconds d, deadline limit) {
    return {std::min(probe_clock::now() + d, limit.at)};
  }
  /// Milliseconds left, 0 when passed: poll()'s timeout argument.
  int remaining_ms() const {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(at - probe_clock::now());
    return left.count() <= 0 ? 0 : static_cast<int>(std::min<long long>(left.count(), 1 << 30));
  }
  bool passed() const { return probe_clock::now() >= at; }
};

/// Milliseconds since `start`, for durations in the report.
inline long elapsed_ms(probe_clock::time_point start) {
  return static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(probe_clock::now() - start).count());
}

}  // namespace smtpcheck::agent
