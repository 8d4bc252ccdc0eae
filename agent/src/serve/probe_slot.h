#pragma once
/// One probe at a time: a probe opens many connections at once, and a second
/// one would only make both slower and muddle the timings.

#include <atomic>

namespace smtpcheck::serve {

/// The right to run the one probe. Thread-safe.
class probe_slot {
 public:
  /// True, and the slot is taken, when no probe runs.
  bool try_acquire() { return !busy_.exchange(true); }
  void release() { busy_.store(false); }
  bool busy() const { return busy_.load(); }

 private:
  std::atomic<bool> busy_{false};
};

}  // namespace smtpcheck::serve
