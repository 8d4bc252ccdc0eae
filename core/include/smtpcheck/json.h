#pragma once
/// The JSON edge: the one codec between documents and the core's types, and
/// string-in/string-out entry points shared by the CLI and WebAssembly.
/// Every document carries "schema": "smtpcheck/<kind>/v1".

#include <string>
#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"
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

/// Encodes settings as a `smtpcheck/settings/v1` document. With
/// `include_secrets` false, username and password are left out.
std::string encode_settings(const settings& s, bool include_secrets);

/// `{"schema":"smtpcheck/findings/v1","findings":[…]}`, pretty, ending in '\n'.
std::string encode_findings(const std::vector<finding>& findings);

/// decode_settings + validate, as a findings document.
std::string check_settings_document(std::string_view settings_json);

/// explain(), as a findings document. `platform_id` may be empty.
std::string explain_document(std::string_view text, std::string_view platform_id = {});

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

}  // namespace smtpcheck
