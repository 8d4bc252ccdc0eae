#include "serve/http_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

namespace smtpcheck::serve {
namespace {

using clock = std::chrono::steady_clock;

// A chunked body carries chunk sizes and line breaks besides its data.
constexpr std::size_t chunk_framing_allowance = 8 * 1024;

int milliseconds_until(clock::time_point when) {
  const auto left =
      std::chrono::duration_cast<std::chrono::milliseconds>(when - clock::now()).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

bool wait_for(socket_t fd, short events, int timeout_ms) {
  pollfd p{fd, events, 0};
  int ready = 0;
  do {
    ready = ::poll(&p, 1, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (p.revents & (events | POLLHUP | POLLERR)) != 0;
}

void address_of(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host, service,
                    sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

// Half-closes, then reads and drops what the client still sends (for a
// short, bounded while) before closing: closing a socket with unread data
// makes the kernel send a reset, which can destroy the answer in flight.
void close_gracefully(socket_t fd) {
  ::shutdown(fd, SHUT_WR);
  constexpr std::size_t drain_limit = 256 * 1024;
  const auto until = clock::now() + std::chrono::milliseconds(500);
  std::size_t drained = 0;
  char buffer[4096];
  while (drained < drain_limit && wait_for(fd, POLLIN, milliseconds_until(until))) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    drained += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace

deadline_stream::deadline_stream(socket_t fd, const serve_limits& limits)
    : fd_(fd),
      read_deadline_(clock::now() + limits.request_deadline),
      head_left_(limits.max_head_bytes),
      body_left_(limits.max_body_bytes + chunk_framing_allowance),
      write_timeout_(limits.write_timeout) {}

bool deadline_stream::is_readable() const {
  return wait_for(fd_, POLLIN, milliseconds_until(read_deadline_));
}

bool deadline_stream::is_writable() const {
  return wait_for(fd_, POLLOUT, static_cast<int>(write_timeout_.count()));
}

ssize_t deadline_stream::read(char* ptr, size_t size) {
  // While in the head, a read never takes more than head_left_ bytes, which
  // is less than body_left_ starts with: the body's share cannot underflow.
  const std::size_t budget = in_body_ ? body_left_ : head_left_;
  if (budget == 0 || !is_readable()) return -1;
  ssize_t n = 0;
  do {
    n = ::recv(fd_, ptr, std::min(size, budget), 0);
  } while (n < 0 && errno == EINTR);
  for (ssize_t i = 0; i < n; ++i) {
    if (in_body_) {
      --body_left_;
      continue;
    }
    --head_left_;
    recent_ = (recent_ << 8) | static_cast<unsigned char>(ptr[i]);
    if (recent_ == 0x0d0a0d0a) in_body_ = true;  // "\r\n\r\n": the headers are over
  }
  return n;
}

ssize_t deadline_stream::write(const char* ptr, size_t size) {
  if (!is_writable()) return -1;
  ssize_t n = 0;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL);  // a client gone is an error, not SIGPIPE
  } while (n < 0 && errno == EINTR);
  return n;
}

void deadline_stream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    address_of(address, length, ip, port);
  }
}

void deadline_stream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    address_of(address, length, ip, port);
  }
}

http_server::http_server(const serve_limits& limits) : limits_(limits) {
  const std::size_t workers = limits.worker_threads;
  new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  set_socket_options([](socket_t fd) {
    const int yes = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  set_payload_max_length(limits.max_body_bytes);
  const auto deadline_s = std::chrono::duration_cast<std::chrono::seconds>(limits.request_deadline);
  set_read_timeout(std::max<time_t>(1, static_cast<time_t>(deadline_s.count())));
  set_write_timeout(std::max<time_t>(
      1, static_cast<time_t>(
             std::chrono::duration_cast<std::chrono::seconds>(limits.write_timeout).count())));
  set_keep_alive_max_count(1);
}

bool http_server::process_and_close_socket(socket_t sock) {
  const int yes = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);  // progress lines go out at once
  bool ok = false;
  {
    deadline_stream stream(sock, limits_);
    bool connection_closed = false;
    // One request per connection (answered with "Connection: close"): the
    // deadline then covers exactly one request, and keep-alive buys nothing
    // on loopback.
    ok = process_request(stream, true, connection_closed, nullptr);
  }
  close_gracefully(sock);
  return ok;
}

}  // namespace smtpcheck::serve
