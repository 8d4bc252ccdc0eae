#pragma once
/// cpp-httplib's server, with the connection handling `smtpcheck serve`
/// needs for rule 5. httplib would give each accepted connection a worker
/// thread at once, and its timeout is per read, so clients that send one
/// header byte a second (slowloris) would hold every worker. Here a
/// connection_gate reads every request head first, on one thread, and
/// checks its framing strictly (request_head.h); only then does a worker
/// run httplib's request handling on it. Every connection carries one
/// request, which must arrive in full, within byte budgets, before
/// limits.request_deadline. Requests for /v1/hello and the page itself go
/// to a reserved lane of their own, so they are answered at once even
/// while every general worker is busy.

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "serve/connection_gate.h"
#include "serve/limits.h"

namespace smtpcheck::serve {

/// A connected socket as httplib's Stream, reads bounded by one deadline for
/// the whole request (from the moment it was accepted) and by a byte budget
/// for the body: limits.max_body_bytes plus room for chunked framing
/// (httplib answers 413 past the body limit itself).
class deadline_stream final : public httplib::Stream {
 public:
  /// `arrived`: the request's head (and any body bytes read with it), as
  /// the gate read it; they are read again from here first.
  deadline_stream(const arrived_request& arrived, const serve_limits& limits);

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  socket_t fd_;
  const std::string& arrived_;
  std::size_t arrived_at_ = 0;  ///< how much of arrived_ was read again
  std::chrono::steady_clock::time_point read_deadline_;
  std::size_t body_left_;
  std::chrono::milliseconds write_timeout_;
};

/// httplib::Server serving each connection through a deadline_stream; its
/// listening socket has SO_REUSEADDR only (httplib's default adds
/// SO_REUSEPORT, which would let a second agent, or another program of the
/// same user, share the port and take some of the page's requests).
class http_server final : public httplib::Server {
 public:
  /// `log` gets one line per head the gate refused.
  http_server(const serve_limits& limits, connection_gate::refusal_logger log);
  /// Lets the running requests finish, then closes every connection.
  /// Call after stop() and after listen_after_bind() has returned.
  ~http_server() override;

  /// After bind: lets the kernel queue up to SOMAXCONN connections not yet
  /// accepted (httplib listens with a backlog of 5, which a burst of
  /// connections overflows, and a dropped SYN costs the client a second).
  void deepen_backlog();

  /// Connections open now, in any stage.
  std::size_t open_connections() const { return gate_.open_connections(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void serve(const arrived_request& arrived);

  serve_limits limits_;
  httplib::ThreadPool workers_;
  httplib::ThreadPool reserved_;
  connection_gate gate_;  // last: its thread hands requests to the pools above
};

}  // namespace smtpcheck::serve
