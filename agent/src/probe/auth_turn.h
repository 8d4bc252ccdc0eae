#pragma once
// Which connection authenticates and tries the sender. Every port is probed
// at once, but AUTH and MAIL FROM go over one connection only (a provider may
// rate-limit failed logins): the user's own port first; if that connection
// ends before it gets there, the first other one ready takes its turn.
#include <condition_variable>
#include <mutex>
#include <string>

#include "probe/deadline.h"

namespace smtpcheck::agent {

class auth_turn {
 public:
  auth_turn(int preferred_port, std::string preferred_family)
      : port_(preferred_port), family_(std::move(preferred_family)) {}

  /// Asked by a connection that is ready to authenticate: true for exactly
  /// one connection. Others wait (at most until `until`) for the preferred
  /// connection to either take its turn or give it up.
  bool claim(int port, const std::string& family, deadline until) {
    std::unique_lock lock(mutex_);
    if (port == port_ && family == family_) {
      resolved_ = true;
      changed_.notify_all();
      return take();
    }
    changed_.wait_until(lock, until.at, [&] { return resolved_; });
    return take();
  }

  /// Told by the preferred connection when it ends without claiming.
  void give_up(int port, const std::string& family) {
    const std::lock_guard lock(mutex_);
    if (port != port_ || family != family_ || resolved_) return;
    resolved_ = true;
    changed_.notify_all();
  }

 private:
  bool take() {
    if (taken_) return false;
    taken_ = true;
    return true;
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  int port_;
  std::string family_;
  bool resolved_ = false;  // the preferred connection claimed or gave up
  bool taken_ = false;
};

}  // namespace smtpcheck::agent
