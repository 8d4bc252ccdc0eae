#include "unanswered_port.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace smtpcheck::testing {
namespace {

/// What a non-blocking connect to 127.0.0.1:`port` came to within `wait_ms`.
enum class connect_outcome { connected, refused, no_answer, error };

/// Starts a connect; the socket stays open (owned by the caller via `fd`).
connect_outcome try_connect(int port, int wait_ms, int& fd) {
  fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return connect_outcome::error;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    return connect_outcome::connected;
  }
  if (errno != EINPROGRESS)
    return errno == ECONNREFUSED ? connect_outcome::refused : connect_outcome::error;
  pollfd pending{fd, POLLOUT, 0};
  const int ready = poll(&pending, 1, wait_ms);
  if (ready == 0) return connect_outcome::no_answer;
  int error = 0;
  socklen_t length = sizeof error;
  getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length);
  if (error == 0) return connect_outcome::connected;
  return error == ECONNREFUSED ? connect_outcome::refused : connect_outcome::error;
}

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("unanswered_port: " + what);
}

}  // namespace

unanswered_port::unanswered_port() {
  listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener_ < 0) fail(std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  // Backlog 0: Linux queues one connection (the queue is full when it holds
  // more than the backlog), the filler below.
  if (bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener_, 0) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    const std::string why = std::strerror(errno);
    close(listener_);
    fail(why);
  }
  port_ = ntohs(address.sin_port);

  if (try_connect(port_, 1000, filler_) != connect_outcome::connected) {
    close(listener_);
    if (filler_ >= 0) close(filler_);
    fail("the connection meant to fill the accept queue did not connect");
  }
  // The proof: one more connect must get no answer at all (its SYN dropped).
  int probe = -1;
  const connect_outcome outcome = try_connect(port_, 100, probe);
  if (probe >= 0) close(probe);
  if (outcome != connect_outcome::no_answer) {
    close(filler_);
    close(listener_);
    fail(outcome == connect_outcome::refused
             ? "this kernel refuses connections to a full accept queue"
             : "this kernel accepts connections beyond a full accept queue");
  }
}

unanswered_port::~unanswered_port() {
  close(filler_);
  close(listener_);
}

}  // namespace smtpcheck::testing
