#pragma once
/// cpp-httplib's server, with the connection handling `smtpcheck serve`
/// needs for rule 5: httplib's own timeout is per read, so a client that
/// sends one header byte a second would hold a worker forever (slowloris).
/// Here every connection carries one request, which must arrive in full,
/// and within a byte budget, before limits.request_deadline; closing then
/// drains what the client still sends, so a refused upload still reads
/// its answer instead of a reset.

#include <httplib.h>

#include <chrono>
#include <cstdint>
#include <string>

#include "serve/limits.h"

namespace smtpcheck::serve {

/// A connected socket as httplib's Stream, reads bounded by one deadline for
/// the whole request and by byte budgets: limits.max_head_bytes until the
/// blank line that ends the headers, then limits.max_body_bytes (plus room
/// for chunked framing; httplib answers 413 past the body limit itself).
class deadline_stream final : public httplib::Stream {
 public:
  deadline_stream(socket_t fd, const serve_limits& limits);

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
  std::chrono::steady_clock::time_point read_deadline_;
  std::size_t head_left_;
  std::size_t body_left_;
  bool in_body_ = false;
  std::uint32_t recent_ = 0;  ///< the last four bytes read, to find "\r\n\r\n"
  std::chrono::milliseconds write_timeout_;
};

/// httplib::Server serving each connection through a deadline_stream; its
/// listening socket has SO_REUSEADDR only (httplib's default adds
/// SO_REUSEPORT, which would let a second agent, or another program of the
/// same user, share the port and take some of the page's requests).
class http_server final : public httplib::Server {
 public:
  explicit http_server(const serve_limits& limits);

 private:
  bool process_and_close_socket(socket_t sock) override;

  serve_limits limits_;
};

}  // namespace smtpcheck::serve
