#include "smtp_server/smtp_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <list>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "smtp_server/record_book.h"
#include "smtp_server/smtp_session.h"
#include "smtp_server/stop_signal.h"
#include "smtp_server/tls_context.h"

#ifndef SMTPCHECK_TEST_CERTS
#define SMTPCHECK_TEST_CERTS "test-certs"
#endif

namespace smtpcheck::testing {
namespace {

[[noreturn]] void fail_errno(const std::string& what) {
  throw std::runtime_error("smtp_test_server: " + what + ": " + std::strerror(errno));
}

/// A listening socket on loopback (127.0.0.1 or ::1); returns the fd and sets `port`.
int listen_on_loopback(bool ipv6, int requested_port, int& port) {
  const int fd = socket(ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail_errno("socket");
  const int on = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_storage address{};
  socklen_t length = 0;
  if (ipv6) {
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
    in6->sin6_family = AF_INET6;
    in6->sin6_addr = in6addr_loopback;
    in6->sin6_port = htons(static_cast<std::uint16_t>(requested_port));
    length = sizeof(sockaddr_in6);
  } else {
    auto* in4 = reinterpret_cast<sockaddr_in*>(&address);
    in4->sin_family = AF_INET;
    in4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    in4->sin_port = htons(static_cast<std::uint16_t>(requested_port));
    length = sizeof(sockaddr_in);
  }
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), length) != 0 || listen(fd, 128) != 0) {
    const int saved = errno;
    close(fd);
    errno = saved;
    fail_errno(std::string("cannot listen on ") + (ipv6 ? "[::1]" : "127.0.0.1"));
  }
  length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  port = ntohs(ipv6 ? reinterpret_cast<sockaddr_in6*>(&address)->sin6_port
                    : reinterpret_cast<sockaddr_in*>(&address)->sin_port);
  return fd;
}

/// One listening socket and the thread accepting on it.
struct listener {
  int fd = -1;
  int port = 0;
  std::string address;  // "127.0.0.1" | "::1"
  std::thread thread;
};

/// One connection's thread and socket.
struct worker {
  std::thread thread;
  std::shared_ptr<std::atomic<bool>> done = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace

std::string server_options::default_cert_dir() {
  return SMTPCHECK_TEST_CERTS;
}

struct smtp_test_server::state {
  server_script script;
  server_options options;
  tls_context tls;
  stop_signal stop;
  record_book records;
  std::function<void(std::string_view)> log;  // options.log, one call at a time
  std::mutex log_mutex;

  std::list<listener> listeners;
  int wake[2] = {-1, -1};  // a pipe: a byte written wakes every accept loop

  std::mutex mutex;  // guards what follows
  bool stopped = false;
  std::list<worker> workers;
  std::set<int> open_sockets;  // shut down by stop() to end blocked reads

  void accept_loop(listener& on) {
    while (true) {
      pollfd fds[2] = {{on.fd, POLLIN, 0}, {wake[0], POLLIN, 0}};
      if (poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        return;
      }
      if (fds[1].revents != 0) return;
      const int fd = accept4(on.fd, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      // Replies are small writes: no Nagle delay skewing the timings tests see.
      const int on_flag = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on_flag, sizeof on_flag);
      start_worker(fd, on.address);
    }
  }

  void start_worker(int fd, const std::string& address) {
    std::lock_guard lock(mutex);
    if (stopped) {
      close(fd);
      return;
    }
    workers.remove_if([](worker& w) {
      if (!w.done->load()) return false;
      w.thread.join();
      return true;
    });
    open_sockets.insert(fd);
    const std::size_t index = records.open(address);
    worker& w = workers.emplace_back();
    w.thread = std::thread([this, fd, index, done = w.done] {
      // A write to a client that has gone must fail with EPIPE, not kill the
      // process; blocking SIGPIPE in this thread only leaves the program's
      // own disposition alone (OpenSSL writes with write(), not send()).
      sigset_t pipe_signal;
      sigemptyset(&pipe_signal);
      sigaddset(&pipe_signal, SIGPIPE);
      pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);
      const session_setup setup{script, tls.get(), stop, records, index, log};
      run_smtp_session(fd, setup);
      {
        std::lock_guard guard(mutex);
        open_sockets.erase(fd);
        close(fd);
      }
      records.update(index, [](connection_record& r) { r.closed = true; });
      done->store(true);
    });
  }
};

smtp_test_server::smtp_test_server(server_script script, server_options options)
    : state_(std::make_unique<state>()) {
  state& s = *state_;
  s.script = std::move(script);
  s.options = std::move(options);
  s.tls = make_tls_context(s.script, s.options.cert_dir);
  if (s.options.log) {
    s.log = [&s](std::string_view line) {
      std::lock_guard lock(s.log_mutex);
      s.options.log(line);
    };
  }
  if (pipe2(s.wake, O_CLOEXEC) != 0) fail_errno("pipe");

  listener& v4 = s.listeners.emplace_back();
  v4.address = "127.0.0.1";
  try {
    v4.fd = listen_on_loopback(false, s.options.port, v4.port);
    if (s.options.listen_ipv6) {
      listener& v6 = s.listeners.emplace_back();
      v6.address = "::1";
      v6.fd = listen_on_loopback(true, 0, v6.port);
    }
  } catch (...) {
    for (listener& l : s.listeners) {
      if (l.fd >= 0) close(l.fd);
    }
    close(s.wake[0]);
    close(s.wake[1]);
    throw;
  }
  for (listener& l : s.listeners) l.thread = std::thread([&s, &l] { s.accept_loop(l); });
}

smtp_test_server::~smtp_test_server() {
  stop();
}

int smtp_test_server::port() const {
  return state_->listeners.front().port;
}

int smtp_test_server::ipv6_port() const {
  return state_->listeners.size() > 1 ? state_->listeners.back().port : 0;
}

const server_script& smtp_test_server::script() const {
  return state_->script;
}

void smtp_test_server::stop() {
  state& s = *state_;
  {
    std::lock_guard lock(s.mutex);
    if (s.stopped) return;
    s.stopped = true;
  }
  s.stop.raise();
  (void)!write(s.wake[1], "x", 1);
  for (listener& l : s.listeners) {
    l.thread.join();
    close(l.fd);
  }
  {
    // Ends reads and writes blocked in connection threads; each closes its own socket.
    std::lock_guard lock(s.mutex);
    for (const int fd : s.open_sockets) shutdown(fd, SHUT_RDWR);
  }
  for (worker& w : s.workers) w.thread.join();  // no new workers once stopped
  s.workers.clear();
  close(s.wake[0]);
  close(s.wake[1]);
}

std::vector<connection_record> smtp_test_server::connections() const {
  return state_->records.all();
}

std::size_t smtp_test_server::connection_count() const {
  return state_->records.size();
}

std::vector<std::string> smtp_test_server::commands() const {
  std::vector<std::string> all;
  for (const connection_record& record : state_->records.all()) {
    all.insert(all.end(), record.commands.begin(), record.commands.end());
  }
  return all;
}

bool smtp_test_server::data_received() const {
  for (const connection_record& record : state_->records.all()) {
    if (record.data_received) return true;
  }
  return false;
}

bool smtp_test_server::wait_for_closed(std::size_t count, std::chrono::milliseconds timeout) const {
  return state_->records.wait_for_closed(count, timeout);
}

}  // namespace smtpcheck::testing
