// Client platform rules: what the customer's own client gets wrong, said in
// that client's words.
#include <array>
#include <vector>

#include "finding_id.h"
#include "fix/platform_words.h"
#include "fix/settings_fix.h"
#include "rules/rule.h"
#include "smtp/ports.h"
#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

constexpr std::string_view field = "platform";

// "4.7.2" → {4, 7, 2}, "1.8.0_292" → {1, 8, 0, 292}; empty when it is not
// dotted numbers.
std::vector<long> parse_version(std::string_view v) {
  std::vector<long> parts;
  v = text::trim(v);
  if (!v.empty() && (v.front() == 'v' || v.front() == 'V')) v.remove_prefix(1);
  while (!v.empty()) {
    const std::size_t dot = v.find_first_of("._");
    const long n = text::parse_decimal(v.substr(0, dot), 0, 99999);
    if (n < 0) return {};
    parts.push_back(n);
    if (dot == std::string_view::npos) break;
    v.remove_prefix(dot + 1);
    if (v.empty()) return {};
  }
  return parts;
}

bool version_below(const std::vector<long>& v, const std::vector<long>& bound) {
  for (std::size_t i = 0; i < bound.size(); ++i) {
    const long part = i < v.size() ? v[i] : 0;
    if (part != bound[i]) return part < bound[i];
  }
  return false;
}

std::string known_ids() {
  std::string out;
  for (const client_platform& p : client_platforms()) {
    if (!out.empty()) out += ", ";
    out += p.id;
  }
  return out;
}

void platform_is_known(const rule_context& ctx, std::vector<finding>& out) {
  const auto& ref = ctx.input.platform;
  if (!ref || ref->id.empty() || ctx.platform) return;
  const shown_id shown = show_id(ref->id);
  out.push_back(make_finding(catalog_rows::platform_unknown, field,
                             shown.quoted() + " is not a client platform smtpcheck knows, so "
                                              "fixes use generic names.",
                             "Pick one of: " + known_ids() + ".", shown.text));
}

void platform_version_is_current(const rule_context& ctx, std::vector<finding>& out) {
  if (!ctx.platform || ctx.input.platform->version.empty()) return;
  const client_platform& p = *ctx.platform;
  const std::string& typed = ctx.input.platform->version;
  const std::vector<long> version = parse_version(typed);
  if (version.empty()) {
    const shown_id shown = show_id(typed);
    out.push_back(make_finding(catalog_rows::platform_version_invalid, field,
                               "\"" + shown.text +
                                   "\" is not a version number like 8.1 or 4.7.2; "
                                   "version checks were skipped.",
                               "Give the " + std::string(p.version_of) + " version as numbers.",
                               shown.text));
    return;
  }
  if (p.tls12_default_since.empty()) return;
  std::vector<long> compared = version;
  // Java numbered its versions 1.5 … 1.8 before 9: "1.7" is Java 7.
  if (p.version_of == "Java" && compared.size() > 1 && compared.front() == 1) {
    compared.erase(compared.begin());
  }
  if (version_below(compared, parse_version(p.tls12_default_since))) {
    out.push_back(make_finding(
        catalog_rows::platform_old_tls_default, field,
        std::string(p.version_of) + " " + typed + " offers TLS 1.0 or 1.1 by default; " +
            std::string(ctx.provider.name) + " requires TLS " +
            std::string(ctx.provider.min_tls_version) + " or later, so the handshake fails.",
        std::string(p.tls12_fix), std::string(p.version_of) + " " + typed));
  }
}

void platform_can_do_what_is_asked(const rule_context& ctx, std::vector<finding>& out) {
  if (!ctx.platform || ctx.platform->supports_implicit_tls) return;
  const client_platform& p = *ctx.platform;
  const int recommended = ctx.provider.recommended_port;
  if (ctx.port &&
      (*ctx.port == smtp::submissions_port || serves_implicit_tls(ctx.provider, *ctx.port))) {
    out.push_back(
        make_finding(catalog_rows::platform_no_implicit_tls, field,
                     std::string(p.name) + " cannot do implicit TLS at all: on port " +
                         std::to_string(*ctx.port) +
                         " it waits for a "
                         "plain-text greeting that never comes and times out, with any server.",
                     fix::port_and_security(fix_target_of(ctx), recommended)));
    return;
  }
  if (ctx.input.security != security_mode::tls) return;
  const bool starttls_port = ctx.port && serves_starttls(ctx.provider, *ctx.port);
  out.push_back(make_finding(
      catalog_rows::platform_no_implicit_tls, field,
      std::string(p.name) +
          " cannot do implicit TLS, so \"tls\" here can only mean its TLS "
          "switch, and that switch starts STARTTLS" +
          (starttls_port ? ", which is right for port " + std::to_string(*ctx.port) + "." : "."),
      starttls_port ? "Set the security to \"starttls\" here; in your code, " +
                          fix::as_clause(fix::starttls(fix_target_of(ctx), *ctx.port, false))
                    : fix::port_and_security(fix_target_of(ctx), recommended)));
}

void platform_is_recommended(const rule_context& ctx, std::vector<finding>& out) {
  if (!ctx.platform || ctx.platform->obsolete_note.empty()) return;
  out.push_back(make_finding(catalog_rows::platform_obsolete_client, field,
                             std::string(ctx.platform->obsolete_note),
                             "It still works with the settings below; consider MailKit for new "
                             "code."));
}

void platform_settings_are_shown(const rule_context& ctx, std::vector<finding>& out) {
  if (!ctx.platform) return;
  const client_platform& p = *ctx.platform;
  out.push_back(make_finding(catalog_rows::platform_recommended_settings, field,
                             std::string(p.tls_switch_meaning) + " Where: " + std::string(p.where),
                             fix::settings_block(fix_target_of(ctx))));
}

constexpr std::array table{
    rule{"platform is known", platform_is_known},
    rule{"platform version is current", platform_version_is_current},
    rule{"platform can do what is asked", platform_can_do_what_is_asked},
    rule{"platform is recommended", platform_is_recommended},
    rule{"platform settings are shown", platform_settings_are_shown},
};

}  // namespace

std::span<const rule> platform_rules() {
  return table;
}

}  // namespace smtpcheck::rules
