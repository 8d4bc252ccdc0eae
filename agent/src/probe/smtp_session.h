#pragma once
// One probe connection to one (port, address): TCP, banner, EHLO, STARTTLS,
// TLS, EHLO again, AUTH, MAIL FROM, RCPT TO, then RSET and QUIT. An explicit
// step enum with one handler per step; every step has its own deadline.
// Never DATA: no mail is ever sent.
#include <functional>
#include <string>

#include "probe/auth_turn.h"
#include "probe/probe.h"
#include "probe/progress.h"
#include "probe/tls_client.h"
#include "smtpcheck/smtp_reply.h"

namespace smtpcheck::agent {

/// What one session needs from the run.
struct session_plan {
  int port = 0;
  resolved_address address;
  bool tcp_only = false;  ///< an implicit-TLS port: the TLS attempt speaks there
  SSL_CTX* tls_context = nullptr;
  auth_turn* auth = nullptr;  ///< who authenticates; nullptr: nobody
  /// Told the TCP result as soon as it is known (the TLS matrix waits for a
  /// reachable port); may be empty.
  std::function<void(const tcp_step&)> on_tcp;
};

/// Runs one session to its end and returns what it observed.
probe_connection run_session(const session_plan& plan, const probe_options& options,
                             deadline run_deadline, progress_sink& progress);

/// The reply text a report may hold: never more than a sentence's worth.
std::string short_reply_text(const smtp_reply& reply);

}  // namespace smtpcheck::agent
