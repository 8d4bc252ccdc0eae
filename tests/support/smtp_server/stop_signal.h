#pragma once
// A flag every server thread watches, with waits that end as soon as it is raised.

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace smtpcheck::testing {

/// Raised once, when the server stops.
class stop_signal {
 public:
  /// Raises the flag and wakes every waiter.
  void raise() {
    {
      std::lock_guard lock(mutex_);
      raised_ = true;
    }
    changed_.notify_all();
  }

  /// Whether the flag is raised.
  bool raised() const {
    std::lock_guard lock(mutex_);
    return raised_;
  }

  /// Waits `duration`; false when the flag was raised first.
  bool sleep_for(std::chrono::milliseconds duration) const {
    std::unique_lock lock(mutex_);
    return !changed_.wait_for(lock, duration, [this] { return raised_; });
  }

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool raised_ = false;
};

}  // namespace smtpcheck::testing
