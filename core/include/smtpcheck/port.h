#pragma once
/// A TCP port as people type it: the one port parser, used by validate(),
/// the agent's command line and `smtpcheck serve` (its settings check and
/// target guard), so a typed value is the same port, or no port, everywhere.

#include <optional>
#include <string_view>
#include <vector>

#include "smtpcheck/settings.h"

namespace smtpcheck {

/// The port `text` names: ASCII spaces, tabs and line breaks around it are
/// ignored (a pasted " 587" is port 587), then decimal digits only (no sign,
/// no other character), a value from 1 to 65535. nullopt otherwise.
std::optional<int> parse_port(std::string_view text);

/// Ports separated by commas ("2525,587", "2525, 587"), each read by
/// parse_port(); nullopt when any of them is not a port (or the list is empty).
std::optional<std::vector<int>> parse_port_list(std::string_view text);

/// parse_port() of the settings' port field; nullopt when it is absent.
std::optional<int> settings_port(const settings& s);

}  // namespace smtpcheck

namespace smtpcheck::smtp {

// The SMTP ports the standards name, for the code that speaks of them
// whichever the provider is (the agent's probe and target guard, explain's
// sentences); a provider's own ports are in its profile (provider.h).

/// Server-to-server SMTP (RFC 5321 §4.5.4.2 and IANA): the port ISPs and
/// clouds block outbound, and the one clients use when no port is set.
inline constexpr int relay_port = 25;

/// Message submission over STARTTLS (RFC 6409 §3.1, RFC 3207).
inline constexpr int submission_port = 587;

/// Message submission over implicit TLS, "submissions" (RFC 8314 §3.3).
inline constexpr int submissions_port = 465;

}  // namespace smtpcheck::smtp
