#pragma once
// Fix sentences with the exact value to set, in the words of the client
// platform when it is known ("Set `secure: false, requireTLS: true` …"),
// else plainly, and the provider facts they depend on.

#include <string>
#include <string_view>

#include "explain/cause.h"

namespace smtpcheck::explaining {

/// True when the provider serves `port` with STARTTLS.
bool serves(const provider_profile& p, int port);

/// True when `port` is served but often blocked outbound (25).
bool often_blocked(const provider_profile& p, int port);

/// The port to recommend: the one in the text when it is served and not
/// often blocked, else the provider's recommended port.
int port_to_use(const cause_facts& f);

/// "587, 2525 and 25".
std::string served_ports(const provider_profile& p);

/// "Set `port: 587` and `secure: false, requireTLS: true` (Nodemailer)." or
/// "Set the port to 587 and the security to STARTTLS."
std::string fix_port_starttls(const cause_facts& f, int port);

/// "Set `secure: false, requireTLS: true` instead of `secure: true`, and keep
/// port 587 (Nodemailer)." or "Set the security to STARTTLS … and keep port 587."
std::string fix_starttls(const cause_facts& f, int port, bool replacing_implicit);

/// "Set `host: \"smtp.postmarkapp.com\"` (Nodemailer)." or "Set the host to …".
std::string fix_host(const cause_facts& f);

/// "Set `auth: { user: …, pass: … }` (Nodemailer) …" with the token name as placeholder.
std::string credential_settings(const cause_facts& f);

/// The platform's From setting with a placeholder address, e.g.
/// `from: "you@your-verified-domain.com"`; "" without a platform.
std::string from_setting(const cause_facts& f);

/// " (Nodemailer)" or "".
std::string platform_suffix(const cause_facts& f);

/// A sentence lower-cased at its start, to follow a comma.
std::string as_clause(std::string sentence);

/// `detail`, then the client's note when there is one.
std::string with_note(std::string detail, const cause_facts& f);

}  // namespace smtpcheck::explaining
