// The entry points whose answer is a findings document (smtpcheck/findings/v1):
// check, explain, diagnose and a probe file's import, string in and string
// out, for the CLI's --json output and the WebAssembly exports alike (so both
// give the same bytes).
// Kept apart from the codec files: they call the rules, and the keystroke
// codec is compiled for speed in WebAssembly (wasm/CMakeLists.txt), they not.
#include <iterator>
#include <string>
#include <utility>

#include "finding_docs.h"
#include "json/detail.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/json.h"
#include "smtpcheck/validate.h"
#include "text/ascii.h"

namespace smtpcheck {

using json_detail::ojson;

namespace {

// A report's own findings (a value not understood) link the pages of the
// provider the diagnosis was made for, as the settings' own findings do
// (decode_settings links those).
void link_settings_provider_docs(std::vector<finding>& findings, const settings& s) {
  if (const provider_profile* p = find_provider(s.provider)) link_provider_docs(findings, *p);
}

// Moves `more` onto the end of `findings` (each finding is a dozen strings;
// copying them took about 2% of a live check, here and natively).
void append(std::vector<finding>& findings, std::vector<finding>&& more) {
  findings.insert(findings.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
}

}  // namespace

std::string check_settings_document(std::string_view settings_json) {
  decoded_settings decoded = decode_settings(settings_json);
  std::vector<finding> findings = std::move(decoded.findings);
  if (decoded.usable) {
    append(findings, validate(decoded.value));
  }
  sort_by_severity(findings);
  return encode_findings(findings);
}

std::string diagnose_document(std::string_view report_json, std::string_view settings_json) {
  decoded_report report = decode_report(report_json);
  // No settings at all is allowed: the report alone is diagnosed.
  decoded_settings decoded =
      text::trim(settings_json).empty() ? decoded_settings{} : decode_settings(settings_json);
  std::vector<finding> findings = std::move(report.findings);
  append(findings, std::move(decoded.findings));
  if (report.usable) {
    const settings fallback;
    append(findings, diagnose(report.value, decoded.usable ? decoded.value : fallback));
    link_settings_provider_docs(findings, decoded.usable ? decoded.value : fallback);
  }
  sort_by_severity(findings);
  return encode_findings(findings);
}

std::string explain_document(std::string_view text, std::string_view platform_id,
                             std::string_view provider_id) {
  return encode_findings(explain(text, platform_id, provider_id));
}

std::string import_report_document(std::string_view file_json, std::string_view settings_json) {
  decoded_probe_file file = decode_probe_file(file_json);
  decoded_settings settings = file.settings                       ? std::move(*file.settings)
                              : text::trim(settings_json).empty() ? decoded_settings{}
                                                                  : decode_settings(settings_json);
  std::vector<finding> findings = std::move(file.report.findings);
  append(findings, std::move(settings.findings));
  if (file.report.usable) {
    const smtpcheck::settings fallback;
    append(findings, diagnose(file.report.value, settings.usable ? settings.value : fallback));
    link_settings_provider_docs(findings, settings.usable ? settings.value : fallback);
  }
  sort_by_severity(findings);
  ojson doc =
      ojson{{"schema", "smtpcheck/findings/v1"}, {"findings", json_detail::to_json(findings)}};
  if (file.report.usable) doc["report"] = json_detail::to_json(file.report.value);
  return json_detail::dump(doc);
}

}  // namespace smtpcheck
