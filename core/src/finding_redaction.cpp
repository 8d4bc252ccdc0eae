#include "finding_redaction.h"

#include "explain/redact.h"
#include "link/secret_shape.h"

namespace smtpcheck {
namespace {

// Most text holds nothing to redact: it is left untouched, and nothing is
// copied (each check is one pass over the text). Each redaction runs only
// where its own check says it may change something; the secret values'
// redaction puts in markers ("<redacted>"), which hold no secret word, so
// the words are judged on the text as it came.
void redact(std::string& s) {
  const bool values = explaining::may_hold_secret_value(s);
  const bool words = link_codec::may_hold_secret_word(s);
  if (values) s = explaining::redact_secret_values(s);
  if (words) s = link_codec::redact_secret_words(s, "<redacted>");
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
