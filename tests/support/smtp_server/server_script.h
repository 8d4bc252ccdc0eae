#pragma once
/// What the scripted test SMTP server says and does on every connection: its
/// greeting, its EHLO keywords, its TLS (versions, which test certificate),
/// which credentials and senders it accepts, and one fault to simulate. The
/// defaults behave like a well-configured submission server (RFC 6409) that
/// offers STARTTLS (RFC 3207) and AUTH PLAIN/LOGIN (RFC 4954) only over TLS.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::testing {

/// A TLS protocol version the server may be limited to.
enum class tls_version { v1_0, v1_1, v1_2, v1_3 };

/// Which build-time certificate (`<name>.pem` / `<name>.key` in the cert
/// folder) the server presents.
enum class test_certificate {
  good,          ///< issued by ca.pem for localhost, 127.0.0.1 and ::1
  wrong_host,    ///< issued by ca.pem for mail.wrong-host.test only
  expired,       ///< issued by ca.pem for localhost, notAfter in the past
  self_signed,   ///< localhost, signed by its own key
  unknown_ca,    ///< localhost, issued by other_ca.pem (not in ca.pem)
  interception,  ///< localhost, issued by interception_ca.pem ("Kaspersky … (test)")
};

/// One way the server misbehaves, as real servers and middleboxes do.
enum class server_fault {
  none,
  no_banner,                ///< accepts, then never says anything
  garbage_banner,           ///< binary junk instead of a 220 greeting
  reject_421,               ///< "421 …" at connect, then closes (RFC 5321 §3.8)
  close_during_handshake,   ///< STARTTLS gets 220, then the socket closes with no handshake
  inject_after_starttls,    ///< "220 …\r\n250 injected\r\n" in one write (RFC 3207 §4.2)
  starttls_not_advertised,  ///< EHLO omits STARTTLS; the command gets 502
  refuse_starttls,          ///< STARTTLS advertised, the command gets 454 (RFC 3207 §4)
  endless_multiline,        ///< EHLO gets "250-" lines at a steady pace, never a last line
  huge_line,                ///< EHLO gets huge_line_bytes with no CRLF
};

/// The whole behaviour of the server, the same for every connection.
struct server_script {
  /// The greeting, one entry per line exactly as sent (code included), e.g.
  /// {"220-first", "220 last"}. A greeting that is not 220 (e.g. 554) makes
  /// the server answer 503 to everything but QUIT (RFC 5321 §3.1).
  std::vector<std::string> banner = {"220 localhost ESMTP smtpcheck-test"};
  /// The domain in the first line of the EHLO reply.
  std::string hostname = "localhost";
  /// The EHLO keywords exactly as sent, replacing the derived ones; unset:
  /// SIZE 10485760, 8BITMIME, PIPELINING, STARTTLS (when offered and not in
  /// TLS yet), AUTH <mechanisms> (in TLS, or before it when
  /// advertise_auth_before_tls).
  std::optional<std::vector<std::string>> ehlo_keywords;

  bool starttls = true;       ///< offer STARTTLS (RFC 3207)
  bool implicit_tls = false;  ///< TLS from the first byte, like port 465 (RFC 8314 §3.3)
  /// The lowest version; 1.0/1.1 lower OpenSSL's security level to 0.
  tls_version tls_min = tls_version::v1_2;
  /// The highest version; below tls_min it lowers the minimum to itself.
  tls_version tls_max = tls_version::v1_3;
  test_certificate certificate = test_certificate::good;

  /// The SASL mechanisms offered, of "PLAIN" and "LOGIN"; empty: no AUTH.
  std::vector<std::string> auth_mechanisms = {"PLAIN", "LOGIN"};
  bool advertise_auth_before_tls = false;  ///< list AUTH in the EHLO before STARTTLS
  bool require_tls_for_auth = true;        ///< AUTH in clear gets 530 5.7.0
  bool require_auth_for_mail = false;      ///< MAIL before AUTH gets 530 5.7.0
  /// The one accepted credential (obviously fake: an all-zero UUID, the shape
  /// of a Postmark server token, used as both username and password).
  std::string username = "00000000-0000-4000-8000-000000000000";
  std::string password = "00000000-0000-4000-8000-000000000000";

  /// Senders MAIL FROM accepts, case-insensitively: an address, or a domain
  /// written "@example.test" or "example.test".
  std::vector<std::string> verified_senders = {"example.test"};
  /// The reply to any other sender.
  std::string sender_rejection = "550 5.7.1 Sender signature not verified";

  server_fault fault = server_fault::none;
  std::chrono::milliseconds banner_delay{0};  ///< wait before the greeting (a slow banner)
  std::chrono::milliseconds reply_delay{0};   ///< wait before every reply to a command
  std::chrono::milliseconds endless_line_interval{50};  ///< pace of endless_multiline
  std::size_t huge_line_bytes = 10 * 1024 * 1024;       ///< size of huge_line
};

/// "1.0" | "1.1" | "1.2" | "1.3".
std::string_view to_string(tls_version version);
/// "good" | "wrong_host" | "expired" | "self_signed" | "unknown_ca" | "interception".
std::string_view to_string(test_certificate certificate);
/// The enumerator's name, e.g. "inject_after_starttls".
std::string_view to_string(server_fault fault);

/// The version named "1.0" … "1.3", if it is one.
std::optional<tls_version> parse_tls_version(std::string_view name);
/// The certificate named as to_string() names it, if it is one.
std::optional<test_certificate> parse_test_certificate(std::string_view name);
/// The fault named as to_string() names it, if it is one.
std::optional<server_fault> parse_server_fault(std::string_view name);

/// A script from its JSON form (keys named as the fields, durations as
/// "<field>_ms", enums by name; an absent key keeps its default, an unknown
/// key is an error). Returns nullopt and sets `error` on bad input.
std::optional<server_script> parse_server_script(std::string_view json, std::string& error);

}  // namespace smtpcheck::testing
