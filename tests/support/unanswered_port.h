#pragma once
/// A port on 127.0.0.1 where a TCP connect times out instead of being refused
/// or accepted: what a firewall that drops packets (port 25 blocked by an ISP
/// or a cloud) looks like to a client, made without a firewall.
///
/// How: a socket listens with a backlog of 0 and never accepts; one
/// connection fills its accept queue. From then on Linux drops every SYN to
/// the port (tcp_conn_request: "accept queue full" → drop, whatever
/// net.ipv4.tcp_syncookies says), so a client's connect() sees no answer and
/// retransmits SYNs until its own deadline. No root, no namespace, no firewall
/// rule. The constructor proves the port drops SYNs before returning.

namespace smtpcheck::testing {

/// Holds the silent port open; the port answers again once this is destroyed.
class unanswered_port {
 public:
  /// Listens, fills the accept queue, and checks that a further connect gets
  /// no answer. Throws std::runtime_error if this kernel answers anyway.
  unanswered_port();
  ~unanswered_port();
  unanswered_port(const unanswered_port&) = delete;
  unanswered_port& operator=(const unanswered_port&) = delete;

  /// The port on 127.0.0.1.
  int port() const { return port_; }

 private:
  int listener_ = -1;
  int filler_ = -1;  // the one connection sitting in the accept queue
  int port_ = 0;
};

}  // namespace smtpcheck::testing
