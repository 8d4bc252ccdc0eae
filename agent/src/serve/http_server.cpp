#include "serve/http_server.h"

#include "serve/fetch_metadata.h"

#include <algorithm>
#include <cerrno>
#include <string_view>

#include "platform/sockets.h"

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
  return platform::wait_ready(fd, events, timeout_ms);
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

// httplib hands each accepted socket to its task queue; this one runs the
// task at once on the accepting thread, where process_and_close_socket only
// gives the socket to the gate: accepting never waits for a worker.
class hand_to_gate final : public httplib::TaskQueue {
 public:
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override {}
};

// The reserved lane: requests that are cheap and must stay quick for the
// page to work and to find the agent (the hello, the page's HTML, CORS
// preflights). Their answers are small enough never to block on a client
// that does not read.
bool is_reserved_lane(const arrived_request& r) {
  if (r.method == "OPTIONS") return true;
  if (r.method != "GET" && r.method != "HEAD") return false;
  const std::string path = r.target.substr(0, r.target.find('?'));
  return path == "/v1/hello" || path == "/" || path == "/index.html";
}

}  // namespace

deadline_stream::deadline_stream(const arrived_request& arrived, const serve_limits& limits)
    : fd_(arrived.fd),
      arrived_(arrived.bytes),
      read_deadline_(arrived.started + limits.request_deadline),
      body_left_(limits.max_body_bytes + chunk_framing_allowance),
      write_timeout_(limits.write_timeout) {
  // Body bytes that came with the head spend the body's budget too.
  body_left_ -= std::min(body_left_, arrived.bytes.size() - arrived.head_size);
}

bool deadline_stream::is_readable() const {
  return wait_for(fd_, POLLIN, milliseconds_until(read_deadline_));
}

bool deadline_stream::is_writable() const {
  return wait_for(fd_, POLLOUT, static_cast<int>(write_timeout_.count()));
}

ssize_t deadline_stream::read(char* ptr, size_t size) {
  if (arrived_at_ < arrived_.size()) {
    const std::size_t n = std::min(size, arrived_.size() - arrived_at_);
    std::copy_n(arrived_.data() + arrived_at_, n, ptr);
    arrived_at_ += n;
    return static_cast<ssize_t>(n);
  }
  if (body_left_ == 0 || !is_readable()) return -1;
  const auto n = static_cast<ssize_t>(platform::receive(fd_, ptr, std::min(size, body_left_)));
  if (n > 0) body_left_ -= static_cast<std::size_t>(n);
  return n;
}

ssize_t deadline_stream::write(const char* ptr, size_t size) {
  // The socket is non-blocking (the gate read it so): wait for room, then
  // write what fits; httplib writes the rest in the next call.
  while (true) {
    if (!is_writable()) return -1;
    const auto n =
        static_cast<ssize_t>(platform::send_some(fd_, ptr, size));  // a client gone is an error
    if (n >= 0) return n;
    const int error = platform::last_socket_error();
    if (error != EAGAIN && error != EWOULDBLOCK && error != EINTR) return n;
  }
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

http_server::http_server(const serve_limits& limits, connection_gate::refusal_logger log)
    : limits_(limits),
      workers_(limits.worker_threads),
      reserved_(limits.reserved_threads),
      gate_(
          limits,
          [this](arrived_request arrived) {
            auto shared = std::make_shared<arrived_request>(std::move(arrived));
            (is_reserved_lane(*shared) ? reserved_ : workers_).enqueue([this, shared] {
              serve(*shared);
            });
          },
          std::move(log)) {
  new_task_queue = [] { return new hand_to_gate; };
  set_socket_options([](socket_t fd) { platform::set_rebind_policy(fd); });
  set_payload_max_length(limits.max_body_bytes);
  const auto deadline_s = std::chrono::duration_cast<std::chrono::seconds>(limits.request_deadline);
  set_read_timeout(std::max<time_t>(1, static_cast<time_t>(deadline_s.count())));
  set_write_timeout(std::max<time_t>(
      1, static_cast<time_t>(
             std::chrono::duration_cast<std::chrono::seconds>(limits.write_timeout).count())));
  set_keep_alive_max_count(1);
}

http_server::~http_server() {
  workers_.shutdown();
  reserved_.shutdown();
}

void http_server::deepen_backlog() {
  // listen() again on a listening socket only changes its backlog.
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);
}

bool http_server::process_and_close_socket(socket_t sock) {
  gate_.admit(sock);
  return true;
}

void http_server::serve(const arrived_request& arrived) {
  // The page's files only: /v1/hello must answer another site's no-cors
  // request, which is how the widget on a help-center page the agent was
  // not started for tells "not allowed here" from "no agent".
  if (!arrived.target.starts_with("/v1/") &&
      is_foreign_subresource(std::string_view(arrived.bytes).substr(0, arrived.head_size))) {
    // Closed without a byte: to that page, as if no agent ran.
    gate_.finish(arrived.fd);
    return;
  }
  platform::set_no_delay(arrived.fd);  // progress lines go out at once
  {
    deadline_stream stream(arrived, limits_);
    bool connection_closed = false;
    // One request per connection (answered with "Connection: close"): the
    // deadline then covers exactly one request, and keep-alive buys nothing
    // on loopback.
    process_request(stream, true, connection_closed, nullptr);
  }
  gate_.finish(arrived.fd);
}

}  // namespace smtpcheck::serve
