#pragma once
// TCP connect with a deadline that tells a filtered port (timeout) from a
// refused one (RST), an unreachable network, and success.
#include <string>

#include "platform/sockets.h"
#include "probe/deadline.h"
#include "smtpcheck/probe_report.h"

namespace smtpcheck::agent {

/// An owned socket, closed when dropped.
class socket_fd {
 public:
  socket_fd() = default;
  explicit socket_fd(platform::socket_handle fd) : fd_(fd) {}
  socket_fd(socket_fd&& other) noexcept : fd_(other.release()) {}
  socket_fd& operator=(socket_fd&& other) noexcept;
  socket_fd(const socket_fd&) = delete;
  socket_fd& operator=(const socket_fd&) = delete;
  ~socket_fd();
  platform::socket_handle get() const { return fd_; }
  platform::socket_handle release() {
    const platform::socket_handle fd = fd_;
    fd_ = platform::invalid_socket;
    return fd;
  }
  explicit operator bool() const { return fd_ != platform::invalid_socket; }

 private:
  platform::socket_handle fd_ = platform::invalid_socket;
};

/// The outcome of one connect: the step for the report, and the socket when ok.
struct tcp_outcome {
  tcp_step step;
  socket_fd socket;  ///< non-blocking, connected; empty unless step.status == "ok"
};

/// Connects to a numeric address ("127.0.0.1", "::1") and port before `until`.
tcp_outcome connect_tcp(const std::string& address, int port, deadline until);

}  // namespace smtpcheck::agent
