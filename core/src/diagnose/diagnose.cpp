#include "smtpcheck/diagnose.h"

#include "diagnose/diagnosis.h"
#include "finding_id.h"
#include "text/ascii.h"

namespace smtpcheck {

std::vector<finding> diagnose(const probe_report& report, const settings& s) {
  std::vector<finding> out;
  const provider_profile* provider = find_provider(s.provider);
  if (!provider) {
    out.push_back(make_finding(fid::settings_unknown_provider, "provider",
                               "\"" + s.provider + "\" is not a provider smtpcheck knows.",
                               "Leave the provider out, or set it to \"postmark\".", s.provider));
    return out;
  }
  const client_platform* platform = s.platform ? find_client_platform(s.platform->id) : nullptr;
  rules::rule_context rules_ctx{s, *provider, platform, rules::parse_host(s.host.value_or("")), {}};
  if (s.port && !text::trim(*s.port).empty()) {
    const long p = text::parse_decimal(text::trim(*s.port), 1, 65535);
    if (p > 0) rules_ctx.port = static_cast<int>(p);
  } else if (rules_ctx.host.port) {
    rules_ctx.port = rules_ctx.host.port;
  }
  const std::optional<int> user_port = rules_ctx.port ? rules_ctx.port : report.target.user_port;
  const explaining::cause_facts facts{*provider, platform, user_port, {}, 0, {}, {}};
  const diagnosis::diagnosis_context ctx{report, *provider, rules_ctx, facts, user_port};

  if (!report.dns && report.connections.empty() && !report.tls_versions && !report.implicit_tls) {
    out.push_back(make_finding(fid::diagnose_nothing_probed, "",
                               "The report has no DNS lookup, no connection and no TLS test: "
                               "there is nothing to diagnose.",
                               "Run `smtpcheck probe --json` on the host where your application "
                               "runs, and share its whole output."));
    return out;
  }
  for (auto family : {diagnosis::dns_and_tcp_rules, diagnosis::smtp_dialogue_rules,
                      diagnosis::tls_and_certificate_rules, diagnosis::auth_and_sender_rules,
                      diagnosis::timing_rules}) {
    for (const diagnosis::diagnosis_rule& r : family()) r.check(ctx, out);
  }
  sort_by_severity(out);
  return out;
}

}  // namespace smtpcheck
