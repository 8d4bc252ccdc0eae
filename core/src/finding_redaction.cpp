#include "finding_redaction.h"

#include "explain/redact.h"
#include "link/secret_shape.h"

namespace smtpcheck {
namespace {

// Most text holds nothing to redact: it is left untouched, and nothing is
// copied (the two checks are single passes over the text).
void redact(std::string& s) {
  if (!explaining::may_hold_secret_value(s) && !link_codec::may_hold_secret_word(s)) return;
  std::string out =
      link_codec::redact_secret_words(explaining::redact_secret_values(s), "<redacted>");
  if (out != s) s = std::move(out);
}

}  // namespace

void redact_secrets(std::vector<finding>& findings) {
  for (finding& f : findings) {
    redact(f.title);
    redact(f.detail);
    redact(f.fix);
    redact(f.evidence);
    for (field_value& v : f.set) redact(v.value);
  }
}

}  // namespace smtpcheck
