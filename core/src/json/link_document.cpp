// The link document (smtpcheck/link/v1) out: a check link's fragment, the
// settings it carries (never a secret) and its findings. The fragment itself
// is read and written by the link codec (link.cpp, link/).
#include "json/detail.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"

namespace smtpcheck {
using json_detail::ojson;

std::string encode_link_document(std::string_view fragment, const settings* s,
                                 std::vector<finding> findings) {
  sort_by_severity(findings);
  return json_detail::dump(ojson{{"schema", "smtpcheck/link/v1"},
                                 {"fragment", fragment},
                                 {"settings", s ? json_detail::to_json(*s, false) : ojson()},
                                 {"findings", json_detail::to_json(findings)}});
}

std::string parse_link_document(std::string_view fragment_or_url) {
  parsed_link parsed = parse_link(fragment_or_url);
  const std::string canonical = link_fragment(parsed);
  return encode_link_document(canonical, &parsed.value, std::move(parsed.findings));
}

std::string make_link_document(std::string_view settings_json) {
  decoded_settings decoded = decode_settings(settings_json);
  if (!decoded.usable) return encode_link_document("", nullptr, std::move(decoded.findings));
  made_link made = make_link(decoded.value);
  std::vector<finding> findings = std::move(decoded.findings);
  findings.insert(findings.end(), made.findings.begin(), made.findings.end());
  // Report what the link carries, not what was typed: a token pasted into
  // the host is left out of the link, so it must be left out here too.
  const settings carried = parse_link(made.fragment).value;
  return encode_link_document(made.fragment, &carried, std::move(findings));
}

}  // namespace smtpcheck
