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

}  // namespace

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

finding unknown_provider(const std::string& id) {
  // Not the list of ids: the providers are data, and a new profile must not
  // change this sentence (the catalog lists them).
  return make_finding(fid::settings_unknown_provider, "provider",
                      "\"" + id + "\" is not a provider smtpcheck knows.",
                      "Leave the provider out (it is then read from the host), or set it to a "
                      "provider id from the catalog (`smtpcheck catalog`).",
                      id);
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
