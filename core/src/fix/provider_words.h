#pragma once
// A provider's own words in a fix: its login, the placeholders for its
// secrets, its ports and TLS versions. Everything comes from the profile
// (core/src/providers/), so a fix never speaks another provider's words.

#include <string>
#include <string_view>

#include "smtpcheck/provider.h"

namespace smtpcheck::fix {

/// The login in words: "the Server API Token as both username and password",
/// "`apikey` as the username and your API key as the password", …
std::string login_words(const provider_profile& p);

/// The credentials the server checked, as the subject of "work(s)": "the
/// Server API Token works", "the API key works" (a fixed username is no
/// credential), "the SMTP login and its SMTP password work".
std::string credentials_work(const provider_profile& p);

/// What goes into a username setting: the fixed username (`apikey`), or a
/// placeholder ("<your Server API Token>", "<your SMTP login>", "<your SMTP
/// access key>" when `typed_username` starts with the provider's access-key
/// prefix). Never a typed value.
std::string username_placeholder(const provider_profile& p, std::string_view typed_username);

/// What goes into a password setting: "<your API key>", "<your SMTP secret
/// key>" beside an access key, …
std::string password_placeholder(const provider_profile& p, std::string_view typed_username);

/// The STARTTLS ports, the recommended one first: "587, 2525 and 25".
std::string served_ports(const provider_profile& p);

/// The TLS versions from the provider's minimum up: "TLS 1.2 and 1.3".
std::string accepted_tls_versions(const provider_profile& p);

}  // namespace smtpcheck::fix
