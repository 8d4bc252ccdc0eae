#include "smtpcheck/validate.h"

#include "finding_id.h"
#include "rules/rule.h"
#include "text/ascii.h"

namespace smtpcheck {

std::vector<finding> validate(const settings& s) {
  std::vector<finding> out;
  const provider_profile* provider = find_provider(s.provider);
  if (!provider) {
    out.push_back(make_finding(fid::settings_unknown_provider, "provider",
                               "\"" + s.provider + "\" is not a provider smtpcheck knows.",
                               "Leave the provider out, or set it to \"postmark\".", s.provider));
    return out;
  }
  const client_platform* platform = s.platform ? find_client_platform(s.platform->id) : nullptr;
  rules::rule_context ctx{s, *provider, platform, rules::parse_host(s.host.value_or("")), {}};
  if (s.port && !text::trim(*s.port).empty()) {
    const long p = text::parse_decimal(text::trim(*s.port), 1, 65535);
    if (p > 0) ctx.port = static_cast<int>(p);
  } else if (ctx.host.port) {
    ctx.port = ctx.host.port;
  }
  for (auto family : {rules::host_rules, rules::port_security_rules, rules::credential_rules,
                      rules::sender_rules, rules::platform_rules}) {
    for (const rules::rule& r : family()) r.check(ctx, out);
  }
  sort_by_severity(out);
  return out;
}

}  // namespace smtpcheck
