#pragma once
// Addresses an error message names: whether it is an IPv6 address or this
// machine itself, and which host names appear (for "did you mean").

#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::explaining {

/// True when the line names an IPv6 address ("2001:db8::1", "[2001:db8::1]:587").
bool names_ipv6_address(std::string_view line);

/// True when the line names this machine: 127.0.0.1, localhost or ::1.
bool names_loopback(std::string_view line);

/// The dotted host names in the line, lower-cased, in order ("smtp.postmarkap.com").
/// Source files ("index.js"), versions and IPv4 addresses are left out.
std::vector<std::string> host_names(std::string_view line);

/// The first email address in the line ("billing@acme.com"), or "".
std::string email_address(std::string_view line);

}  // namespace smtpcheck::explaining
