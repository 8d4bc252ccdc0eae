// Fuzzes explain: any bytes pasted as an error message, with no platform and
// with one picked by the first byte (or an unknown platform id).
// Invariants: the output is a valid findings document, every id is in the
// catalog, and explain always says something (at least one finding). The
// same text through the findings' redaction: where its quick checks say
// there is nothing to redact, redacting changes nothing.
#include <string>

#include "explain/redact.h"
#include "fuzz_invariant.h"
#include "link/secret_shape.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/json.h"
#include "smtpcheck/platform.h"

namespace {

using namespace smtpcheck;

// A platform id from a byte: every known platform, plus one id no platform has.
std::string_view pick_platform(std::uint8_t byte) {
  const auto platforms = client_platforms();
  const std::size_t pick = byte % (platforms.size() + 1);
  return pick < platforms.size() ? platforms[pick].id : std::string_view("no-such-platform");
}

void run(std::string_view text, std::string_view platform_id) {
  const std::vector<finding> findings = explain(text, platform_id);
  fuzz::require(!findings.empty(), "explain returned no finding");
  fuzz::require_catalog_ids(findings);
  fuzz::require_document(explain_document(text, platform_id), "smtpcheck/findings/v1");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  if (!explaining::may_hold_secret_value(text)) {
    fuzz::require(explaining::redact_secret_values(text) == text,
                  "redact_secret_values changed text may_hold_secret_value passed");
  }
  if (!link_codec::may_hold_secret_word(text)) {
    fuzz::require(link_codec::redact_secret_words(text, "<redacted>") == text,
                  "redact_secret_words changed text may_hold_secret_word passed");
  }
  run(text, {});
  if (size > 0) run(text, pick_platform(data[0]));
  return 0;
}
