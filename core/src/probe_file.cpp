// A probe file as people share it, read by the core for every caller (the
// widget's "Import a report" included), so no caller parses one itself.
#include "json_detail.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/json.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace {

using json_detail::ojson;

struct probe_file_parts {
  std::string report;
  std::optional<std::string> settings;
};

// A {"report": …, "settings": …} file (no "schema" of its own) is taken
// apart into its two documents, a part that is a JSON string given as its
// contents; anything else is the report document itself, for decode_report()
// to read or to explain why it cannot.
probe_file_parts parts_of(std::string_view text) {
  if (text.size() > max_report_bytes) return {std::string(text), std::nullopt};
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || doc.contains("schema")) return {std::string(text), std::nullopt};
  const auto report = doc.find("report");
  if (report == doc.end()) return {std::string(text), std::nullopt};
  const auto part = [](const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : json_detail::dump_line(ojson(value));
  };
  probe_file_parts parts{part(*report), std::nullopt};
  if (const auto s = doc.find("settings"); s != doc.end()) parts.settings = part(*s);
  return parts;
}

}  // namespace

decoded_probe_file decode_probe_file(std::string_view json) {
  probe_file_parts parts = parts_of(json);
  decoded_probe_file out{decode_report(parts.report), std::nullopt};
  if (parts.settings) out.settings = decode_settings(*parts.settings);
  return out;
}

std::string import_report_document(std::string_view file_json, std::string_view settings_json) {
  decoded_probe_file file = decode_probe_file(file_json);
  decoded_settings settings = file.settings                       ? std::move(*file.settings)
                              : text::trim(settings_json).empty() ? decoded_settings{}
                                                                  : decode_settings(settings_json);
  std::vector<finding> findings = std::move(file.report.findings);
  findings.insert(findings.end(), settings.findings.begin(), settings.findings.end());
  if (file.report.usable) {
    const smtpcheck::settings fallback;
    std::vector<finding> more =
        diagnose(file.report.value, settings.usable ? settings.value : fallback);
    findings.insert(findings.end(), more.begin(), more.end());
  }
  sort_by_severity(findings);
  ojson doc = ojson{{"schema", "smtpcheck/findings/v1"}, {"findings", json_detail::to_json(findings)}};
  if (file.report.usable) doc["report"] = json_detail::to_json(file.report.value);
  return json_detail::dump(doc);
}

}  // namespace smtpcheck
