#pragma once
// Where the TLS version matrix runs: the preferred port if it connects, else
// the first port that does. Sessions post their TCP results; the matrix waits
// for an answer instead of guessing, so it never spends a connect deadline
// of its own on a filtered port.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>

#include "probe/deadline.h"

namespace smtpcheck::agent {

class reachable_port {
 public:
  reachable_port(int preferred, std::size_t expected)
      : preferred_(preferred), expected_(expected) {}

  /// A session's TCP result.
  void post(int port, bool ok) {
    const std::lock_guard lock(mutex_);
    ++posted_;
    if (ok && !first_ok_) first_ok_ = port;
    if (port == preferred_) {
      preferred_known_ = true;
      preferred_ok_ = preferred_ok_ || ok;
    }
    changed_.notify_all();
  }

  /// The port to use, or nullopt when none connected (or time ran out).
  std::optional<int> wait(deadline until) {
    std::unique_lock lock(mutex_);
    changed_.wait_until(lock, until.at, [&] {
      return preferred_ok_ || (preferred_known_ && first_ok_) || posted_ >= expected_;
    });
    if (preferred_ok_) return preferred_;
    return first_ok_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int preferred_;
  std::size_t expected_;
  std::size_t posted_ = 0;
  bool preferred_known_ = false;
  bool preferred_ok_ = false;
  std::optional<int> first_ok_;
};

}  // namespace smtpcheck::agent
