// The probe document (smtpcheck/probe/v1: a report and its findings) out,
// as `smtpcheck probe --json` prints it and `smtpcheck serve` sends it; and a
// probe file as people share it in, read by the core for every caller (the
// widget's "Import a report" included), so no caller parses one itself. The
// report inside either is read by decode_report() alone.
#include "json/detail.h"
#include "smtpcheck/json.h"

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
  const std::optional<nlohmann::json> parsed = json_detail::parse_json(text);
  if (!parsed || !parsed->is_object() || parsed->contains("schema")) {
    return {std::string(text), std::nullopt};
  }
  const nlohmann::json& doc = *parsed;
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

namespace {

// Encodes only: judge_probe() has diagnosed the report already.
ojson probe_json(const probe_result& result) {
  std::vector<finding> findings = result.findings;
  sort_by_severity(findings);
  ojson doc = ojson::object();
  doc["schema"] = "smtpcheck/probe/v1";
  doc["report"] = json_detail::to_json(result.report);
  doc["findings"] = json_detail::to_json(findings);
  return doc;
}

}  // namespace

std::string encode_probe_document(const probe_result& result) {
  return json_detail::dump(probe_json(result));
}

std::string encode_probe_line(const probe_result& result) {
  return json_detail::dump_line(probe_json(result));
}

}  // namespace smtpcheck
