#pragma once
// Fix sentences with the exact value to set, in the words of the customer's
// client platform when it is known ("Set `secure: false` …"), else plainly.

#include <string>
#include <string_view>

#include "fix_sentence.h"
#include "rules/rule.h"

namespace smtpcheck::rules {

/// The host name the platform settings should carry (the clean host when it
/// is one of the provider's, else the provider's primary host).
std::string_view target_host(const rule_context& ctx);

/// The port the platform settings should carry: the typed one when the
/// provider serves it and it is not often blocked, else the recommended one.
int target_port(const rule_context& ctx);

/// "Set the host to smtp.postmarkapp.com." (or the platform's setting), which
/// sets {host} (and {port} when the platform's setting names the port too).
fix_sentence fix_host(const rule_context& ctx, std::string_view host);

/// "Set the port to 587 and the security to STARTTLS." (or the platform's
/// settings), which sets {port, security}.
fix_sentence fix_port_starttls(const rule_context& ctx, int port);

/// "Set the security to STARTTLS and keep port 587." ("use port" when `port`
/// is not the typed one; or the platform's
/// setting, "instead of" its implicit-TLS switch when `replacing_implicit`),
/// which sets {security}, and {port} when the port field does not hold `port`.
fix_sentence fix_starttls(const rule_context& ctx, int port, bool replacing_implicit);

/// A fix sentence lower-cased at its start, to follow "For …, ".
std::string as_clause(std::string fix);
fix_sentence as_clause(fix_sentence fix);

/// The whole recommended configuration for the platform, one setting per line.
/// Username and password settings may hold {username} and {password}, filled
/// with a placeholder for the token (never a typed value).
std::string platform_settings_block(const rule_context& ctx);

}  // namespace smtpcheck::rules
