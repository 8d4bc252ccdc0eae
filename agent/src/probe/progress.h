#pragma once
// Serialises progress events from the probe threads to the one listener.
#include <mutex>

#include "probe/deadline.h"
#include "probe/probe.h"

namespace smtpcheck::agent {

class progress_sink {
 public:
  progress_sink(const probe_listener& listener, probe_clock::time_point started)
      : listener_(listener), started_(started) {}

  void step(int port, const std::string& family, std::string step, std::string status,
            std::string detail = {}) {
    if (!listener_) return;
    probe_event e{
        port, family, std::move(step), std::move(detail), std::move(status), elapsed_ms(started_)};
    const std::lock_guard lock(mutex_);
    listener_(e);
  }

 private:
  const probe_listener& listener_;
  probe_clock::time_point started_;
  std::mutex mutex_;
};

}  // namespace smtpcheck::agent
