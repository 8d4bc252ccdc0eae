#pragma once
/// The scripted SMTP server the integration tests and the bench run the agent
/// against: a real listening socket on 127.0.0.1 (and optionally ::1), port 0
/// by default, one thread per connection, real OpenSSL with the build-time
/// test certificates. It follows a server_script and records what every
/// client sent, so a test can assert on the agent's side of the dialogue
/// (e.g. that it never sent DATA). Every member is safe to call from any thread.

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "smtp_server/server_script.h"

namespace smtpcheck::testing {

/// What one client connection did, as the server saw it.
struct connection_record {
  std::string address = {};  ///< the local address it reached: "127.0.0.1" or "::1"
  /// Every line the client sent, without CRLF, in order, exactly as received
  /// (AUTH arguments and SASL responses included: tests check them).
  std::vector<std::string> commands = {};
  std::string tls_version = {};  ///< "1.0" … "1.3" once a handshake succeeded; empty otherwise
  std::string tls_error = {};    ///< why the server's handshake failed; empty otherwise
  std::string server_name = {};  ///< the SNI host name the client sent, if any
  /// Plaintext bytes the client sent after STARTTLS before the handshake
  /// (RFC 3207 §4.2 forbids it; the server discards them).
  std::size_t bytes_discarded_at_starttls = 0;
  bool authenticated = false;  ///< AUTH succeeded
  bool data_received = false;  ///< the client sent DATA (the agent never must)
  bool closed = false;         ///< the server is done with this connection
};

/// Where the server listens and what it reads.
struct server_options {
  std::string cert_dir = default_cert_dir();  ///< holds <certificate>.pem/.key
  bool listen_ipv6 = false;  ///< also listen on [::1] (ipv6_port()); throws if it cannot
  int port = 0;              ///< the IPv4 port; 0 picks a free one
  /// Called with every line received ("C: …") and sent ("S: …"), prefixed by
  /// the connection number, from connection threads; empty: nothing logged.
  std::function<void(std::string_view)> log = {};

  /// The build's test certificate folder (SMTPCHECK_TEST_CERTS).
  static std::string default_cert_dir();
};

/// A running scripted SMTP server. Listening starts in the constructor, which
/// throws std::runtime_error when it cannot bind or load the certificate.
/// The destructor stops it and joins every thread.
class smtp_test_server {
 public:
  /// Starts listening, serving every connection with `script`.
  explicit smtp_test_server(server_script script, server_options options = {});
  ~smtp_test_server();
  smtp_test_server(const smtp_test_server&) = delete;
  smtp_test_server& operator=(const smtp_test_server&) = delete;

  /// The port on 127.0.0.1.
  int port() const;
  /// The port on [::1]; 0 unless options.listen_ipv6.
  int ipv6_port() const;
  /// The script every connection follows.
  const server_script& script() const;

  /// Stops listening, ends every connection and joins every thread; idempotent.
  void stop();

  /// A copy of every connection's record, in the order they were accepted.
  std::vector<connection_record> connections() const;
  /// How many connections were accepted.
  std::size_t connection_count() const;
  /// Every command of every connection, connection after connection.
  std::vector<std::string> commands() const;
  /// Whether any client sent DATA.
  bool data_received() const;
  /// Waits until at least `count` connections are closed; false on timeout.
  bool wait_for_closed(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

}  // namespace smtpcheck::testing
