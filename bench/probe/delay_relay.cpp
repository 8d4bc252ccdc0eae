// delay_relay: a TCP relay on 127.0.0.1 that adds network latency, so the
// probe bench can run the agent against local servers as if they were far
// away. Every chunk of bytes is held for half the round-trip time in each
// direction, in order; the bytes are never looked at, so TLS passes through.
//
//   delay_relay --rtt-ms 80 --target 127.0.0.1:2525 --target 127.0.0.1:2526
//   listening 127.0.0.1:40001
//   listening 127.0.0.1:40002
//
// One listener per --target, printed in the order given. One thread, one
// ppoll loop, non-blocking sockets throughout.
//
// Timing model. The client's own connect() completes at once (the kernel
// answers it); to keep the times that matter right, the relay connects to
// the target only after --connect-delay-ms (default: one RTT) and reads
// nothing from the client before that. So a greeting reaches the client 1.5
// RTT after its connect, and a TLS ClientHello sent at once is answered 2 RTT
// after the connect, as over a real network. A client measuring its TCP
// connect alone sees ~0 ms.

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <iostream>
#include <list>
#include <optional>
#include <string>
#include <vector>

namespace smtpcheck::bench {
namespace {

using clock_type = std::chrono::steady_clock;
using std::chrono::microseconds;

constexpr const char* usage =
    R"(usage: delay_relay --rtt-ms N --target HOST:PORT [--target HOST:PORT ...] [options]

Listens on 127.0.0.1, one port per --target (printed in order as
"listening 127.0.0.1:PORT"), and relays each connection to its target,
holding every chunk RTT/2 in each direction. Runs until SIGTERM or SIGINT.

  --rtt-ms N              the simulated round-trip time (default 0)
  --target HOST:PORT      where to relay; [::1]:PORT for IPv6 (repeatable)
  --listen-port P         the listening port, with a single --target (default: a free one)
  --connect-delay-ms N    wait before connecting to the target, reading
                          nothing from the client meanwhile (default: the RTT)
  --exit-on-stdin-eof     also stop when standard input reaches its end
  --help                  this text
)";

/// Bytes held per direction before the relay stops reading (back-pressure).
constexpr std::size_t max_queued_bytes = 4 * 1024 * 1024;

struct relay_target {
  std::string host;
  std::string port;
};

struct relay_options {
  microseconds one_way{0};
  std::optional<microseconds> connect_delay;
  std::vector<relay_target> targets;
  int listen_port = 0;
  bool exit_on_stdin_eof = false;
};

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "delay_relay: " << message << "\n(see --help)\n";
  std::exit(2);
}

long to_count(const std::string& text, const std::string& flag) {
  char* end = nullptr;
  const long value = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 0) usage_error(flag + " wants a whole number");
  return value;
}

relay_target parse_target(const std::string& text) {
  relay_target target;
  std::size_t colon = 0;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      usage_error("--target wants HOST:PORT or [IPV6]:PORT, got " + text);
    }
    target.host = text.substr(1, close - 1);
    colon = close + 1;
  } else {
    colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
      usage_error("--target wants HOST:PORT, got " + text);
    target.host = text.substr(0, colon);
  }
  target.port = text.substr(colon + 1);
  if (target.port.empty()) usage_error("--target wants HOST:PORT, got " + text);
  return target;
}

relay_options parse_arguments(int argc, char** argv) {
  relay_options options;
  long rtt_ms = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage_error(flag + " wants a value");
      return argv[++i];
    };
    if (flag == "--help" || flag == "-h") {
      std::cout << usage;
      std::exit(0);
    } else if (flag == "--rtt-ms") {
      rtt_ms = to_count(value(), flag);
    } else if (flag == "--target") {
      options.targets.push_back(parse_target(value()));
    } else if (flag == "--listen-port") {
      options.listen_port = static_cast<int>(to_count(value(), flag));
    } else if (flag == "--connect-delay-ms") {
      options.connect_delay = std::chrono::milliseconds(to_count(value(), flag));
    } else if (flag == "--exit-on-stdin-eof") {
      options.exit_on_stdin_eof = true;
    } else {
      usage_error("unknown option " + flag);
    }
  }
  if (options.targets.empty()) usage_error("give at least one --target");
  if (options.listen_port != 0 && options.targets.size() > 1) {
    usage_error("--listen-port picks one port: use it with a single --target");
  }
  options.one_way = microseconds(rtt_ms * 1000 / 2);
  if (!options.connect_delay) options.connect_delay = microseconds(rtt_ms * 1000);
  return options;
}

/// Bytes read at one moment, to be written once `due`; or the end of the stream.
struct chunk {
  clock_type::time_point due;
  std::string bytes;
  bool end_of_stream = false;
};

/// One direction of a relayed connection: read from `from`, delay, write to `to`.
struct direction {
  int from = -1;
  int to = -1;
  std::deque<chunk> queue;
  std::size_t written = 0;  // of the front chunk
  std::size_t queued = 0;   // bytes in the queue
  bool read_done = false;   // end of stream (or error) read from `from`
  bool write_done = false;  // `to` shut down for writing
};

/// A client connection and its connection to the target.
struct relayed_connection {
  enum class phase { waiting, connecting, open };
  int client = -1;
  int upstream = -1;
  phase state = phase::waiting;
  clock_type::time_point connect_at;
  const addrinfo* target = nullptr;
  direction up;    // client → target
  direction down;  // target → client
  bool failed = false;

  bool finished() const { return failed || (up.write_done && down.write_done); }
};

struct relay_listener {
  int fd = -1;
  int port = 0;
  addrinfo* target = nullptr;
};

void set_nodelay(int fd) {
  const int on = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
}

relay_listener open_listener(const relay_target& target, int port) {
  relay_listener listener;
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  if (const int error =
          getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &listener.target);
      error != 0) {
    usage_error("cannot resolve " + target.host + ": " + gai_strerror(error));
  }
  listener.fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  const int on = 1;
  setsockopt(listener.fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  socklen_t length = sizeof address;
  if (bind(listener.fd, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener.fd, 128) != 0 ||
      getsockname(listener.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    std::cerr << "delay_relay: cannot listen: " << std::strerror(errno) << '\n';
    std::exit(1);
  }
  listener.port = ntohs(address.sin_port);
  return listener;
}

/// The relay: listeners, connections, and the loop that moves their bytes.
class relay {
 public:
  explicit relay(const relay_options& options) : options_(options) {}

  void add_listener(relay_listener listener) { listeners_.push_back(listener); }

  /// Runs until a stop signal arrives on `signal_fd` (or stdin ends, when watched).
  void run(int signal_fd) {
    while (true) {
      const clock_type::time_point now = clock_type::now();
      start_due_connects(now);

      std::vector<pollfd> fds;
      fds.push_back({signal_fd, POLLIN, 0});
      fds.push_back({options_.exit_on_stdin_eof ? STDIN_FILENO : -1, POLLIN, 0});
      for (const relay_listener& l : listeners_) fds.push_back({l.fd, POLLIN, 0});
      const std::size_t first_connection = fds.size();
      for (relayed_connection& c : connections_) {
        // A socket with nothing asked of it is left out (fd -1): poll would
        // report its hang-up again and again while its bytes wait to be due.
        for (const int fd : {c.client, c.upstream}) {
          const short events = events_for(c, fd, now);
          fds.push_back({events != 0 ? fd : -1, events, 0});
        }
      }

      const std::optional<clock_type::duration> wait = next_deadline(now);
      timespec timeout{};
      if (wait) {
        const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(*wait).count();
        timeout.tv_sec = static_cast<time_t>(ns / 1'000'000'000);
        timeout.tv_nsec = static_cast<long>(ns % 1'000'000'000);
      }
      if (ppoll(fds.data(), fds.size(), wait ? &timeout : nullptr, nullptr) < 0) {
        if (errno == EINTR) continue;
        break;
      }
      if (fds[0].revents != 0) break;
      if (fds[1].revents != 0) {
        char buffer[4096];
        if (read(STDIN_FILENO, buffer, sizeof buffer) <= 0) break;
      }
      for (std::size_t i = 0; i < listeners_.size(); ++i) {
        if (fds[2 + i].revents != 0) accept_all(listeners_[i]);
      }
      std::size_t at = first_connection;
      const clock_type::time_point after = clock_type::now();
      for (relayed_connection& c : connections_) {
        if (at >= fds.size()) break;  // accepted in this round: polled next round
        serve(c, fds[at].revents, fds[at + 1].revents, after);
        at += 2;
      }
      connections_.remove_if([](relayed_connection& c) {
        if (!c.finished()) return false;
        if (c.failed) {
          // An abortive close (RST), so each side sees the failure, not a clean end.
          const linger abort{1, 0};
          setsockopt(c.client, SOL_SOCKET, SO_LINGER, &abort, sizeof abort);
        }
        close_sockets(c);
        return true;
      });
    }
    for (relayed_connection& c : connections_) close_sockets(c);
    connections_.clear();
  }

 private:
  void accept_all(const relay_listener& listener) {
    while (true) {
      const int fd = accept4(listener.fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (fd < 0) return;
      set_nodelay(fd);
      relayed_connection& c = connections_.emplace_back();
      c.client = fd;
      c.target = listener.target;
      c.connect_at = clock_type::now() + *options_.connect_delay;
    }
  }

  void start_due_connects(clock_type::time_point now) {
    for (relayed_connection& c : connections_) {
      if (c.state != relayed_connection::phase::waiting || now < c.connect_at) continue;
      c.upstream = socket(c.target->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
      set_nodelay(c.upstream);
      if (connect(c.upstream, c.target->ai_addr, c.target->ai_addrlen) != 0 &&
          errno != EINPROGRESS) {
        c.failed = true;
        continue;
      }
      c.state = relayed_connection::phase::connecting;
      c.up.from = c.down.to = c.client;
      c.up.to = c.down.from = c.upstream;
    }
  }

  static short direction_events(const direction& d, int fd, clock_type::time_point now) {
    short events = 0;
    if (d.from == fd && !d.read_done && d.queued < max_queued_bytes) events |= POLLIN;
    if (d.to == fd && !d.queue.empty() && d.queue.front().due <= now &&
        !d.queue.front().end_of_stream) {
      events |= POLLOUT;
    }
    return events;
  }

  static short events_for(const relayed_connection& c, int fd, clock_type::time_point now) {
    if (fd < 0) return 0;
    switch (c.state) {
      case relayed_connection::phase::waiting: return 0;
      case relayed_connection::phase::connecting: return fd == c.upstream ? POLLOUT : 0;
      case relayed_connection::phase::open:
        return static_cast<short>(direction_events(c.up, fd, now) |
                                  direction_events(c.down, fd, now));
    }
    return 0;
  }

  /// How long until something is due: a connect to start, a chunk to write.
  std::optional<clock_type::duration> next_deadline(clock_type::time_point now) const {
    std::optional<clock_type::time_point> earliest;
    const auto consider = [&](clock_type::time_point t) {
      if (!earliest || t < *earliest) earliest = t;
    };
    for (const relayed_connection& c : connections_) {
      if (c.state == relayed_connection::phase::waiting) consider(c.connect_at);
      if (c.state != relayed_connection::phase::open) continue;
      for (const direction* d : {&c.up, &c.down}) {
        if (!d->queue.empty() && (d->queue.front().due > now || d->queue.front().end_of_stream)) {
          consider(d->queue.front().due);
        }
      }
    }
    if (!earliest) return std::nullopt;
    return std::max(clock_type::duration::zero(), *earliest - now);
  }

  void serve(relayed_connection& c, short client_events, short upstream_events,
             clock_type::time_point now) {
    if (c.failed) return;
    if (c.state == relayed_connection::phase::connecting) {
      if (upstream_events == 0) return;
      int error = 0;
      socklen_t length = sizeof error;
      getsockopt(c.upstream, SOL_SOCKET, SO_ERROR, &error, &length);
      if (error != 0) {
        c.failed = true;
        return;
      }
      c.state = relayed_connection::phase::open;
      return;
    }
    if (c.state != relayed_connection::phase::open) return;
    const auto readable = [](short events) { return (events & (POLLIN | POLLHUP | POLLERR)) != 0; };
    if (readable(client_events) && !c.up.read_done) read_into(c.up, c, now);
    if (readable(upstream_events) && !c.down.read_done) read_into(c.down, c, now);
    write_due(c.up, c, now);
    write_due(c.down, c, now);
  }

  void read_into(direction& d, relayed_connection& c, clock_type::time_point now) {
    char buffer[65536];
    const ssize_t n = recv(d.from, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n < 0) {
      c.failed = true;
      return;
    }
    chunk piece{now + options_.one_way, std::string(buffer, static_cast<std::size_t>(n)), n == 0};
    d.queued += piece.bytes.size();
    d.queue.push_back(std::move(piece));
    if (n == 0) d.read_done = true;
  }

  static void write_due(direction& d, relayed_connection& c, clock_type::time_point now) {
    while (!d.queue.empty() && d.queue.front().due <= now) {
      chunk& front = d.queue.front();
      if (front.end_of_stream) {
        shutdown(d.to, SHUT_WR);  // the end arrives as late as the bytes before it
        d.write_done = true;
        d.queue.pop_front();
        continue;
      }
      const ssize_t n =
          send(d.to, front.bytes.data() + d.written, front.bytes.size() - d.written, MSG_NOSIGNAL);
      if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
      if (n < 0) {
        c.failed = true;
        return;
      }
      d.written += static_cast<std::size_t>(n);
      if (d.written < front.bytes.size()) return;
      d.queued -= front.bytes.size();
      d.written = 0;
      d.queue.pop_front();
    }
  }

  static void close_sockets(relayed_connection& c) {
    close(c.client);
    if (c.upstream >= 0) close(c.upstream);
  }

  const relay_options& options_;
  std::vector<relay_listener> listeners_;
  std::list<relayed_connection> connections_;
};

int run(int argc, char** argv) {
  const relay_options options = parse_arguments(argc, argv);
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigprocmask(SIG_BLOCK, &signals, nullptr);
  const int signal_fd = signalfd(-1, &signals, SFD_CLOEXEC);

  relay relay(options);
  std::vector<relay_listener> listeners;
  for (const relay_target& target : options.targets) {
    listeners.push_back(open_listener(target, options.listen_port));
    relay.add_listener(listeners.back());
    std::cout << "listening 127.0.0.1:" << listeners.back().port << '\n';
  }
  std::cout.flush();
  relay.run(signal_fd);
  for (relay_listener& l : listeners) {
    close(l.fd);
    freeaddrinfo(l.target);
  }
  close(signal_fd);
  return 0;
}

}  // namespace
}  // namespace smtpcheck::bench

int main(int argc, char** argv) {
  return smtpcheck::bench::run(argc, argv);
}
