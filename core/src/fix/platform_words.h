#pragma once
// A client platform's own option names in a fix: its setting templates
// (core/src/platforms.cpp, each with its source) filled with the provider's
// values, the verb that fits them, and the platform's name after them.

#include <string>
#include <string_view>

#include "fix/fix_target.h"

namespace smtpcheck::fix {

/// The From placeholder where the settings show a whole configuration.
inline constexpr std::string_view example_from = "you@your-domain.com";
/// The From placeholder where the address in use was refused: another, verified one.
inline constexpr std::string_view verified_from = "you@your-verified-domain.com";

/// A platform setting template with {host} = `host`, {port} = `port`,
/// {from} = `t.from`, {username} and {password} = the provider's
/// placeholders (provider_words.h), never a typed secret.
std::string fill(const fix_target& t, std::string_view pattern, std::string_view host, int port);

/// The platform's switch for the security the provider serves on `port`:
/// its implicit-TLS setting on a port served only with implicit TLS, else its
/// STARTTLS setting.
std::string security_setting(const fix_target& t, std::string_view host, int port);

/// A platform setting template filled as `fill` does, with the STARTTLS mode
/// a template names (MailKit's Connect(…, SecureSocketOptions.StartTls))
/// swapped for implicit TLS on a port served only with implicit TLS.
std::string fill_for_port(const fix_target& t, std::string_view pattern, std::string_view host,
                          int port);

/// "Set" for a setting, "Use" for a command-line flag, "Run" for a command.
std::string_view verb_for(std::string_view setting);

/// " (Nodemailer)", or "" without a platform.
std::string platform_suffix(const fix_target& t);

/// "`auth: { user: …, pass: … }` (Nodemailer)" with the provider's
/// placeholders; "" without a platform.
std::string credential_settings(const fix_target& t);

/// The platform's From setting holding `t.from`, e.g.
/// `from: "you@your-verified-domain.com"`; "" without one.
std::string from_setting(const fix_target& t);

/// The whole recommended configuration for the platform, one setting per
/// line, with the provider's host, port and credential placeholders.
std::string settings_block(const fix_target& t);

}  // namespace smtpcheck::fix
