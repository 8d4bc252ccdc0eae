#pragma once
// One accepted connection's bytes, in clear or over TLS, read a line at a time.

#include <openssl/ssl.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace smtpcheck::testing {

/// What read_line() found.
enum class read_status { line, too_long, closed };

/// A blocking socket, plain until start_tls() and TLS after it. The caller
/// owns the socket and closes it after the stream is gone.
class connection_stream {
 public:
  explicit connection_stream(int fd) : fd_(fd) {}
  ~connection_stream();
  connection_stream(const connection_stream&) = delete;
  connection_stream& operator=(const connection_stream&) = delete;

  /// Sends every byte in one write call (so a test can put two replies in one
  /// TCP segment); false once the peer is gone.
  bool write_all(std::string_view bytes);

  /// The next line without its CRLF (a bare LF also ends a line). Lines over
  /// `max_bytes` are read to their end and reported as too_long.
  read_status read_line(std::string& line, std::size_t max_bytes);

  /// Drops what was read but not yet consumed and returns how many bytes that
  /// was: after STARTTLS, plaintext that arrived before the handshake must
  /// never be treated as part of the TLS session (RFC 3207 §4.2 and 6).
  std::size_t discard_buffered();

  /// Runs the server side of a TLS handshake on the socket.
  /// On failure returns false and describes the failure in `error`.
  bool start_tls(SSL_CTX* context, std::string& error);

  /// Whether the stream is in TLS.
  bool in_tls() const { return ssl_ != nullptr; }
  /// The negotiated version, "1.0" … "1.3"; empty in clear.
  std::string tls_version() const;
  /// The SNI host name the client sent; empty if none.
  std::string server_name() const;

  /// Sends a TLS close_notify when in TLS (the socket closes with the stream).
  void close_tls();

 private:
  long read_some(char* buffer, std::size_t size);

  int fd_;
  SSL* ssl_ = nullptr;
  std::string buffered_;
};

}  // namespace smtpcheck::testing
