#include "smtpcheck/diagnose.h"

#include "diagnose/diagnosis.h"
#include "finding_docs.h"
#include "finding_id.h"
#include "finding_redaction.h"

namespace smtpcheck {

std::vector<finding> diagnose(const probe_report& report, const settings& s) {
  std::vector<finding> out;
  const std::optional<rules::rule_context> found = rules::make_rule_context(s, out);
  if (!found) {
    redact_secrets(out);
    return out;
  }
  const rules::rule_context& rules_ctx = *found;
  const std::optional<int> user_port = rules_ctx.port ? rules_ctx.port : report.target.user_port;
  const explaining::cause_facts facts{
      rules_ctx.provider, rules_ctx.platform, user_port, {}, 0, {}, {}};
  const fix::fix_target fix_words = rules::fix_target_of(rules_ctx);
  const diagnosis::diagnosis_context ctx{report, rules_ctx.provider, rules_ctx, fix_words,
                                         facts,  user_port};

  if (!report.dns && report.connections.empty() && !report.tls_versions && !report.implicit_tls) {
    out.push_back(make_finding(catalog_rows::diagnose_nothing_probed, "",
                               "The report has no DNS lookup, no connection and no TLS test: "
                               "there is nothing to diagnose.",
                               "Run `smtpcheck probe --json` on the host where your application "
                               "runs, and share its whole output."));
    link_provider_docs(out, rules_ctx.provider);
    return out;
  }
  for (auto family : {diagnosis::dns_and_tcp_rules, diagnosis::smtp_dialogue_rules,
                      diagnosis::tls_and_certificate_rules, diagnosis::auth_and_sender_rules,
                      diagnosis::timing_rules}) {
    for (const diagnosis::diagnosis_rule& r : family()) r.check(ctx, out);
  }
  sort_by_severity(out);
  link_provider_docs(out, rules_ctx.provider);
  redact_secrets(out);
  return out;
}

}  // namespace smtpcheck
