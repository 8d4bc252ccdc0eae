#include "explain/sanitize.h"
#include "finding_id.h"
#include "fix/platform_words.h"
#include "rules/rule.h"
#include "smtpcheck/port.h"
#include "text/addr_spec.h"
#include "text/ascii.h"

namespace smtpcheck::rules {
namespace {

std::string_view target_host(const rule_context& ctx) {
  for (const provider_host& h : ctx.provider.hosts) {
    if (h.name == ctx.host.clean && h.role != host_role::temporary_test) return h.name;
  }
  return ctx.provider.primary_host;
}

std::string target_from(const rule_context& ctx) {
  std::string from = ctx.input.from ? std::string(text::trim(*ctx.input.from)) : "";
  // "Acme <billing@acme.com>": the setting takes the address alone.
  if (const auto open = from.rfind('<'), close = from.rfind('>');
      open != std::string::npos && close != std::string::npos && open < close) {
    from = std::string(text::trim(std::string_view(from).substr(open + 1, close - open - 1)));
  }
  // Only an address that could be verified is repeated back; anything else
  // (malformed, gmail.com, localhost) gets an example.
  if (const text::addr_spec a = text::parse_addr_spec(from);
      !a.valid || !can_be_verified_sender_domain(ctx.provider, a.domain)) {
    return std::string(fix::example_from);
  }
  return from;
}

// Provider and platform ids are short words (the catalog lists them); what
// was typed instead is quoted back at most this many characters.
constexpr std::size_t max_shown_id_chars = 64;

// The characters a token or key is written with ("SG.x-y_z", base64 "+/=").
bool token_char(char c) {
  return text::is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '+' || c == '/' ||
         c == '=' || c == '~';
}

}  // namespace

// A typed id made safe to quote: control characters and invalid UTF-8 as
// U+FFFD, and a long id cut short. The cut never splits a token-like run:
// a part of a secret is not recognisable to redact_secrets(), which runs on
// every finding after this, so the run is left out whole.
shown_id show_id(std::string_view id) {
  shown_id out;
  const std::string safe = explaining::sanitize(id);
  std::size_t cut = safe.size();
  for (std::size_t i = 0; i < safe.size(); ++i) {
    if (text::is_utf8_continuation(safe[i])) continue;
    if (out.chars == max_shown_id_chars) cut = i;
    ++out.chars;
  }
  if (cut == safe.size()) {
    out.text = safe;
    return out;
  }
  if (token_char(safe[cut])) {
    while (cut > 0 && token_char(safe[cut - 1])) --cut;
  }
  out.text = std::string(text::trim(std::string_view(safe).substr(0, cut))) + "…";
  out.clipped = true;
  return out;
}

std::string shown_id::quoted() const {
  return "\"" + text + "\"" + (clipped ? " (" + std::to_string(chars) + " characters)" : "");
}

fix::fix_target fix_target_of(const rule_context& ctx) {
  return fix::fix_target{
      .provider = ctx.provider,
      .platform = ctx.platform,
      .host = target_host(ctx),
      .port = ctx.port,
      .port_field = settings_port(ctx.input),
      .username = ctx.input.username ? text::trim(*ctx.input.username) : std::string_view{},
      .from = target_from(ctx),
      .words = fix::plain_words::settings_form,
  };
}

finding unknown_provider(std::string_view id) {
  // Not the list of ids: the providers are data, and a new profile must not
  // change this sentence (the catalog lists them).
  const shown_id shown = show_id(id);
  return make_finding(catalog_rows::settings_unknown_provider, "provider",
                      shown.quoted() + " is not a provider smtpcheck knows.",
                      "Leave the provider out (it is then read from the host), or set it to a "
                      "provider id from the catalog (`smtpcheck catalog`).",
                      shown.text);
}

std::optional<rule_context> make_rule_context(const settings& s, std::vector<finding>& out) {
  const provider_profile* provider = find_provider(s.provider);
  if (!provider) {
    out.push_back(unknown_provider(s.provider));
    return std::nullopt;
  }
  const client_platform* platform = s.platform ? find_client_platform(s.platform->id) : nullptr;
  std::optional<rule_context> ctx;
  ctx.emplace(rule_context{s, *provider, platform, parse_host(s.host.value_or("")), {}});
  // The port field wins; a port typed into the host ("host:587") stands in for a missing one.
  if (s.port && !text::trim(*s.port).empty()) {
    ctx->port = settings_port(s);
  } else if (ctx->host.port) {
    ctx->port = ctx->host.port;
  }
  return ctx;
}

}  // namespace smtpcheck::rules
