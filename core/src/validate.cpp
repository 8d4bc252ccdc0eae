#include "smtpcheck/validate.h"

#include "finding_docs.h"
#include "finding_redaction.h"
#include "rules/rule.h"

namespace smtpcheck {

std::vector<finding> validate(const settings& s) {
  std::vector<finding> out;
  const std::optional<rules::rule_context> ctx = rules::make_rule_context(s, out);
  if (!ctx) {
    redact_secrets(out);
    return out;
  }
  for (auto family : {rules::host_rules, rules::port_security_rules, rules::credential_rules,
                      rules::sender_rules, rules::platform_rules}) {
    for (const rules::rule& r : family()) r.check(*ctx, out);
  }
  sort_by_severity(out);
  link_provider_docs(out, ctx->provider);
  redact_secrets(out);
  return out;
}

}  // namespace smtpcheck
