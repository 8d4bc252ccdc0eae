#pragma once
// The provider facts the command-line help and usage messages name, filled in
// from the core's profiles, so no help text spells a host, a port or a
// provider: adding or changing a profile changes the help with it.

#include <string>
#include <string_view>

namespace smtpcheck::cli {

/// `text` with each fact placeholder replaced, from the default provider
/// (provider.h's default_provider()) unless said otherwise:
///   {host}           its primary SMTP host ("smtp.example.com")
///   {port}           its recommended port
///   {ports}          its alternative and recommended ports, "A,B" (a --ports example)
///   {implicit_port}  the standard implicit-TLS port (RFC 8314), a common wrong choice
///   {default}        its id
///   {providers}      every provider id, in catalog order, separated by ", "
/// Unknown braces are left as they are.
std::string with_provider_facts(std::string_view text);

}  // namespace smtpcheck::cli
