#include "serve/connection_gate.h"

#include <algorithm>
#include <cerrno>

#include "platform/sockets.h"

#include "serve/request_head.h"
#include "serve/responses.h"

namespace smtpcheck::serve {
namespace {

using clock = connection_gate::clock;

// What a closing connection may still send before it is closed: enough for
// a refused upload to read its answer instead of a reset.
constexpr std::size_t drain_limit = 256 * 1024;
constexpr std::chrono::milliseconds drain_time{500};

std::string peer_address(socket_t fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  char host[NI_MAXHOST] = {};
  if (::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 ||
      ::getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, nullptr, 0,
                    NI_NUMERICHOST) != 0) {
    return "unknown";
  }
  return host;
}

int milliseconds_until(clock::time_point when, clock::time_point now) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(when - now).count();
  return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 60000)) + 1;
}

}  // namespace

connection_gate::connection_gate(const serve_limits& limits, request_handler on_request,
                                 refusal_logger log)
    : limits_(limits), on_request_(std::move(on_request)), log_(std::move(log)) {
  thread_ = std::thread([this] { run(); });
}

connection_gate::~connection_gate() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake();
  thread_.join();
  for (const reading& r : reading_) platform::close_socket(r.fd);
  for (const draining& d : draining_) platform::close_socket(d.fd);
}

void connection_gate::wake() {
  wake_.raise();
}

void connection_gate::admit(socket_t fd) {
  {
    const std::lock_guard lock(mutex_);
    admitted_.push_back(fd);
  }
  wake();
}

void connection_gate::finish(socket_t fd) {
  platform::shut_down(fd, true);
  {
    const std::lock_guard lock(mutex_);
    finished_.push_back(fd);
  }
  wake();
}

std::size_t connection_gate::open_connections() const {
  return open_.load();
}

void connection_gate::take_in(socket_t fd) {
  // The gate reads without blocking; a worker's deadline_stream polls first.
  platform::set_non_blocking(fd);
  std::string address = peer_address(fd);
  if (per_address_[address] >= limits_.connections_per_address) {
    const auto oldest = std::find_if(reading_.begin(), reading_.end(),
                                     [&](const reading& r) { return r.address == address; });
    if (oldest == reading_.end()) {
      platform::close_socket(fd);  // every one of them is being served: this one is refused
      return;
    }
    const socket_t cut = oldest->fd;
    reading_.erase(oldest);
    close_connection(cut);
  }
  ++per_address_[address];
  address_of_[fd] = address;
  ++open_;
  reading_.push_back({fd, std::move(address), clock::now(), {}});
}

void connection_gate::close_connection(socket_t fd) {
  const auto it = address_of_.find(fd);
  if (it != address_of_.end()) {
    if (--per_address_[it->second] == 0) per_address_.erase(it->second);
    address_of_.erase(it);
    --open_;
  }
  platform::close_socket(fd);
}

void connection_gate::refuse(reading& r, const api_error& error) {
  // A fresh connection's send buffer holds far more than one short answer,
  // so this write does not block the gate.
  const std::string answer = raw_error_answer(error);
  // The socket is non-blocking (take_in), so this send never waits.
  (void)platform::send_some(r.fd, answer.data(), answer.size());
  platform::shut_down(r.fd, true);
  draining_.push_back({r.fd, clock::now() + drain_time});
}

bool connection_gate::on_readable(reading& r) {
  char buffer[4096];
  const std::size_t room =
      limits_.max_head_bytes - std::min(limits_.max_head_bytes, r.bytes.size());
  const std::ptrdiff_t n = platform::receive(r.fd, buffer, std::min(sizeof buffer, room));
  if (n < 0) {
    const int error = platform::last_socket_error();
    if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR) return false;
  }
  if (n <= 0) {
    close_connection(r.fd);  // the client left, or an error: nothing to answer
    return true;
  }
  // Look for the blank line only where it can newly be (3 bytes back).
  const std::size_t from = r.bytes.size() < 3 ? 0 : r.bytes.size() - 3;
  r.bytes.append(buffer, static_cast<std::size_t>(n));
  const std::size_t end = r.bytes.find("\r\n\r\n", from);
  if (end == std::string::npos) {
    if (r.bytes.size() < limits_.max_head_bytes) return false;
    log_("400 bad_request: a request head over " + std::to_string(limits_.max_head_bytes / 1024) +
         " KiB");
    refuse(r, {400, "bad_request",
               "The request line and headers are longer than " +
                   std::to_string(limits_.max_head_bytes / 1024) + " KiB."});
    return true;
  }
  const std::string_view head = std::string_view(r.bytes).substr(0, end + 4);
  if (const auto problem = check_request_head(head)) {
    log_("400 bad_request: " + problem->message);
    refuse(r, {400, "bad_request", problem->message});
    return true;
  }
  const request_line line = read_request_line(head);
  on_request_({r.fd, std::move(r.bytes), end + 4, r.started, line.method, line.target});
  return true;
}

void connection_gate::run() {
  std::vector<pollfd> polled;
  std::vector<socket_t> admitted;
  std::vector<socket_t> finished;
  while (true) {
    {
      const std::lock_guard lock(mutex_);
      if (stop_) break;
      admitted.swap(admitted_);
      finished.swap(finished_);
    }
    for (const socket_t fd : admitted) take_in(fd);
    for (const socket_t fd : finished) draining_.push_back({fd, clock::now() + drain_time});
    admitted.clear();
    finished.clear();

    const clock::time_point now = clock::now();
    // Late heads get the contract's 400; finished drains are closed.
    clock::time_point next = now + std::chrono::seconds(60);
    for (auto it = reading_.begin(); it != reading_.end();) {
      const clock::time_point until = it->started + limits_.request_deadline;
      if (until <= now) {
        refuse(*it, {400, "bad_request",
                     "The request did not arrive in full within " +
                         std::to_string(limits_.request_deadline.count() / 1000) + " s."});
        it = reading_.erase(it);
        continue;
      }
      next = std::min(next, until);
      ++it;
    }
    for (auto it = draining_.begin(); it != draining_.end();) {
      if (it->until <= now || it->drained >= drain_limit) {
        close_connection(it->fd);
        it = draining_.erase(it);
        continue;
      }
      next = std::min(next, it->until);
      ++it;
    }

    polled.clear();
    polled.push_back({wake_.handle(), POLLIN, 0});
    for (const reading& r : reading_) polled.push_back({r.fd, POLLIN, 0});
    for (const draining& d : draining_) polled.push_back({d.fd, POLLIN, 0});
    const std::size_t reading_count = reading_.size();
    if (platform::poll_sockets(polled.data(), polled.size(), milliseconds_until(next, now)) <= 0) {
      continue;
    }
    if (polled[0].revents != 0) wake_.clear();
    std::vector<socket_t> done;
    for (std::size_t i = 0; i < reading_count; ++i) {
      if (polled[1 + i].revents == 0) continue;
      if (on_readable(reading_[i])) done.push_back(reading_[i].fd);
    }
    std::erase_if(reading_, [&](const reading& r) {
      return std::find(done.begin(), done.end(), r.fd) != done.end();
    });
    // refuse() appended new drains after the polled ones: index by fd.
    for (std::size_t i = reading_count + 1; i < polled.size(); ++i) {
      if (polled[i].revents == 0) continue;
      const auto it = std::find_if(draining_.begin(), draining_.end(),
                                   [&](const draining& d) { return d.fd == polled[i].fd; });
      if (it == draining_.end()) continue;
      char buffer[4096];
      // Non-blocking since take_in: this read never waits.
      const std::ptrdiff_t n = platform::receive(it->fd, buffer, sizeof buffer);
      const int error = n < 0 ? platform::last_socket_error() : 0;
      if (n > 0) {
        it->drained += static_cast<std::size_t>(n);
      } else if (n == 0 || (error != EAGAIN && error != EWOULDBLOCK && error != EINTR)) {
        close_connection(it->fd);
        draining_.erase(it);
      }
    }
  }
  for (const socket_t fd : admitted_) platform::close_socket(fd);
  for (const socket_t fd : finished_) platform::close_socket(fd);
}

}  // namespace smtpcheck::serve
