#include "finding_id.h"
#include "rules/rule.h"
#include "smtpcheck/port.h"
#include "text/ascii.h"

namespace smtpcheck::rules {

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
