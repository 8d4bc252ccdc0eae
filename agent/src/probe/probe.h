#pragma once
/// The probe engine: runs the live checks from this host (DNS, TCP per port,
/// banner, EHLO, STARTTLS, TLS, certificate, AUTH, MAIL FROM, RCPT TO, the TLS
/// version matrix, the implicit-TLS attempt) concurrently, every step with its
/// own deadline, and records what it saw as a probe_report. It records facts
/// only; core's diagnose() judges them. Nothing here ever sends DATA.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "smtpcheck/probe_report.h"
#include "smtpcheck/settings.h"

namespace smtpcheck::agent {

/// What to probe and how long each step may take.
struct probe_options {
  std::string host;              ///< the SMTP host name (or address) to resolve
  std::vector<int> ports;        ///< the ports to try, e.g. the profile's {25, 2525, 587}
  std::optional<int> user_port;  ///< the port the customer's settings use
  std::string security;          ///< "starttls" | "tls" | "none" | "" (the settings' mode)
  std::string username;          ///< AUTH user; empty: AUTH skipped
  std::string password;          ///< AUTH secret; never written anywhere
  std::string from;              ///< MAIL FROM address; empty: skipped
  std::string rcpt;              ///< RCPT TO address; empty: skipped
  std::string ehlo_name = "smtpcheck.invalid";  ///< the EHLO argument
  std::string ca_file;                          ///< PEM trust anchors; empty: the system store
  /// The provider profile's id: the core judges each live step under its
  /// facts (step_verdict.h). The settings' default unless set.
  std::string provider = settings{}.provider;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds reply_timeout{10000};
  std::chrono::milliseconds total_timeout{30000};
  /// The resolved-address guard: when set, a host that resolves to a
  /// loopback, private, link-local, unique-local or unspecified address
  /// (local_address.h) is not connected to at all; the DNS step records
  /// status "local_address". `smtpcheck serve` sets it for every host the
  /// user did not name with --allow-host (a page chose the host); the CLI's
  /// `probe` leaves it off, since there the customer typed the host.
  bool refuse_local_addresses = false;
};

/// One step finished (or started): for live progress on a terminal or a page.
struct probe_event {
  int port = 0;         ///< 0 for run-wide steps (dns)
  std::string family;   ///< "ipv4" | "ipv6" | "" for run-wide steps
  std::string step;     ///< "dns" | "tcp" | "banner" | "ehlo" | "starttls" | "tls" |
                        ///< "ehlo_after_tls" | "auth" | "mail_from" | "rcpt_to" |
                        ///< "tls_version" | "implicit_tls" | "done"
  std::string detail;   ///< e.g. the TLS version for "tls_version"
  std::string status;   ///< the step's status word, as in the report
  long elapsed_ms = 0;  ///< since the run started
  /// The core's judgement of the step (judge_step(), step_verdict.h):
  /// "ok" | "expected_refusal" | "problem". Shown as it is; never judged again.
  std::string verdict = "ok";
};

/// Called from probe threads, one call at a time (the engine serialises them).
using probe_listener = std::function<void(const probe_event&)>;

/// Why options cannot be probed (a value that must never reach the wire).
struct probe_option_error {
  std::string field;    ///< "ehlo_name" | "from" | "rcpt" | "host" | "ports" | …
  std::string message;  ///< a sentence for the user
};

/// Checks options before anything is sent: CR, LF or NUL in any value that
/// goes on the wire, lengths over RFC 5321 limits, ports out of range.
std::optional<probe_option_error> check_probe_options(const probe_options& options);

/// Runs every probe and returns the report. Never throws; a step that fails
/// is recorded as failed. Returns within options.total_timeout plus a little.
probe_report run_probe(const probe_options& options, const probe_listener& listener = {});

}  // namespace smtpcheck::agent
