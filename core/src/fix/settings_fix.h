#pragma once
// The one fix writer for settings: the sentence that sets the host, the port
// or the security, in the client platform's own option names when it is known
// ("Set `secure: false, requireTLS: true` … (Nodemailer).") and plainly
// otherwise, with the provider's values. Rules, explain and diagnose all word
// these fixes here; explain reads the sentence alone (`.text`).

#include <string>
#include <string_view>

#include "fix/fix_sentence.h"
#include "fix/fix_target.h"

namespace smtpcheck::fix {

/// "Set the host to smtp.postmarkapp.com." (or the platform's setting), which
/// sets {host} (and {port} when the platform's setting names the port too).
fix_sentence host(const fix_target& t, std::string_view host);

/// "Set the port to 587 and the security to STARTTLS." (or the platform's
/// settings), which sets {port, security}: the security the provider serves
/// on `port` (implicit TLS on a port it serves only that way). A platform
/// that cannot speak implicit TLS is sent to a STARTTLS port instead.
fix_sentence port_and_security(const fix_target& t, int port);

/// "Set the security to STARTTLS and keep port 587." ("use port" when `port`
/// is not `t.port`), or the platform's setting, "instead of" its implicit-TLS
/// switch when `replacing_implicit`. Sets {security}, and {port} when the
/// port field does not hold `port`.
fix_sentence starttls(const fix_target& t, int port, bool replacing_implicit);

/// A fix lower-cased at its start, to follow "For …, " or a colon.
std::string as_clause(std::string fix);
fix_sentence as_clause(fix_sentence fix);

}  // namespace smtpcheck::fix
