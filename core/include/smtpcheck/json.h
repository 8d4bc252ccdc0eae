#pragma once
/// The JSON edge: the one codec between documents and the core's types, and
/// string-in/string-out entry points shared by the CLI and WebAssembly.
/// Every document carries "schema": "smtpcheck/<kind>/v1".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"
#include "smtpcheck/probe_report.h"
#include "smtpcheck/probe_result.h"
#include "smtpcheck/settings.h"

namespace smtpcheck {

/// Settings decoded from a JSON document, with what was wrong with it.
/// `usable` is false when the document as a whole could not be read
/// (malformed JSON, not an object, too large): nothing was checked then.
struct decoded_settings {
  settings value;
  std::vector<finding> findings;
  bool usable = true;
};

/// Decodes a settings document. Never throws: problems become findings.
decoded_settings decode_settings(std::string_view json);

/// A probe report decoded from a JSON document, with what was wrong with it.
/// `usable` is false when the document as a whole could not be read
/// (malformed JSON, not an object, too large, another schema).
struct decoded_report {
  probe_report value;
  std::vector<finding> findings;
  bool usable = true;
};

/// Decodes a `smtpcheck/report/v1` document, bare or as the "report" of a
/// `smtpcheck/probe/v1` document (whose own findings are not read: the
/// report is judged again). Never throws: problems become findings, and a
/// value not understood is dropped (a step without a known status is then
/// "not attempted"). Unknown fields are ignored, for newer agents.
decoded_report decode_report(std::string_view json);

/// A probe file as people share it: the output of `smtpcheck probe --json`
/// (a `smtpcheck/probe/v1` document), a bare `smtpcheck/report/v1` document,
/// or `{"report": …, "settings": …}`, a report beside the settings it was run
/// for (a settings document, or its text as a string).
struct decoded_probe_file {
  decoded_report report;
  std::optional<decoded_settings> settings;  ///< present when the file carries settings
};

/// Decodes a probe file. Never throws: problems become findings.
decoded_probe_file decode_probe_file(std::string_view json);

/// An imported probe file judged, as a `smtpcheck/findings/v1` document:
/// decode_probe_file(), then diagnose() with the file's settings, else with
/// `settings_json` ("" = none); the documents' own problems first, then the
/// diagnosis, errors first. When the report is usable the document also has
/// "report": the report as this core read it (what it understood, nothing
/// more), for showing its transcripts.
std::string import_report_document(std::string_view file_json, std::string_view settings_json);

/// Encodes a report as a `smtpcheck/report/v1` document, pretty, ending in
/// '\n'. decode_report(encode_report(r)) gives r back.
std::string encode_report(const probe_report& report);

/// `{"schema":"smtpcheck/probe/v1","report":…,"findings":[…]}`, pretty,
/// ending in '\n': what `smtpcheck probe --json` prints. `result` comes from
/// judge_probe() (probe_result.h), which diagnosed it once and took the
/// secrets out; this only encodes it (findings errors first).
std::string encode_probe_document(const probe_result& result);

/// The same document on one line (no spaces between tokens, no final
/// newline): the "document" of `smtpcheck serve`'s NDJSON result line.
std::string encode_probe_line(const probe_result& result);

/// Encodes settings as a `smtpcheck/settings/v1` document. With
/// `include_secrets` false, username and password are left out.
std::string encode_settings(const settings& s, bool include_secrets);

/// `{"schema":"smtpcheck/findings/v1","findings":[…]}`, pretty, ending in '\n'.
std::string encode_findings(const std::vector<finding>& findings);

/// decode_settings + validate, as a findings document.
std::string check_settings_document(std::string_view settings_json);

/// explain(), as a findings document. `platform_id` and `provider_id` may be empty.
std::string explain_document(std::string_view text, std::string_view platform_id = {},
                             std::string_view provider_id = {});

/// decode_report + decode_settings + diagnose, as a findings document: the
/// documents' own problems, then the diagnosis, errors first. An empty
/// `settings_json` means no settings; an unusable settings document is
/// reported, and the report diagnosed with default settings.
std::string diagnose_document(std::string_view report_json, std::string_view settings_json);

/// parse_link(), as a `smtpcheck/link/v1` document (settings + findings).
std::string parse_link_document(std::string_view fragment_or_url);

/// make_link() from a settings document, as a `smtpcheck/link/v1` document.
std::string make_link_document(std::string_view settings_json);

/// A `smtpcheck/link/v1` document: the fragment, the settings it carries
/// (never a secret; null when there are none) and findings, errors first.
std::string encode_link_document(std::string_view fragment, const settings* s,
                                 std::vector<finding> findings);

/// The catalog and the client platforms, as a `smtpcheck/catalog/v1` document.
std::string catalog_document();

/// One provider profile as the widget shows it, as a `smtpcheck/provider/v1`
/// document: its ports with their security mode, the form's hints and
/// placeholders, and the settings that work, all worded from the profile.
/// `provider_id` "" is the default provider; an unknown id gives
/// "provider": null and the settings.unknown_provider finding.
std::string provider_document(std::string_view provider_id);

}  // namespace smtpcheck
