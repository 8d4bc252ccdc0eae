// Fuzzes the probe report decoder and the diagnosis: any bytes as a report,
// judged with no settings and with a typical settings document.
// Invariants: the output is a valid findings document, every id is in the
// catalog, a report that could not be read is said to be so, and what was
// read encodes to a report that reads back the same (encode_report).
#include <string>

#include "fuzz_invariant.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/json.h"

namespace {

using namespace smtpcheck;

constexpr std::string_view typical_settings =
    R"({"host": "smtp.postmarkapp.com", "port": 587, "security": "starttls",)"
    R"( "from": "billing@example.org", "platform": "nodemailer"})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const decoded_report decoded = decode_report(text);
  fuzz::require_catalog_ids(decoded.findings);
  fuzz::require(decoded.usable || !decoded.findings.empty(), "an unusable report gave no finding");
  if (decoded.usable) {
    fuzz::require_catalog_ids(diagnose(decoded.value, settings{}));
    const std::string encoded = encode_report(decoded.value);
    const decoded_report again = decode_report(encoded);
    fuzz::require(again.usable, "an encoded report could not be read back");
    fuzz::require(encode_report(again.value) == encoded, "an encoded report read back differently");
  }
  fuzz::require_document(diagnose_document(text, {}), "smtpcheck/findings/v1");
  fuzz::require_document(diagnose_document(text, typical_settings), "smtpcheck/findings/v1");
  return 0;
}
