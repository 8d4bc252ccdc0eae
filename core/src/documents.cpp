// String-in/string-out entry points: the CLI's --json output and the WASM
// exports are these functions, so both give byte-identical documents.
#include "json_detail.h"
#include "smtpcheck/catalog.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/validate.h"
#include "smtpcheck/version.h"
#include "text/ascii.h"

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

std::string check_settings_document(std::string_view settings_json) {
  decoded_settings decoded = decode_settings(settings_json);
  std::vector<finding> findings = std::move(decoded.findings);
  if (decoded.usable) {
    std::vector<finding> more = validate(decoded.value);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  sort_by_severity(findings);
  return encode_findings(findings);
}

std::string diagnose_document(std::string_view report_json, std::string_view settings_json) {
  decoded_report report = decode_report(report_json);
  // No settings at all is allowed: the report alone is diagnosed.
  decoded_settings decoded = text::trim(settings_json).empty() ? decoded_settings{}
                                                               : decode_settings(settings_json);
  std::vector<finding> findings = std::move(report.findings);
  findings.insert(findings.end(), decoded.findings.begin(), decoded.findings.end());
  if (report.usable) {
    const settings fallback;
    std::vector<finding> more = diagnose(report.value, decoded.usable ? decoded.value : fallback);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  sort_by_severity(findings);
  return encode_findings(findings);
}

std::string explain_document(std::string_view text, std::string_view platform_id,
                             std::string_view provider_id) {
  return encode_findings(explain(text, platform_id, provider_id));
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

std::string catalog_document() {
  ojson entries = ojson::array();
  for (const catalog_entry& e : catalog()) {
    entries.push_back(ojson{{"id", e.id},
                            {"severity", to_string(e.severity)},
                            {"title", e.title},
                            {"doc", e.doc},
                            {"retired", e.retired}});
  }
  ojson platforms = ojson::array();
  for (const client_platform& p : client_platforms()) {
    platforms.push_back(ojson{{"id", p.id}, {"name", p.name}, {"version_of", p.version_of}});
  }
  ojson provider_list = ojson::array();
  for (const provider_profile* p : providers()) {
    provider_list.push_back(ojson{{"id", p->id},
                                  {"name", p->name},
                                  {"primary_host", p->primary_host},
                                  {"ports", std::vector<int>(p->starttls_ports.begin(),
                                                             p->starttls_ports.end())},
                                  {"recommended_port", p->recommended_port},
                                  {"server_token_name", p->server_token_name},
                                  {"help_url", p->help_url}});
  }
  return json_detail::dump(ojson{{"schema", "smtpcheck/catalog/v1"},
                                 {"version", version()},
                                 {"findings", std::move(entries)},
                                 {"platforms", std::move(platforms)},
                                 {"providers", std::move(provider_list)}});
}

}  // namespace smtpcheck
