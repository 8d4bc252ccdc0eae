// check_config_document: the findings document of a pasted configuration,
// with a "config" member saying what was read and the corrected lines.
// Never holds a secret: settings are encoded without username and
// password, and every line is masked.
#include "config/reading.h"
#include "json/detail.h"
#include "smtpcheck/config.h"
#include "smtpcheck/json.h"
#include "smtpcheck/validate.h"

namespace smtpcheck {
namespace {

using json_detail::ojson;

// The values the findings' fixes set (finding::set, written by the one fix
// writer), in the findings' order: the corrected snippet says exactly what
// the fix sentences say, with no second fix logic here.
std::vector<config_setting_change> changes_from(const std::vector<finding>& findings) {
  std::vector<config_setting_change> out;
  for (const finding& f : findings) {
    for (const field_value& v : f.set) out.push_back({v.field, v.value});
  }
  return out;
}

ojson sources_json(const config_reading& r) {
  ojson out = ojson::array();
  for (const config_source& s : r.sources) {
    ojson one{{"field", s.field}, {"key", s.key}, {"line", s.line}};
    if (!s.reference.empty()) one["reference"] = s.reference;
    out.push_back(std::move(one));
  }
  return out;
}

ojson correction_json(const config_correction& c) {
  ojson lines = ojson::array();
  for (const config_line_change& l : c.lines) {
    ojson one = ojson::object();
    if (l.line > 0) {
      one["line"] = l.line;
      one["before"] = l.before;
    } else {
      one["after_line"] = l.after_line;
    }
    one["text"] = l.after;
    lines.push_back(std::move(one));
  }
  ojson unwritten = ojson::array();
  for (const config_setting_change& u : c.unwritten) {
    unwritten.push_back(ojson{{"field", u.field}, {"value", u.value}});
  }
  return ojson{{"lines", std::move(lines)}, {"unwritten", std::move(unwritten)}};
}

}  // namespace

config_check check_config(std::string_view text) {
  const config::internal_reading r = config::read_internal(text);
  config_check out{r.d.out, r.d.out.findings, {}};
  if (out.reading.usable) {
    std::vector<finding> more = validate(out.reading.value);
    out.findings.insert(out.findings.end(), more.begin(), more.end());
  }
  sort_by_severity(out.findings);
  out.corrected = config::correct(r, changes_from(out.findings));
  return out;
}

std::string check_config_document(std::string_view text) {
  return encode_config_check(check_config(text));
}

std::string encode_config_check(const config_check& checked) {
  const config_reading& reading = checked.reading;
  const std::vector<finding>& findings = checked.findings;
  ojson cfg = ojson::object();
  cfg["format"] = reading.format.empty() ? ojson() : ojson(reading.format);
  cfg["format_name"] = reading.format_name;
  cfg["settings"] = reading.usable ? json_detail::to_json(reading.value, false) : ojson();
  cfg["sources"] = sources_json(reading);
  cfg["assumptions"] = reading.assumptions;
  cfg["corrected"] = correction_json(checked.corrected);
  return json_detail::dump(ojson{{"schema", "smtpcheck/findings/v1"},
                                 {"findings", json_detail::to_json(findings)},
                                 {"config", std::move(cfg)}});
}

}  // namespace smtpcheck
