#include "explain/cause.h"
#include "explain/fix_words.h"
#include "explain/recognise.h"

namespace smtpcheck::explaining {

finding build_cause(const recognised& cause, const cause_facts& facts) {
  finding f = make_finding(cause.cause, "", "", "");  // every pattern's cause has a builder (tested)
  for (const auto table : {connection_causes(), tls_causes(), reply_causes()}) {
    for (const cause_builder& b : table) {
      if (b.cause == cause.cause) f = b.build(facts);
    }
  }
  if (!cause.fix.empty()) f.fix = std::string(cause.fix) + platform_suffix(facts) + ".";
  return f;
}

}  // namespace smtpcheck::explaining
