#pragma once
/// The SMTP settings a customer's application uses, as the customer typed them.
/// Values are kept verbatim (spaces, case and all): the rules judge them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// How the client protects the connection.
enum class security_mode {
  unspecified,  ///< not given
  starttls,     ///< plain connect, then STARTTLS (RFC 3207)
  tls,          ///< implicit TLS from the first byte (RFC 8314 "submissions")
  none,         ///< no TLS at all
};

/// The stable name of a mode ("starttls", "tls", "none"; "" for unspecified).
std::string_view to_string(security_mode m);

/// Parses "starttls" | "tls" | "none"; nullopt for anything else.
std::optional<security_mode> parse_security_mode(std::string_view text);

/// A security mode read from text as customers write it, and what to say
/// about the reading.
struct security_reading {
  security_mode mode = security_mode::unspecified;  ///< unspecified when the text names no mode
  /// security.synonym_read (info) when a synonym was read, security.invalid
  /// (error) when the text names no mode; none for a mode's own name.
  std::optional<finding> note;
};

/// Reads "starttls", "tls" and "none" in any case with spaces around, and
/// the names forms and libraries give them: "ssl", "SSL/TLS", "smtps",
/// "implicit" are implicit TLS (tls); "start_tls", "starttls_auto" … are
/// STARTTLS. The one security parser of the settings decoder and the CLI.
security_reading read_security_text(std::string_view text);

/// The client the customer's application uses, e.g. {"nodemailer", "6.9"}.
struct platform_ref {
  std::string id;
  std::string version;
};

/// A settings document. An absent field is std::nullopt (not checked); a
/// field present but empty is "" (checked, and reported as missing).
struct settings {
  std::optional<std::string> host;
  /// The port as typed ("587", "58 7", "abc"): a number arrives as its digits.
  std::optional<std::string> port;
  security_mode security = security_mode::unspecified;
  std::optional<std::string> username;
  std::optional<std::string> password;
  std::optional<std::string> from;
  std::vector<std::string> verified_senders;
  std::optional<platform_ref> platform;
  /// The provider profile's id: as the document named it, else the provider
  /// whose SMTP host `host` is (detect_provider), else "postmark".
  std::string provider = "postmark";
};

/// Sets `s.provider` to the provider whose SMTP host `s.host` is, when some
/// profile lists it; leaves it alone otherwise. Decoders call it when the
/// document names no provider.
void detect_provider(settings& s);

/// Limits applied while decoding any settings document.
inline constexpr std::size_t max_document_bytes = 64 * 1024;
inline constexpr std::size_t max_string_bytes = 1024;

}  // namespace smtpcheck
