#include "serve/lifetime.h"

namespace smtpcheck::serve {

void lifetime::touch() {
  const std::lock_guard lock(mutex_);
  last_use_ = clock::now();
}

void lifetime::request_stop() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
}

bool lifetime::wait(std::chrono::milliseconds idle_exit, const std::function<bool()>& busy) {
  // A probe ends with touch(), so polling `busy` a few times a second is
  // enough; the idle time is measured from the last use, not from the poll.
  constexpr std::chrono::milliseconds poll{100};
  std::unique_lock lock(mutex_);
  while (!stop_) {
    if (idle_exit.count() > 0 && clock::now() - last_use_ >= idle_exit) {
      lock.unlock();
      const bool working = busy();
      lock.lock();
      if (!working && clock::now() - last_use_ >= idle_exit) return true;
      if (working) last_use_ = clock::now();
    }
    changed_.wait_for(lock, poll);
  }
  return false;
}

}  // namespace smtpcheck::serve
