#pragma once
/// A token bucket: a burst, then a steady rate. Bounds how fast anything,
/// paired or not, can make the agent do work or guess the pairing code.

#include <chrono>
#include <mutex>

namespace smtpcheck::serve {

/// Allows `burst` events at once, then one per `refill`. Thread-safe.
class rate_limit {
 public:
  using clock = std::chrono::steady_clock;

  rate_limit(int burst, std::chrono::milliseconds refill)
      : burst_(burst), refill_(refill), tokens_(burst), last_(clock::now()) {}

  /// Takes one token if there is one.
  bool try_take(clock::time_point now = clock::now());

 private:
  const int burst_;
  const std::chrono::milliseconds refill_;
  std::mutex mutex_;
  int tokens_;
  clock::time_point last_;
};

}  // namespace smtpcheck::serve
