// The settings document (smtpcheck/settings/v1): its one decoder and its
// encoder.
// Never throws on any input: parsing runs without exceptions and every
// value's type is checked first.
#include <string>
#include <utility>

#include "finding_docs.h"
#include "finding_id.h"
#include "finding_redaction.h"
#include "json/detail.h"
#include "smtpcheck/json.h"
#include "smtpcheck/provider.h"
#include "text/ascii.h"
#include "text/edit_distance.h"

namespace smtpcheck {
namespace {

using json = nlohmann::json;
using json_detail::number_text;
using json_detail::ojson;

constexpr std::string_view settings_schema = "smtpcheck/settings/v1";

finding malformed(std::string_view text, const json_detail::parse_error_place& place) {
  if (text::trim(text).empty()) {
    return make_finding(
        catalog_rows::settings_malformed_json, "", "The settings document is empty.",
        "Give the settings as one JSON object, e.g. {\"host\": \"" +
            std::string(default_provider().primary_host) +
            "\", \"port\": " + std::to_string(default_provider().recommended_port) + "}.",
        std::to_string(text.size()) + " bytes");
  }
  return make_finding(catalog_rows::settings_malformed_json, "",
                      "The JSON is malformed at " + place.where + ": " + place.reason + ".",
                      "Correct the JSON at " + place.where +
                          " (double quotes around every key and string, commas between fields, "
                          "no comma after the last one).",
                      place.where);
}

finding settings_too_large() {
  // The size is not repeated: a reader may stop at the limit (the CLI reads
  // one byte more), and every reader must say the same.
  return make_finding(
      catalog_rows::settings_too_large, "",
      "The settings document is larger than " + std::to_string(max_document_bytes) +
          " bytes, the most that is read.",
      "Give only the SMTP settings (host, port, security, username, password, from).",
      "more than " + std::to_string(max_document_bytes) + " bytes");
}

finding settings_not_an_object(const json& doc) {
  return make_finding(
      catalog_rows::settings_not_an_object, "",
      "The document is " + json_detail::type_name(doc) + "; settings are one JSON object.",
      "Write the settings as {\"host\": …, \"port\": …}.", json_detail::type_name(doc));
}

constexpr json_detail::unreadable_findings unreadable_settings{
    max_document_bytes, settings_too_large, malformed, settings_not_an_object};

using json_detail::type_name;

finding wrong_type(std::string_view field, std::string_view expected, const json& v) {
  return make_finding(catalog_rows::settings_wrong_type, field,
                      "\"" + std::string(field) + "\" must be " + std::string(expected) + ", not " +
                          type_name(v) + ".",
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
    out.push_back(make_finding(catalog_rows::settings_value_too_long, field,
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
  if (v.is_number_float()) return number_text(v);
  if (v.is_string()) return read_string("port", v, out);
  out.push_back(wrong_type("port", "a number", v));
  return std::nullopt;
}

void read_security(const json& v, settings& s, std::vector<finding>& out) {
  const std::optional<std::string> text = read_string("security", v, out);
  if (!text || text::trim(*text).empty()) return;
  security_reading reading = read_security_text(*text);
  s.security = reading.mode;
  if (reading.note) out.push_back(std::move(*reading.note));
}

void read_senders(const json& v, settings& s, std::vector<finding>& out) {
  if (v.is_null()) return;
  if (v.is_string()) {  // "a@x.com, example.com" as one string
    const std::string text = read_string("verified_senders", v, out).value_or("");
    std::string_view rest = text;
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
      if (value.is_number())
        ref.version = number_text(value);
      else
        ref.version = read_string("platform.version", value, out).value_or("");
    } else {
      out.push_back(make_finding(catalog_rows::settings_unknown_field, "platform",
                                 "\"platform." + key.substr(0, 64) +
                                     "\" is not a setting; it was "
                                     "ignored.",
                                 "Remove it, or check its spelling (id, version).",
                                 "platform." + key.substr(0, 64)));
    }
  }
  if (!ref.id.empty()) s.platform = std::move(ref);
}

// The setting a misspelt or foreign key most likely meant ("hots", "user",
// "encryption"), or "" when there is no good guess.
std::string_view meant_field(std::string_view key) {
  static constexpr std::string_view fields[] = {"host",     "port", "security",         "username",
                                                "password", "from", "verified_senders", "platform",
                                                "provider"};
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"server", "host"},
      {"hostname", "host"},
      {"smtp_host", "host"},
      {"address", "host"},
      {"smtp_server", "host"},
      {"user", "username"},
      {"user_name", "username"},
      {"login", "username"},
      {"smtp_user", "username"},
      {"pass", "password"},
      {"pwd", "password"},
      {"smtp_password", "password"},
      {"encryption", "security"},
      {"secure", "security"},
      {"tls", "security"},
      {"ssl", "security"},
      {"scheme", "security"},
      {"sender", "from"},
      {"from_address", "from"},
      {"from_email", "from"},
      {"mail_from", "from"},
      {"senders", "verified_senders"},
      {"sender_signatures", "verified_senders"},
      {"client", "platform"},
      {"library", "platform"},
      {"framework", "platform"}};
  const std::string lowered = text::lower(key);
  for (const auto& [alias, field] : aliases) {
    if (lowered == alias) return field;
  }
  for (std::string_view field : fields) {
    if (text::edit_distance(lowered, field, 2) <= (field.size() > 4 ? 2u : 1u)) return field;
  }
  return {};
}

decoded_settings decode_settings_unredacted(std::string_view text) {
  decoded_settings out;
  const std::optional<json> parsed =
      json_detail::parse_object(text, unreadable_settings, out.findings);
  if (!parsed) {
    out.usable = false;
    return out;
  }
  const json& doc = *parsed;
  settings& s = out.value;
  auto& findings = out.findings;
  // Another kind of document (or version) is not read at all: its fields
  // would only be reported as unknown.
  if (const auto schema = doc.find("schema");
      schema != doc.end() &&
      (!schema->is_string() || schema->get_ref<const std::string&>() != settings_schema)) {
    out.usable = false;
    findings.push_back(make_finding(
        catalog_rows::settings_schema_unsupported, "schema",
        "This build reads \"" + std::string(settings_schema) + "\" documents.",
        "Set \"schema\" to \"" + std::string(settings_schema) + "\", or leave it out.",
        schema->is_string() ? schema->get<std::string>().substr(0, 64) : type_name(*schema)));
    return out;
  }
  bool provider_named = false;
  for (const auto& [key, value] : doc.items()) {
    if (key == "schema") {
      continue;  // checked above
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
      if (auto p = read_string(key, value, findings); p && !p->empty()) {
        s.provider = text::lower(*p);
        provider_named = true;
      }
    } else {
      const std::string_view meant = meant_field(key);
      findings.push_back(make_finding(
          catalog_rows::settings_unknown_field, "",
          "\"" + key.substr(0, 64) + "\" is not a setting; it was ignored.",
          meant.empty() ? "Remove it, or check its spelling (host, port, security, username, "
                          "password, from, verified_senders, platform, provider)."
                        : "Rename it to \"" + std::string(meant) + "\".",
          key.substr(0, 64)));
    }
  }
  if (!provider_named) detect_provider(s);
  return out;
}

}  // namespace

decoded_settings decode_settings(std::string_view text) {
  decoded_settings out = decode_settings_unredacted(text);
  // The document's own findings link the same provider's pages as the rules' do.
  if (const provider_profile* p = out.usable ? find_provider(out.value.provider) : nullptr) {
    link_provider_docs(out.findings, *p);
  }
  redact_secrets(out.findings);
  return out;
}

ojson json_detail::to_json(const settings& s, bool include_secrets) {
  ojson doc{{"schema", settings_schema}};
  if (s.host) doc["host"] = *s.host;
  if (s.port) {
    const long p = text::parse_decimal(*s.port, 1, 65535);
    if (p >= 0)
      doc["port"] = p;
    else
      doc["port"] = *s.port;
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

std::string encode_settings(const settings& s, bool include_secrets) {
  return json_detail::dump(json_detail::to_json(s, include_secrets));
}

}  // namespace smtpcheck
