// POSIX sockets (Linux): non-blocking connect(2) EINPROGRESS, then poll for
// writability and read SO_ERROR, so the deadline is ours and not the
// kernel's SYN retries.
#include "platform/sockets.h"

#include <fcntl.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace smtpcheck::platform {

bool start_sockets() {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}

int last_socket_error() {
  return errno;
}

socket_handle open_stream_socket(int family) {
  const socket_handle socket = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (socket < 0) return invalid_socket;
  set_no_delay(socket);
  return socket;
}

int start_connect(socket_handle socket, const sockaddr* address, int length) {
  if (::connect(socket, address, static_cast<socklen_t>(length)) == 0) return 0;
  return errno;
}

int wait_connected(socket_handle socket, int timeout_ms) {
  pollfd p{socket, POLLOUT, 0};
  const int ready = poll_sockets(&p, 1, timeout_ms);
  if (ready == 0) return ETIMEDOUT;
  if (ready < 0) return errno;
  int error = 0;
  socklen_t size = sizeof error;
  ::getsockopt(socket, SOL_SOCKET, SO_ERROR, &error, &size);
  return error;
}

void set_no_delay(socket_handle socket) {
  const int one = 1;
  ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

void set_non_blocking(socket_handle socket) {
  ::fcntl(socket, F_SETFL, ::fcntl(socket, F_GETFL) | O_NONBLOCK);
}

void set_rebind_policy(socket_handle socket) {
  // Linux: SO_REUSEADDR lets a new agent bind while the last one's
  // connections are in TIME_WAIT; it never shares a port someone listens on.
  const int yes = 1;
  ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
}

int poll_sockets(pollfd* sockets, std::size_t count, int timeout_ms) {
  int ready = 0;
  do {
    ready = ::poll(sockets, static_cast<nfds_t>(count), timeout_ms);
  } while (ready < 0 && errno == EINTR);
  return ready;
}

bool wait_ready(socket_handle socket, short events, int timeout_ms) {
  pollfd p{socket, events, 0};
  return poll_sockets(&p, 1, timeout_ms) > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

std::ptrdiff_t receive(socket_handle socket, char* buffer, std::size_t size) {
  ssize_t n = 0;
  do {
    n = ::recv(socket, buffer, size, 0);
  } while (n < 0 && errno == EINTR);
  return n;
}

std::ptrdiff_t send_some(socket_handle socket, const char* data, std::size_t size) {
  ssize_t n = 0;
  do {
    n = ::send(socket, data, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void shut_down(socket_handle socket, bool sending_only) {
  ::shutdown(socket, sending_only ? SHUT_WR : SHUT_RDWR);
}

void close_socket(socket_handle socket) {
  ::close(socket);
}

}  // namespace smtpcheck::platform
