// The findings document (smtpcheck/findings/v1) out. The findings writer
// runs on every keystroke of the live check, so it writes straight into one
// string. The entry points that answer with one are findings_answers.cpp.
#include <string>
#include <utility>

#include "json/detail.h"
#include "smtpcheck/json.h"

namespace smtpcheck {

using json_detail::ojson;

ojson json_detail::to_json(const finding& f) {
  ojson out{{"id", f.id},         {"severity", to_string(f.severity)},
            {"field", f.field},   {"title", f.title},
            {"detail", f.detail}, {"fix", f.fix}};
  // Only a fix that sets values has "set": most findings stay as they were.
  if (!f.set.empty()) {
    ojson set = ojson::object();
    for (const field_value& v : f.set) set[v.field] = v.value;
    out["set"] = std::move(set);
  }
  out["evidence"] = f.evidence;
  out["doc"] = f.doc;
  // Only a finding whose provider is known has "doc_url".
  if (!f.doc_url.empty()) out["doc_url"] = f.doc_url;
  return out;
}

ojson json_detail::to_json(const std::vector<finding>& findings) {
  ojson list = ojson::array();
  for (const finding& f : findings) list.push_back(to_json(f));
  return list;
}

namespace {

using json_detail::write_string;

// One finding as write_value(to_json(f), indent) would write it.
void write_finding(std::string& out, const finding& f, unsigned indent) {
  const std::pair<std::string_view, std::string_view> fields[] = {
      {"id", f.id},
      {"severity", to_string(f.severity)},
      {"field", f.field},
      {"title", f.title},
      {"detail", f.detail},
      {"fix", f.fix},
      {"evidence", f.evidence},
      {"doc", f.doc}};
  const auto key = [&](std::string_view name) {
    out.append(indent + 2, ' ');
    out += '"';
    out += name;  // plain ASCII: nothing to escape
    out += "\": ";
  };
  out += "{\n";
  bool first = true;
  for (const auto& [name, value] : fields) {
    if (!first) out += ",\n";
    first = false;
    key(name);
    write_string(out, value);
    // "doc_url" follows "doc", and only when the provider is known.
    if (name == "doc" && !f.doc_url.empty()) {
      out += ",\n";
      key("doc_url");
      write_string(out, f.doc_url);
    }
    // "set" follows "fix", and only when the fix sets values.
    if (name == "fix" && !f.set.empty()) {
      out += ",\n";
      key("set");
      out += "{\n";
      for (std::size_t i = 0; i < f.set.size(); ++i) {
        if (i) out += ",\n";
        out.append(indent + 4, ' ');
        write_string(out, f.set[i].field);
        out += ": ";
        write_string(out, f.set[i].value);
      }
      out += '\n';
      out.append(indent + 2, ' ');
      out += '}';
    }
  }
  out += '\n';
  out.append(indent, ' ');
  out += '}';
}

}  // namespace

std::string encode_findings(const std::vector<finding>& findings) {
  std::size_t size = 64;
  for (const finding& f : findings) {
    size += 160 + f.id.size() + f.field.size() + f.title.size() + f.detail.size() + f.fix.size() +
            f.evidence.size() + f.doc.size() + f.doc_url.size();
  }
  std::string out;
  out.reserve(size);
  out += "{\n  \"schema\": \"smtpcheck/findings/v1\",\n  \"findings\": ";
  if (findings.empty()) {
    out += "[]";
  } else {
    out += "[\n";
    bool first = true;
    for (const finding& f : findings) {
      if (!first) out += ",\n";
      first = false;
      out += "    ";
      write_finding(out, f, 4);
    }
    out += "\n  ]";
  }
  out += "\n}\n";
  return out;
}

}  // namespace smtpcheck
