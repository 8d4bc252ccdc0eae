#pragma once
// Which addresses a probe must not connect to unless the user named the
// host: the resolved-address guard. A provider's public SMTP host never
// resolves to this machine or its private network; when it does, a
// hijacked resolver or a hosts-file entry is the usual cause, and a page
// could otherwise steer the agent at the customer's own network.
#include <optional>
#include <string_view>

namespace smtpcheck::agent {

/// The kind of a numeric IPv4 or IPv6 address that is not public:
/// "loopback" (127/8, ::1), "private" (10/8, 172.16/12, 192.168/16,
/// 100.64/10 carrier-grade NAT), "link-local" (169.254/16, fe80::/10),
/// "unique-local" (fc00::/7), "unspecified" (0/8, ::); an IPv4-mapped IPv6
/// address (::ffff:a.b.c.d) is judged by its IPv4 address. nullopt for any
/// other address, and for text that is not a numeric address.
std::optional<std::string_view> local_address_kind(std::string_view address);

}  // namespace smtpcheck::agent
