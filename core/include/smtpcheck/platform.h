#pragma once
/// Client platform knowledge: what each mail library or program calls its
/// settings, what its TLS switch really means, and its TLS version defaults.

#include <span>
#include <string_view>

namespace smtpcheck {

/// One client platform (a library, framework or program that sends mail).
/// Setting templates may contain {host}, {port}, {from}.
struct client_platform {
  std::string_view id = {};          ///< "nodemailer"
  std::string_view name = {};        ///< "Nodemailer"
  std::string_view version_of = {};  ///< what `platform.version` is the version of, e.g. "Node.js"
  std::string_view host_setting = {};          ///< e.g. "host: \"{host}\""
  std::string_view port_setting = {};          ///< e.g. "port: {port}"
  std::string_view starttls_setting = {};      ///< how to ask for STARTTLS
  std::string_view implicit_tls_setting = {};  ///< what asks for implicit TLS (the usual mistake)
  std::string_view username_setting = {};
  std::string_view password_setting = {};
  std::string_view from_setting = {};
  /// What the platform's TLS switch really does, in one sentence.
  std::string_view tls_switch_meaning = {};
  /// False when the platform cannot speak implicit TLS at all (.NET SmtpClient).
  bool supports_implicit_tls = true;
  /// Versions of `version_of` below this default to TLS 1.0/1.1 ("" = none known).
  std::string_view tls12_default_since = {};
  /// The exact change that enables TLS 1.2 on those older versions.
  std::string_view tls12_fix = {};
  /// A short note on where the settings live (file, class, env vars).
  std::string_view where = {};
  /// Why the platform is no longer recommended ("" when it still is).
  std::string_view obsolete_note = {};
  /// How to refresh the certificate authorities it trusts, as a clause
  /// ("update the JDK (…)"); "" when it uses the machine's own.
  std::string_view trust_store_update = {};
  /// How to make it connect over IPv4 when IPv6 has no route ("" = the machine's setting).
  std::string_view prefer_ipv4_fix = {};
  /// How to let it log in with a mechanism the server offers ("" = the general advice).
  std::string_view auth_mechanism_fix = {};
  /// What to install when it has no SASL mechanism at all ("no mechanism available").
  std::string_view sasl_plugins_fix = {};
};

/// Every known platform, in picker order.
std::span<const client_platform> client_platforms();

/// The platform with this id, or nullptr.
const client_platform* find_client_platform(std::string_view id);

/// The name without its parenthetical, for use inside parentheses:
/// "WordPress (WP Mail SMTP)" → "WordPress".
std::string_view short_name(const client_platform& p);

}  // namespace smtpcheck
