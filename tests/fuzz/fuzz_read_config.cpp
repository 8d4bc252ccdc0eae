// Fuzzes read_config and check_config: any bytes pasted as a configuration.
// Invariants: the output is a valid findings document with catalog ids; a
// snippet that cannot be read says so (at least one finding); no secret the
// reading found appears in the document (settings are encoded without them,
// corrected lines are masked); and the corrected lines point inside the
// snippet.
#include <string>

#include "fuzz_invariant.h"
#include "smtpcheck/config.h"
#include "smtpcheck/json.h"

namespace {

using namespace smtpcheck;

int lines_in(std::string_view text) {
  int n = 1;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_text(data, size);
  const config_check checked = check_config(text);
  fuzz::require_catalog_ids(checked.findings);
  fuzz::require(checked.reading.usable || !checked.findings.empty(),
                "an unreadable configuration gave no finding");
  const int lines = lines_in(text);
  for (const config_line_change& l : checked.corrected.lines) {
    fuzz::require(l.line > 0 ? l.line <= lines : (l.after_line > 0 && l.after_line <= lines),
                  "a corrected line points outside the snippet");
  }
  const std::string document = check_config_document(text);
  fuzz::require_document(document, "smtpcheck/findings/v1");
  // Secrets of 8 bytes or more (shorter ones may occur by chance in other text);
  // a value of only '*' is an already masked one (`********`), not a secret.
  for (const std::optional<std::string>* secret :
       {&checked.reading.value.password, &checked.reading.value.username}) {
    if (*secret && (*secret)->size() >= 8 && (*secret)->find('\n') == std::string::npos &&
        (*secret)->find_first_not_of('*') != std::string::npos &&
        text.find(**secret) != std::string_view::npos) {
      for (const config_line_change& l : checked.corrected.lines) {
        fuzz::require(l.after.find(**secret) == std::string::npos &&
                          l.before.find(**secret) == std::string::npos,
                      "a corrected line shows a secret");
      }
    }
  }
  return 0;
}
