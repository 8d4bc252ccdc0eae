// Settings documents in and out, findings out. Never throws on any input:
// parsing runs without exceptions and every value's type is checked first.
#include <string>

#include "finding_id.h"
#include "json_detail.h"
#include "smtpcheck/json.h"
#include "text/ascii.h"

namespace smtpcheck {
namespace {

using json = nlohmann::json;
using json_detail::ojson;

constexpr std::string_view settings_schema = "smtpcheck/settings/v1";

// Records where parsing stopped, without building anything.
struct error_locator : nlohmann::json_sax<json> {
  std::size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) override {
    position = pos;
    message = ex.what();
    return false;
  }
};

// "…parse error at line 1, column 9: syntax error while parsing value - invalid
// literal; last read: 'tru'" → "syntax error while parsing value - invalid
// literal". What was read is dropped: it may be part of a token.
std::string reason_without_input(std::string message) {
  if (const std::size_t colon = message.find(": "); colon != std::string::npos) {
    message.erase(0, colon + 2);
  }
  if (const std::size_t last = message.find("; last read"); last != std::string::npos) {
    const std::size_t next = message.find("; ", last + 2);
    message.erase(last, next == std::string::npos ? std::string::npos : next - last);
  }
  return message;
}

finding malformed(std::string_view text) {
  error_locator locator;
  json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, false);
  const std::size_t pos = std::min(locator.position == 0 ? 0 : locator.position - 1, text.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  const std::string where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  return make_finding(fid::settings_malformed_json, "",
                      text.empty() ? "The settings document is empty."
                                   : "The JSON is malformed at " + where + ": " +
                                         reason_without_input(locator.message) + ".",
                      "Correct the JSON at " + where +
                          " (quotes around every key and string, commas between fields).",
                      where);
}

std::string type_name(const json& v) { return std::string(v.type_name()); }

finding wrong_type(std::string_view field, std::string_view expected, const json& v) {
  return make_finding(fid::settings_wrong_type, field,
                      "\"" + std::string(field) + "\" must be " + std::string(expected) +
                          ", not " + type_name(v) + ".",
                      "Give \"" + std::string(field) + "\" as " + std::string(expected) + ".",
                      type_name(v));
}

// A string field: too long or the wrong type is reported and the field dropped.
std::optional<std::string> read_string(std::string_view field, const json& v,
                                       std::vector<finding>& out) {
  if (v.is_null()) return std::nullopt;
  if (!v.is_string()) {
    out.push_back(wrong_type(field, "a string", v));
    return std::nullopt;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() > max_string_bytes) {
    out.push_back(make_finding(fid::settings_value_too_long, field,
                               "\"" + std::string(field) + "\" is " + std::to_string(s.size()) +
                                   " bytes; settings are at most " +
                                   std::to_string(max_string_bytes) + " bytes. It was ignored.",
                               "Check what was pasted into \"" + std::string(field) + "\".",
                               std::to_string(s.size()) + " bytes"));
    return std::nullopt;
  }
  return s;
}

std::optional<std::string> read_port(const json& v, std::vector<finding>& out) {
  if (v.is_null()) return std::nullopt;
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_number_unsigned()) return std::to_string(v.get<unsigned long long>());
  if (v.is_number_float()) return v.dump();
  if (v.is_string()) return read_string("port", v, out);
  out.push_back(wrong_type("port", "a number", v));
  return std::nullopt;
}

void read_security(const json& v, settings& s, std::vector<finding>& out) {
  const std::optional<std::string> text = read_string("security", v, out);
  if (!text || text::trim(*text).empty()) return;
  const std::string mode = text::lower(text::trim(*text));
  if (const auto parsed = parse_security_mode(mode)) {
    s.security = *parsed;
    return;
  }
  std::string hint;
  if (mode == "ssl" || mode == "smtps" || mode == "ssl/tls" || mode == "implicit") {
    hint = " \"" + mode + "\" means implicit TLS, written \"tls\" here; Postmark's ports need "
           "\"starttls\".";
  } else if (mode == "auto" || mode == "true" || mode == "starttls_auto" || mode == "start_tls") {
    hint = " Write STARTTLS as \"starttls\".";
  }
  out.push_back(make_finding(fid::security_invalid, "security",
                             "\"" + mode + "\" is not a security mode." + hint,
                             "Set the security to \"starttls\" (or \"tls\" for implicit TLS, "
                             "\"none\" for none).",
                             mode));
}

void read_senders(const json& v, settings& s, std::vector<finding>& out) {
  if (v.is_null()) return;
  if (v.is_string()) {  // "a@x.com, example.com" as one string
    const auto text = read_string("verified_senders", v, out);
    std::string_view rest = text.value_or("");
    while (!rest.empty()) {
      const std::size_t comma = rest.find_first_of(",;");
      const std::string_view item = text::trim(rest.substr(0, comma));
      if (!item.empty()) s.verified_senders.emplace_back(item);
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    return;
  }
  if (!v.is_array()) {
    out.push_back(wrong_type("verified_senders", "an array of strings", v));
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string name = "verified_senders[" + std::to_string(i) + "]";
    if (auto item = read_string(name, v[i], out)) s.verified_senders.push_back(std::move(*item));
  }
}

void read_platform(const json& v, settings& s, std::vector<finding>& out) {
  if (v.is_null()) return;
  if (v.is_string()) {  // "nodemailer" as a shorthand
    if (auto id = read_string("platform", v, out)) s.platform = platform_ref{text::lower(*id), ""};
    return;
  }
  if (!v.is_object()) {
    out.push_back(wrong_type("platform", "an object like {\"id\": \"nodemailer\"}", v));
    return;
  }
  platform_ref ref;
  for (const auto& [key, value] : v.items()) {
    if (key == "id") {
      ref.id = text::lower(read_string("platform.id", value, out).value_or(""));
    } else if (key == "version") {
      if (value.is_number()) ref.version = value.dump();
      else ref.version = read_string("platform.version", value, out).value_or("");
    } else {
      out.push_back(make_finding(fid::settings_unknown_field, "platform",
                                 "\"platform." + key.substr(0, 64) + "\" is not a setting; it was "
                                 "ignored.",
                                 "Remove it, or check its spelling (id, version)."));
    }
  }
  if (!ref.id.empty()) s.platform = std::move(ref);
}

}  // namespace

decoded_settings decode_settings(std::string_view text) {
  decoded_settings out;
  if (text.size() > max_document_bytes) {
    out.usable = false;
    out.findings.push_back(make_finding(
        fid::settings_too_large, "",
        "The settings document is " + std::to_string(text.size()) + " bytes; at most " +
            std::to_string(max_document_bytes) + " are read.",
        "Give only the SMTP settings (host, port, security, username, password, from).",
        std::to_string(text.size()) + " bytes"));
    return out;
  }
  const json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    out.usable = false;
    out.findings.push_back(malformed(text));
    return out;
  }
  if (!doc.is_object()) {
    out.usable = false;
    out.findings.push_back(make_finding(fid::settings_not_an_object, "",
                                        "The document is " + type_name(doc) +
                                            "; settings are one JSON object.",
                                        "Write the settings as {\"host\": …, \"port\": …}.",
                                        type_name(doc)));
    return out;
  }
  settings& s = out.value;
  auto& findings = out.findings;
  for (const auto& [key, value] : doc.items()) {
    if (key == "schema") {
      if (!value.is_string() || value.get_ref<const std::string&>() != settings_schema) {
        out.usable = false;
        findings.push_back(make_finding(
            fid::settings_schema_unsupported, "schema",
            "This build reads \"" + std::string(settings_schema) + "\" documents.",
            "Set \"schema\" to \"" + std::string(settings_schema) + "\", or leave it out.",
            value.is_string() ? value.get<std::string>().substr(0, 64) : type_name(value)));
        return out;
      }
    } else if (key == "host") {
      s.host = read_string(key, value, findings);
    } else if (key == "port") {
      s.port = read_port(value, findings);
    } else if (key == "security") {
      read_security(value, s, findings);
    } else if (key == "username") {
      s.username = read_string(key, value, findings);
    } else if (key == "password") {
      s.password = read_string(key, value, findings);
    } else if (key == "from") {
      s.from = read_string(key, value, findings);
    } else if (key == "verified_senders") {
      read_senders(value, s, findings);
    } else if (key == "platform") {
      read_platform(value, s, findings);
    } else if (key == "provider") {
      if (auto p = read_string(key, value, findings); p && !p->empty()) s.provider = text::lower(*p);
    } else {
      findings.push_back(make_finding(fid::settings_unknown_field, "",
                                      "\"" + key.substr(0, 64) + "\" is not a setting; it was "
                                      "ignored.",
                                      "Remove it, or check its spelling (host, port, security, "
                                      "username, password, from, verified_senders, platform, "
                                      "provider).",
                                      key.substr(0, 64)));
    }
  }
  return out;
}

namespace json_detail {

ojson to_json(const finding& f) {
  return ojson{{"id", f.id},       {"severity", to_string(f.severity)},
               {"field", f.field}, {"title", f.title},
               {"detail", f.detail}, {"fix", f.fix},
               {"evidence", f.evidence}, {"doc", f.doc}};
}

ojson to_json(const std::vector<finding>& findings) {
  ojson list = ojson::array();
  for (const finding& f : findings) list.push_back(to_json(f));
  return list;
}

ojson to_json(const settings& s, bool include_secrets) {
  ojson doc{{"schema", settings_schema}};
  if (s.host) doc["host"] = *s.host;
  if (s.port) {
    const long p = text::parse_decimal(*s.port, 0, 65535);
    if (p >= 0) doc["port"] = p;
    else doc["port"] = *s.port;
  }
  if (s.security != security_mode::unspecified) doc["security"] = to_string(s.security);
  if (include_secrets && s.username) doc["username"] = *s.username;
  if (include_secrets && s.password) doc["password"] = *s.password;
  if (s.from) doc["from"] = *s.from;
  if (!s.verified_senders.empty()) doc["verified_senders"] = s.verified_senders;
  if (s.platform) {
    ojson p{{"id", s.platform->id}};
    if (!s.platform->version.empty()) p["version"] = s.platform->version;
    doc["platform"] = std::move(p);
  }
  doc["provider"] = s.provider;
  return doc;
}

std::string dump(const ojson& document) {
  return document.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
}

}  // namespace json_detail

std::string encode_settings(const settings& s, bool include_secrets) {
  return json_detail::dump(json_detail::to_json(s, include_secrets));
}

std::string encode_findings(const std::vector<finding>& findings) {
  return json_detail::dump(ojson{{"schema", "smtpcheck/findings/v1"},
                                 {"findings", json_detail::to_json(findings)}});
}

}  // namespace smtpcheck
