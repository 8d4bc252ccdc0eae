// Port and security rules: a port the provider serves, spoken the way it
// serves it (STARTTLS, RFC 3207), never in clear.
#include <algorithm>
#include <array>

#include "finding_id.h"
#include "fix/platform_words.h"
#include "fix/settings_fix.h"
#include "rules/rule.h"
#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

std::string port_list(const provider_profile& p) {
  std::string out;
  for (std::size_t i = 0; i < p.starttls_ports.size(); ++i) {
    if (i) out += i + 1 == p.starttls_ports.size() ? " and " : ", ";
    out += std::to_string(p.starttls_ports[i]);
  }
  return out;
}

void port_is_served(const rule_context& ctx, std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  const int recommended = p.recommended_port;
  const std::string_view typed = ctx.input.port ? text::trim(*ctx.input.port) : std::string_view{};
  if (!ctx.input.port && !ctx.port) return;  // absent: not checked (settings.h)
  if (typed.empty() && !ctx.port) {
    out.push_back(make_finding(
        catalog_rows::port_missing, "port",
        "With no port set, most clients use " + std::to_string(smtp::relay_port) +
            ", which many networks block. " + std::string(p.name) + " serves " + port_list(p) + ".",
        fix::port_and_security(fix_target_of(ctx), recommended)));
    return;
  }
  if (!ctx.port) {
    out.push_back(make_finding(
        catalog_rows::port_invalid, "port",
        "A port is a whole number from 1 to 65535; \"" + std::string(typed) + "\" is not one.",
        fix::port_and_security(fix_target_of(ctx), recommended), std::string(typed)));
    return;
  }
  const int port = *ctx.port;
  if (port == smtp::submissions_port && !serves_implicit_tls(p, port)) {
    out.push_back(make_finding(catalog_rows::port_465_unsupported, "port",
                               std::string(p.name) + " does not serve implicit TLS on port " +
                                   std::to_string(port) +
                                   ", so connections to it "
                                   "fail (usually as a timeout). It serves STARTTLS on " +
                                   port_list(p) +
                                   ": same encryption, started after the "
                                   "greeting.",
                               fix::port_and_security(fix_target_of(ctx), recommended)));
    return;
  }
  if (serves_implicit_tls(p, port)) {
    out.push_back(make_finding(catalog_rows::port_ok, "port",
                               "Port " + std::to_string(port) + " is served with implicit TLS.",
                               ""));
    return;
  }
  if (!serves_starttls(p, port)) {
    out.push_back(make_finding(catalog_rows::port_unsupported, "port",
                               std::string(p.name) + " does not serve port " +
                                   std::to_string(port) + "; it serves " + port_list(p) + ".",
                               fix::port_and_security(fix_target_of(ctx), recommended)));
    return;
  }
  if (often_blocked(p, port)) {
    out.push_back(make_finding(
        catalog_rows::port_25_may_be_blocked, "port",
        "Port " + std::to_string(port) +
            " is served, but ISPs and clouds (AWS EC2, DigitalOcean, "
            "Google Cloud) often block it outbound, which shows up as a connection timeout.",
        "Use port " + std::to_string(recommended) + " (or " + std::to_string(p.alternative_port) +
            ") with STARTTLS: " +
            fix::as_clause(fix::port_and_security(fix_target_of(ctx), recommended))));
    return;
  }
  out.push_back(make_finding(catalog_rows::port_ok, "port",
                             "Port " + std::to_string(port) + " is served with STARTTLS.", ""));
}

void security_matches_port(const rule_context& ctx, std::vector<finding>& out) {
  const provider_profile& p = ctx.provider;
  const security_mode mode = ctx.input.security;
  if (mode == security_mode::none) {
    out.push_back(make_finding(
        catalog_rows::security_plaintext, "security",
        "Without TLS your " + std::string(p.server_token_name) +
            " and every message cross the network readable by anyone on the path.",
        ctx.port && serves_starttls(p, *ctx.port)
            ? fix::starttls(fix_target_of(ctx), fix::port_to_use(fix_target_of(ctx)), false)
            : fix::port_and_security(fix_target_of(ctx), p.recommended_port)));
    return;
  }
  if (ctx.port && serves_implicit_tls(p, *ctx.port)) {
    const std::string port = std::to_string(*ctx.port);
    if (mode == security_mode::tls) {
      out.push_back(make_finding(
          catalog_rows::security_implicit_tls_ok, "security",
          "Implicit TLS on port " + port + " is what " + std::string(p.name) + " serves.", ""));
    } else if (mode == security_mode::starttls) {
      out.push_back(make_finding(
          catalog_rows::security_starttls_on_implicit_tls_port, "security",
          "Port " + port +
              " speaks TLS from the first byte (implicit TLS). A client set to "
              "STARTTLS waits for a plain-text greeting that never comes, and times out.",
          fix_sentence{"Set the security to implicit TLS (often labelled \"SSL/TLS\") on port " +
                           port + ", or use port " + std::to_string(p.recommended_port) +
                           (serves_starttls(p, p.recommended_port) ? " with STARTTLS." : "."),
                       {{"security", "tls"}}}));
    }
    return;
  }
  if (!ctx.port || !serves_starttls(p, *ctx.port)) return;  // the port rule says what to do
  const int port = *ctx.port;
  switch (mode) {
    case security_mode::tls:
      // A client with no implicit TLS at all (.NET SmtpClient) can only have
      // meant its TLS switch, which is STARTTLS: the platform rule says so.
      if (ctx.platform && !ctx.platform->supports_implicit_tls) return;
      out.push_back(make_finding(
          catalog_rows::security_implicit_tls_on_starttls_port, "security",
          "Port " + std::to_string(port) +
              " starts in plain text and upgrades with STARTTLS. A "
              "client set to implicit TLS (\"SSL\", \"SMTPS\", \"secure\") sends a TLS handshake "
              "first, reads the server's plain \"220\" greeting as TLS, and fails with \"wrong "
              "version number\".",
          fix::starttls(fix_target_of(ctx), fix::port_to_use(fix_target_of(ctx)), true)));
      return;
    case security_mode::unspecified:
      out.push_back(make_finding(
          catalog_rows::security_unspecified, "security",
          "No usable security mode was given. On port " + std::to_string(port) +
              " your client must use STARTTLS, "
              "and should require it rather than fall back to plain text.",
          fix::starttls(fix_target_of(ctx), fix::port_to_use(fix_target_of(ctx)), false)));
      return;
    case security_mode::starttls:
      out.push_back(make_finding(catalog_rows::security_ok, "security",
                                 "STARTTLS on port " + std::to_string(port) + " is what " +
                                     std::string(p.name) + " serves.",
                                 ""));
      return;
    case security_mode::none: return;
  }
}

constexpr std::array table{
    rule{"port is served", port_is_served},
    rule{"security matches port", security_matches_port},
};

}  // namespace

std::span<const rule> port_security_rules() {
  return table;
}

}  // namespace smtpcheck::rules
