// Non-blocking connect (connect(2) EINPROGRESS, then poll for writability and
// read SO_ERROR), so the deadline is ours and not the kernel's SYN retries.
#include "probe/tcp_connect.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace smtpcheck::agent {

socket_fd& socket_fd::operator=(socket_fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.release();
  }
  return *this;
}

socket_fd::~socket_fd() {
  if (fd_ >= 0) ::close(fd_);
}

namespace {

std::string status_of(int error) {
  switch (error) {
    case ECONNREFUSED: return "refused";
    case ETIMEDOUT: return "timeout";
    case ENETUNREACH:
    case EHOSTUNREACH:
    case ENETDOWN:
    case EHOSTDOWN:
    case EADDRNOTAVAIL:
    case EAFNOSUPPORT: return "unreachable";
    default: return "error";
  }
}

tcp_outcome failed(int error, probe_clock::time_point start) {
  tcp_outcome out;
  out.step.status = status_of(error);
  out.step.error_number = error;
  out.step.error = std::strerror(error);
  out.step.duration_ms = elapsed_ms(start);
  return out;
}

}  // namespace

tcp_outcome connect_tcp(const std::string& address, int port, deadline until) {
  const auto start = probe_clock::now();
  sockaddr_storage storage{};
  socklen_t length = 0;
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
  socket_fd fd(::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd) return failed(errno, start);
  // SMTP is a dialogue of short lines: do not let Nagle hold a command back.
  const int one = 1;
  ::setsockopt(fd.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

  if (::connect(fd.get(), reinterpret_cast<sockaddr*>(&storage), length) != 0) {
    if (errno != EINPROGRESS) return failed(errno, start);
    pollfd p{fd.get(), POLLOUT, 0};
    int ready = 0;
    do {
      ready = ::poll(&p, 1, until.remaining_ms());
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) return failed(ETIMEDOUT, start);
    if (ready < 0) return failed(errno, start);
    int error = 0;
    socklen_t size = sizeof error;
    ::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &size);
    if (error != 0) return failed(error, start);
  }
  tcp_outcome out;
  out.step.status = "ok";
  out.step.duration_ms = elapsed_ms(start);
  out.socket = std::move(fd);
  return out;
}

}  // namespace smtpcheck::agent
