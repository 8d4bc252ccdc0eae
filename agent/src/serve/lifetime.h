#pragma once
/// When `smtpcheck serve` stops by itself (rule 5: it installs nothing and
/// does not linger): after --idle-exit seconds without use, or after the
/// first probe with --once.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace smtpcheck::serve {

/// Tracks use and stop requests. Thread-safe.
class lifetime {
 public:
  using clock = std::chrono::steady_clock;

  /// Something used the agent: a request that presented the right pairing
  /// value, a request from a page origin that has paired, or a probe that
  /// just ended. Refused requests, failed pairings and requests without an
  /// Origin do not count, so no page that has not paired (and no
  /// `<script src>` on any site) can keep it running.
  void touch();

  /// Asks wait() to return (--once, after the probe).
  void request_stop();

  /// Blocks until request_stop(), or, when `idle_exit` is positive, until
  /// nothing touched for `idle_exit` while `busy()` is false. Returns true
  /// when it returned for being idle.
  bool wait(std::chrono::milliseconds idle_exit, const std::function<bool()>& busy);

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool stop_ = false;
  clock::time_point last_use_ = clock::now();
};

}  // namespace smtpcheck::serve
