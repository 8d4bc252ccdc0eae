#pragma once
// The SMTP ports the standards name, for the sentences and checks that speak
// of them whichever the provider is; a provider's own ports are in its profile.

namespace smtpcheck::smtp {

/// Server-to-server SMTP (RFC 5321 §4.5.4.2 and IANA): the port ISPs and
/// clouds block outbound, and the one clients use when no port is set.
inline constexpr int relay_port = 25;

/// Message submission over STARTTLS (RFC 6409 §3.1, RFC 3207).
inline constexpr int submission_port = 587;

/// Message submission over implicit TLS, "submissions" (RFC 8314 §3.3).
inline constexpr int submissions_port = 465;

/// True for a port SMTP uses: one of the three above or a port any provider
/// profile serves (2525, 2587, 2465, …).
bool is_smtp_port(int port);

}  // namespace smtpcheck::smtp
