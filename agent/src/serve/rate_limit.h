#pragma once
/// A token bucket: a burst, then a steady rate. Bounds how fast anything,
/// paired or not, can make the agent do work or guess the pairing code.

#include <chrono>
#include <map>
#include <mutex>
#include <string>

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

/// One rate_limit per page origin, so a help-center page that spends its
/// burst (guessing codes, say) never slows the agent's own page or another
/// allowed page. Origins are the allowlist's, so the map stays small.
class rate_limit_per_origin {
 public:
  rate_limit_per_origin(int burst, std::chrono::milliseconds refill)
      : burst_(burst), refill_(refill) {}

  /// Takes one token from `origin`'s bucket if there is one.
  bool try_take(const std::string& origin);

 private:
  const int burst_;
  const std::chrono::milliseconds refill_;
  std::mutex mutex_;
  std::map<std::string, rate_limit> buckets_;
};

}  // namespace smtpcheck::serve
