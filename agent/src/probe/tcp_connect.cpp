// Non-blocking connect, then a bounded wait for it to end
// (platform/sockets.h), so the deadline is ours and not the kernel's SYN
// retries.
#include "probe/tcp_connect.h"

#include <cerrno>

#include "platform/socket_errors.h"

namespace smtpcheck::agent {

socket_fd& socket_fd::operator=(socket_fd&& other) noexcept {
  if (this != &other) {
    if (fd_ != platform::invalid_socket) platform::close_socket(fd_);
    fd_ = other.release();
  }
  return *this;
}

socket_fd::~socket_fd() {
  if (fd_ != platform::invalid_socket) platform::close_socket(fd_);
}

namespace {

tcp_outcome failed(int error, probe_clock::time_point start) {
  tcp_outcome out;
  out.step.status = platform::connect_status(error);
  out.step.error_number = platform::report_error_number(error);
  out.step.error = platform::socket_error_text(error);
  out.step.duration_ms = elapsed_ms(start);
  return out;
}

}  // namespace

tcp_outcome connect_tcp(const std::string& address, int port, deadline until) {
  const auto start = probe_clock::now();
  sockaddr_storage storage{};
  int length = 0;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
  if (::inet_pton(AF_INET, address.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    v4->sin_port = htons(static_cast<uint16_t>(port));
    length = sizeof(sockaddr_in);
  } else if (::inet_pton(AF_INET6, address.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    v6->sin6_port = htons(static_cast<uint16_t>(port));
    length = sizeof(sockaddr_in6);
  } else {
    return failed(EINVAL, start);
  }
  socket_fd fd(platform::open_stream_socket(storage.ss_family));
  if (!fd) return failed(platform::last_socket_error(), start);

  int error = platform::start_connect(fd.get(), reinterpret_cast<sockaddr*>(&storage), length);
  if (error == EINPROGRESS) error = platform::wait_connected(fd.get(), until.remaining_ms());
  if (error != 0) return failed(error, start);
  tcp_outcome out;
  out.step.status = "ok";
  out.step.duration_ms = elapsed_ms(start);
  out.socket = std::move(fd);
  return out;
}

}  // namespace smtpcheck::agent
