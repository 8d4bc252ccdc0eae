// The findings document (smtpcheck/findings/v1) out. The findings writer
// runs on every keystroke of the live check, so it writes straight into one
// string. The entry points that answer with one are findings_answers.cpp.
#include <initializer_list>
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

using namespace std::string_view_literals;
using json_detail::write_string_content;

// One finding as write_value(to_json(f), 4) would write it (the list's items
// sit four spaces in). Each key is one constant holding what surrounds it:
// the previous value's closing quote, the comma, the line break, the indent
// and its own value's opening quote. The writer runs on every keystroke, and
// in the WebAssembly build, compiled for size, each append is a call: a
// finding is a dozen appends and its values, not five per key.
void write_finding(std::string& out, const finding& f) {
  using keyed = std::pair<std::string_view, std::string_view>;  // (key, value)
  const auto write = [&out](std::initializer_list<keyed> fields) {
    for (const auto& [key, value] : fields) {
      out += key;
      write_string_content(out, value);
    }
  };
  write({{"{\n      \"id\": \""sv, f.id},
         {"\",\n      \"severity\": \""sv, to_string(f.severity)},
         {"\",\n      \"field\": \""sv, f.field},
         {"\",\n      \"title\": \""sv, f.title},
         {"\",\n      \"detail\": \""sv, f.detail},
         {"\",\n      \"fix\": \""sv, f.fix}});
  // "set" follows "fix", and only when the fix sets values.
  for (std::size_t i = 0; i < f.set.size(); ++i) {
    write({{i == 0 ? "\",\n      \"set\": {\n        \""sv : "\",\n        \""sv, f.set[i].field},
           {"\": \""sv, f.set[i].value}});
  }
  write(
      {{f.set.empty() ? "\",\n      \"evidence\": \""sv : "\"\n      },\n      \"evidence\": \""sv,
        f.evidence},
       {"\",\n      \"doc\": \""sv, f.doc}});
  // "doc_url" follows "doc", and only when the provider is known.
  if (!f.doc_url.empty()) write({{"\",\n      \"doc_url\": \""sv, f.doc_url}});
  out += "\"\n    }"sv;
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
      out += first ? "    "sv : ",\n    "sv;
      first = false;
      write_finding(out, f);
    }
    out += "\n  ]";
  }
  out += "\n}\n";
  return out;
}

}  // namespace smtpcheck
