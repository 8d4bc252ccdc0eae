#pragma once
// Serialises progress events from the probe threads to the one listener,
// each with the core's verdict on its step (the agent only passes it on).
#include <mutex>

#include "probe/deadline.h"
#include "probe/probe.h"
#include "smtpcheck/step_verdict.h"

namespace smtpcheck::agent {

class progress_sink {
 public:
  progress_sink(const probe_listener& listener, probe_clock::time_point started,
                const provider_profile& provider)
      : listener_(listener), started_(started), provider_(provider) {}

  void step(int port, const std::string& family, std::string step, std::string status,
            std::string detail = {}) {
    if (!listener_) return;
    const step_verdict verdict = judge_step(provider_, {port, step, status, detail});
    probe_event e{port,
                  family,
                  std::move(step),
                  std::move(detail),
                  std::move(status),
                  elapsed_ms(started_),
                  std::string(to_string(verdict))};
    const std::lock_guard lock(mutex_);
    listener_(e);
  }

 private:
  const probe_listener& listener_;
  probe_clock::time_point started_;
  const provider_profile& provider_;
  std::mutex mutex_;
};

}  // namespace smtpcheck::agent
