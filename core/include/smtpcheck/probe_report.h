#pragma once
/// The probe report (`smtpcheck/report/v1`): what the agent observed from the
/// customer's host, step by step, and nothing else. The agent records facts;
/// diagnose() (diagnose.h) judges them. A step left as std::nullopt was not
/// attempted. Statuses are the lowercase words listed beside each field; the
/// decoder (json.h) rejects any other word. Durations are milliseconds.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace smtpcheck {

/// The program that ran the probes.
struct agent_info {
  std::string version;  ///< the agent's version, e.g. "0.1.0"
  std::string os;       ///< e.g. "linux x86_64"
  std::string openssl;  ///< the TLS library, e.g. "OpenSSL 3.0.13 30 Jan 2024"
  /// Where the certificates were checked against, e.g.
  /// "/etc/ssl/certs/ca-certificates.crt (system)", "the Windows certificate
  /// store (ROOT) (system)", "ca.pem (--ca-file)"; empty in older reports.
  std::string trust;
};

/// What was probed, as the agent was asked.
struct probe_target {
  std::string host;              ///< the host name resolved, e.g. "smtp.postmarkapp.com"
  std::vector<int> ports;        ///< every port attempted
  std::optional<int> user_port;  ///< the port the customer's settings use, if given
  std::string security;          ///< the settings' mode: "starttls" | "tls" | "none" | ""
};

/// One address the host name resolved to.
struct resolved_address {
  std::string address;  ///< "104.245.209.212" or "2606:…"
  std::string family;   ///< "ipv4" | "ipv6"
};

/// The DNS lookup of the target host (A and AAAA).
struct dns_step {
  std::string status;                       ///< "ok" | "nxdomain" | "no_data" | "timeout" | "error"
  long duration_ms = 0;                     ///< how long the step took
  std::vector<resolved_address> addresses;  ///< every A and AAAA answer
  std::string error;                        ///< the resolver's message when status is not "ok"
};

/// The TCP connect.
struct tcp_step {
  std::string status;               ///< "ok" | "timeout" | "refused" | "unreachable" | "error"
  long duration_ms = 0;             ///< how long the step took
  std::optional<int> error_number;  ///< errno (JSON "errno"), e.g. 111 for ECONNREFUSED
  std::string error;                ///< strerror text
};

/// The server's greeting (RFC 5321 §4.3.1).
struct banner_step {
  std::string status;              ///< "ok" | "timeout" | "closed" | "garbage" | "rejected"
  std::optional<int> code;         ///< 220, or 554 when rejected
  std::vector<std::string> lines;  ///< the greeting's text lines, code included
  long duration_ms = 0;            ///< how long the step took
};

/// EHLO and the extensions it announced (RFC 5321 §4.1.1.1).
struct ehlo_step {
  /// "ok" | "timeout" | "closed" | "rejected" | "garbage" (not an SMTP reply:
  /// no reply code, a line over 1000 bytes, or more than 100 lines)
  std::string status;
  std::optional<int> code;            ///< the SMTP reply code
  std::vector<std::string> keywords;  ///< "STARTTLS", "AUTH PLAIN LOGIN", "SIZE 10485760", …
  long duration_ms = 0;               ///< how long the step took
};

/// The STARTTLS command (RFC 3207).
struct starttls_step {
  /// "ok" | "not_offered" | "refused" | "injected_data" (bytes arrived after
  /// the 220 before the handshake: RFC 3207 §4.2 injection) | "timeout" | "error"
  std::string status;
  std::optional<int> code;  ///< the SMTP reply code
  long duration_ms = 0;     ///< how long the step took
};

/// The server certificate as presented, and how the agent's verification judged it.
struct certificate_info {
  std::string subject;                 ///< one-line RFC 2253 form, e.g. "CN=smtp.postmarkapp.com"
  std::vector<std::string> sans;       ///< DNS subjectAltNames
  std::string issuer;                  ///< one-line RFC 2253 form
  std::string not_before;              ///< RFC 3339
  std::string not_after;               ///< RFC 3339
  std::optional<int> verify_code;      ///< OpenSSL X509_V_* code; 0 = verified
  std::string verify_result;           ///< its text, e.g. "certificate has expired"
  std::optional<bool> hostname_match;  ///< SNI host name against the SANs
};

/// The TLS handshake (with SNI and host name verification).
struct tls_step {
  std::string status;    ///< "ok" | "failed" | "timeout"
  std::string version;   ///< "1.2" | "1.3" | … when negotiated
  std::string cipher;    ///< e.g. "TLS_AES_256_GCM_SHA384"
  std::string alert;     ///< the TLS alert received or sent, e.g. "protocol version"
  std::string error;     ///< the TLS library's message
  long duration_ms = 0;  ///< how long the step took
  std::optional<certificate_info> certificate;  ///< the leaf certificate, when one arrived
};

/// AUTH (RFC 4954). The agent authenticates only over verified TLS.
struct auth_step {
  /// "ok" | "failed" | "not_offered" | "skipped" (no credentials given) |
  /// "refused_insecure" (not attempted: TLS was not verified)
  std::string status;
  std::string mechanism;    ///< "PLAIN", "LOGIN", "CRAM-MD5"
  std::optional<int> code;  ///< the SMTP reply code
  std::string text;         ///< the server's reply text, e.g. "5.7.8 Authentication failed"
  long duration_ms = 0;     ///< how long the step took
};

/// MAIL FROM or RCPT TO (RFC 5321 §4.1.1.2–3). Nothing is ever sent.
struct envelope_step {
  std::string status;       ///< "ok" | "rejected" | "skipped"
  std::optional<int> code;  ///< the SMTP reply code
  std::string text;         ///< the server's reply text
  long duration_ms = 0;     ///< how long the step took
};

/// One line of a connection's transcript, already redacted by the agent.
struct transcript_line {
  long t_ms = 0;     ///< since the connection started
  std::string dir;   ///< "S" (server) | "C" (client)
  std::string line;  ///< the line as sent or received, secrets redacted
};

/// One attempt on one (port, address family), its steps in order.
struct probe_connection {
  int port = 0;                             ///< the port tried
  std::string address;                      ///< the address connected to
  std::string family;                       ///< "ipv4" | "ipv6"
  std::optional<tcp_step> tcp;              ///< absent (like every step): not attempted
  std::optional<banner_step> banner;        ///< the greeting
  std::optional<ehlo_step> ehlo;            ///< EHLO before TLS
  std::optional<starttls_step> starttls;    ///< the STARTTLS command
  std::optional<tls_step> tls;              ///< the handshake after STARTTLS
  std::optional<ehlo_step> ehlo_after_tls;  ///< EHLO again over TLS (RFC 3207 §4.2)
  std::optional<auth_step> auth;            ///< AUTH over verified TLS
  std::optional<envelope_step> mail_from;   ///< MAIL FROM with the settings' From
  std::optional<envelope_step> rcpt_to;     ///< RCPT TO, only when a recipient was given
  std::vector<transcript_line> transcript;  ///< the dialogue, secrets redacted
};

/// One TLS version offered alone in a handshake.
struct tls_version_result {
  std::string version;  ///< "1.0" | "1.1" | "1.2" | "1.3"
  std::string status;   ///< "accepted" | "refused" | "error" (the agent could not offer it)
  std::string error;    ///< what went wrong, when it did
};

/// The TLS version matrix, run on one reachable port.
struct tls_version_matrix {
  int port = 0;                             ///< the port tried
  std::vector<tls_version_result> results;  ///< one per version tried
};

/// A TLS handshake from the first byte (RFC 8314 implicit TLS).
struct implicit_tls_attempt {
  int port = 0;  ///< the port tried
  /// "ok" | "wrong_version" (a plain SMTP greeting read as TLS) | "timeout" | "refused" | "error"
  std::string status;
  std::string error;     ///< what went wrong, when it did
  long duration_ms = 0;  ///< how long the step took
};

/// A whole probe report.
struct probe_report {
  agent_info agent;                                  ///< the program that ran the probes
  std::string started_at;                            ///< RFC 3339, UTC, e.g. "2026-11-22T15:40:00Z"
  long duration_ms = 0;                              ///< how long the step took
  probe_target target;                               ///< what was probed
  std::optional<dns_step> dns;                       ///< the lookup of target.host
  std::vector<probe_connection> connections;         ///< one per (port, address family) attempted
  std::optional<tls_version_matrix> tls_versions;    ///< the TLS version matrix
  std::optional<implicit_tls_attempt> implicit_tls;  ///< the implicit-TLS attempt
};

/// The most a report document may weigh: transcripts make reports larger
/// than settings, but never this large.
inline constexpr std::size_t max_report_bytes = 1024 * 1024;

}  // namespace smtpcheck
