#pragma once
// A way for one thread to wake another that waits in poll_sockets(): a
// pipe on POSIX; on Windows, whose WSAPoll takes sockets only, a UDP
// socket on 127.0.0.1 that sends itself a datagram.
#include "platform/sockets.h"

namespace smtpcheck::platform {

/// Raised by any thread; polled (POLLIN) and cleared by the waiting one.
class wake_signal {
 public:
  wake_signal();
  ~wake_signal();
  wake_signal(const wake_signal&) = delete;
  wake_signal& operator=(const wake_signal&) = delete;

  /// What to poll for POLLIN; invalid_socket when it could not be made.
  socket_handle handle() const { return read_end_; }
  /// Wakes the waiting thread (never blocks).
  void raise();
  /// Consumes every wake-up raised so far.
  void clear();

 private:
  socket_handle read_end_ = invalid_socket;
  socket_handle write_end_ = invalid_socket;
};

}  // namespace smtpcheck::platform
