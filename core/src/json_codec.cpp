// Settings documents in and out, findings out. Never throws on any input:
// parsing runs without exceptions and every value's type is checked first.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "finding_id.h"
#include "finding_redaction.h"
#include "json_detail.h"
#include "smtpcheck/json.h"
#include "text/ascii.h"
#include "text/edit_distance.h"

namespace smtpcheck {
namespace {

using json = nlohmann::json;
using json_detail::ojson;

constexpr std::string_view settings_schema = "smtpcheck/settings/v1";

// Numbers as nlohmann's dump() writes them: integers in decimal, floating
// point in the shortest form that reads back the same (Grisu2), and a
// non-finite value (which a parse never gives) as null.
std::string float_text(double x) {
  if (!std::isfinite(x)) return "null";
  std::array<char, 64> buffer{};
  return std::string(buffer.data(),
                     nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), x));
}

std::string number_text(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<std::uint64_t>());
  return float_text(v.get<double>());
}

finding malformed(std::string_view text) {
  if (text::trim(text).empty()) {
    return make_finding(fid::settings_malformed_json, "", "The settings document is empty.",
                        "Give the settings as one JSON object, e.g. {\"host\": "
                        "\"smtp.postmarkapp.com\", \"port\": 587}.",
                        std::to_string(text.size()) + " bytes");
  }
  const json_detail::parse_error_place place = json_detail::locate_parse_error(text);
  return make_finding(fid::settings_malformed_json, "",
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
      fid::settings_too_large, "",
      "The settings document is larger than " + std::to_string(max_document_bytes) +
          " bytes, the most that is read.",
      "Give only the SMTP settings (host, port, security, username, password, from).",
      "more than " + std::to_string(max_document_bytes) + " bytes");
}

finding settings_not_an_object(const json& doc) {
  return make_finding(fid::settings_not_an_object, "",
                      "The document is " + json_detail::type_name(doc) + "; settings are one JSON object.",
                      "Write the settings as {\"host\": …, \"port\": …}.", json_detail::type_name(doc));
}

constexpr json_detail::unreadable_findings unreadable_settings{
    max_document_bytes, settings_too_large, malformed, settings_not_an_object};

using json_detail::type_name;

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
      if (value.is_number()) ref.version = number_text(value);
      else ref.version = read_string("platform.version", value, out).value_or("");
    } else {
      out.push_back(make_finding(fid::settings_unknown_field, "platform",
                                 "\"platform." + key.substr(0, 64) + "\" is not a setting; it was "
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
  static constexpr std::string_view fields[] = {"host",     "port", "security",
                                                "username", "password", "from",
                                                "verified_senders", "platform", "provider"};
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"server", "host"},          {"hostname", "host"},         {"smtp_host", "host"},
      {"address", "host"},         {"smtp_server", "host"},      {"user", "username"},
      {"user_name", "username"},   {"login", "username"},        {"smtp_user", "username"},
      {"pass", "password"},        {"pwd", "password"},          {"smtp_password", "password"},
      {"encryption", "security"},  {"secure", "security"},       {"tls", "security"},
      {"ssl", "security"},         {"scheme", "security"},       {"sender", "from"},
      {"from_address", "from"},    {"from_email", "from"},       {"mail_from", "from"},
      {"senders", "verified_senders"}, {"sender_signatures", "verified_senders"},
      {"client", "platform"},      {"library", "platform"},      {"framework", "platform"}};
  const std::string lowered = text::lower(key);
  for (const auto& [alias, field] : aliases) {
    if (lowered == alias) return field;
  }
  for (std::string_view field : fields) {
    if (text::edit_distance(lowered, field, 2) <= (field.size() > 4 ? 2u : 1u)) return field;
  }
  return {};
}

}  // namespace

namespace {

decoded_settings decode_settings_unredacted(std::string_view text) {
  decoded_settings out;
  const std::optional<json> parsed = json_detail::parse_object(text, unreadable_settings, out.findings);
  if (!parsed) {
    out.usable = false;
    return out;
  }
  const json& doc = *parsed;
  settings& s = out.value;
  auto& findings = out.findings;
  // Another kind of document (or version) is not read at all: its fields
  // would only be reported as unknown.
  if (const auto schema = doc.find("schema"); schema != doc.end() &&
      (!schema->is_string() || schema->get_ref<const std::string&>() != settings_schema)) {
    out.usable = false;
    findings.push_back(make_finding(
        fid::settings_schema_unsupported, "schema",
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
          fid::settings_unknown_field, "",
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
  redact_secrets(out.findings);
  return out;
}

namespace json_detail {

std::optional<json> parse_object(std::string_view text, const unreadable_findings& kind,
                                 std::vector<finding>& out) {
  if (text.size() > kind.max_bytes) {
    out.push_back(kind.too_large());
    return std::nullopt;
  }
  json doc = json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded()) {
    out.push_back(kind.malformed(text));
    return std::nullopt;
  }
  if (!doc.is_object()) {
    out.push_back(kind.not_an_object(doc));
    return std::nullopt;
  }
  return doc;
}
namespace {

using json = nlohmann::json;

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
// literal; last read: 'tru'; expected '}'" → "syntax error while parsing value -
// invalid literal; expected '}'". What was read is dropped: it may be part of a
// token, and may itself contain "; " (so the cut never looks inside it).
std::string reason_without_input(std::string message) {
  if (const std::size_t colon = message.find(": "); colon != std::string::npos) {
    message.erase(0, colon + 2);
  }
  const std::size_t last = message.find("; last read: ");
  if (last == std::string::npos) return message;
  const std::string tail = message.substr(last);
  message.erase(last);
  // nlohmann's token_type_name() values: the only text allowed after the input.
  static constexpr std::string_view expected_names[] = {
      "'['", "'{'", "']'", "'}'", "':'", "','", "string literal", "number literal",
      "true literal", "false literal", "null literal", "end of input",
      "'[', '{', or a literal"};
  for (std::string_view name : expected_names) {
    const std::string suffix = "'; expected " + std::string(name);
    if (tail.size() >= suffix.size() &&
        tail.compare(tail.size() - suffix.size(), suffix.size(), suffix) == 0) {
      message += "; expected " + std::string(name);
      break;
    }
  }
  return message;
}

}  // namespace

parse_error_place locate_parse_error(std::string_view text) {
  error_locator locator;
  json::sax_parse(text.begin(), text.end(), &locator, nlohmann::detail::input_format_t::json, false);
  const std::size_t pos = std::min(locator.position == 0 ? 0 : locator.position - 1, text.size());
  // Columns count characters, as editors do: UTF-8 continuation bytes do not
  // start a new column.
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < pos; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++column;
    }
  }
  parse_error_place place;
  place.where = "line " + std::to_string(line) + ", column " + std::to_string(column);
  place.reason = reason_without_input(locator.message);
  if (place.reason.find("U+000A (LF)") != std::string::npos) {
    place.reason += " (a string is not closed before the end of its line)";
  }
  return place;
}

// "an array", "a string", "null", …: JSON types as a sentence says them.
std::string type_name(const nlohmann::json& v) {
  const std::string name = v.type_name();
  if (v.is_null()) return name;
  return (name == "array" || name == "object" ? "an " : "a ") + name;
}

ojson to_json(const finding& f) {
  ojson out{{"id", f.id},       {"severity", to_string(f.severity)},
            {"field", f.field}, {"title", f.title},
            {"detail", f.detail}, {"fix", f.fix}};
  // Only a fix that sets values has "set": most findings stay as they were.
  if (!f.set.empty()) {
    ojson set = ojson::object();
    for (const field_value& v : f.set) set[v.field] = v.value;
    out["set"] = std::move(set);
  }
  out["evidence"] = f.evidence;
  out["doc"] = f.doc;
  return out;
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
    const long p = text::parse_decimal(*s.port, 1, 65535);
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

// The writer below gives exactly the bytes of nlohmann's
// dump(2, ' ', false, error_handler_t::replace) (the documents' format since
// the first release), written straight into one string: the live check in the
// widget builds a findings document on every keystroke, and building an
// ordered_json tree first then serializing it was most of that time. It also
// keeps nlohmann's serializer out of the WebAssembly build.
namespace {

// Appends `s` as a JSON string. Escapes as nlohmann does with ensure_ascii
// off: the two-character escapes for \b \t \n \f \r " and backslash, other
// control characters as \u00xx, everything else (DEL and UTF-8 included) as
// is. Invalid UTF-8 (RFC 3629: no overlongs, surrogates or code points past
// U+10FFFF) becomes U+FFFD: one per invalid lead byte, and one per broken
// sequence, whose offending byte is then read again as a new start.
void write_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  static constexpr std::string_view replacement = "\xEF\xBF\xBD";
  // Bytes copied without a second look: printable ASCII but '"' and '\\'.
  static constexpr auto plain = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[static_cast<std::size_t>(c)] = c != '"' && c != '\\';
    return table;
  }();
  out += '"';
  const std::size_t n = s.size();
  std::size_t i = 0;
  std::size_t run = 0;  // start of the bytes not yet copied
  while (i < n) {
    while (i < n && plain[static_cast<unsigned char>(s[i])]) ++i;
    if (i == n) break;
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      out.append(s.data() + run, i - run);
      out += '\\';
      switch (byte) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '\b': out += 'b'; break;
        case '\t': out += 't'; break;
        case '\n': out += 'n'; break;
        case '\f': out += 'f'; break;
        case '\r': out += 'r'; break;
        default:
          out += "u00";
          out += hex[byte >> 4];
          out += hex[byte & 0xF];
      }
      run = ++i;
      continue;
    }
    // A multi-byte sequence: its length and the range of its second byte.
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;
      if (byte == 0xED) high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;
      if (byte == 0xF4) high = 0x8F;
    }
    std::size_t good = length == 0 ? 0 : 1;  // bytes of the sequence that fit
    while (good != 0 && good < length && i + good < n) {
      const auto next = static_cast<unsigned char>(s[i + good]);
      if (next < (good == 1 ? low : 0x80) || next > (good == 1 ? high : 0xBF)) break;
      ++good;
    }
    if (length != 0 && good == length) {  // well-formed: copied with the run
      i += length;
      continue;
    }
    out.append(s.data() + run, i - run);
    out += replacement;
    if (i + good == n && good != 0) {  // cut short by the end of the string
      i = n;
    } else {
      // An invalid lead byte is dropped; a broken sequence's offending byte is read again.
      i += good == 0 ? 1 : good;
    }
    run = i;
  }
  out.append(s.data() + run, n - run);
  out += '"';
}

void write_indent(std::string& out, unsigned indent) {
  out.append(indent, ' ');
}

void write_value(std::string& out, const ojson& v, unsigned indent) {
  switch (v.type()) {
    case ojson::value_t::object: {
      if (v.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      bool first = true;
      for (const auto& [key, value] : v.items()) {
        if (!first) out += ",\n";
        first = false;
        write_indent(out, indent + 2);
        write_string(out, key);
        out += ": ";
        write_value(out, value, indent + 2);
      }
      out += '\n';
      write_indent(out, indent);
      out += '}';
      return;
    }
    case ojson::value_t::array: {
      if (v.empty()) {
        out += "[]";
        return;
      }
      out += "[\n";
      bool first = true;
      for (const ojson& item : v) {
        if (!first) out += ",\n";
        first = false;
        write_indent(out, indent + 2);
        write_value(out, item, indent + 2);
      }
      out += '\n';
      write_indent(out, indent);
      out += ']';
      return;
    }
    case ojson::value_t::string: write_string(out, v.get_ref<const std::string&>()); return;
    case ojson::value_t::boolean: out += v.get<bool>() ? "true" : "false"; return;
    case ojson::value_t::number_integer: out += std::to_string(v.get<std::int64_t>()); return;
    case ojson::value_t::number_unsigned: out += std::to_string(v.get<std::uint64_t>()); return;
    case ojson::value_t::number_float: out += float_text(v.get<double>()); return;
    case ojson::value_t::null:
    case ojson::value_t::binary:     // never built: documents hold no binary values
    case ojson::value_t::discarded:  // only a failed parse gives one
      out += "null";
      return;
  }
}

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
    write_indent(out, indent + 2);
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
    // "set" follows "fix", and only when the fix sets values.
    if (name == "fix" && !f.set.empty()) {
      out += ",\n";
      key("set");
      out += "{\n";
      for (std::size_t i = 0; i < f.set.size(); ++i) {
        if (i) out += ",\n";
        write_indent(out, indent + 4);
        write_string(out, f.set[i].field);
        out += ": ";
        write_string(out, f.set[i].value);
      }
      out += '\n';
      write_indent(out, indent + 2);
      out += '}';
    }
  }
  out += '\n';
  write_indent(out, indent);
  out += '}';
}

}  // namespace

std::string dump(const ojson& document) {
  std::string out;
  write_value(out, document, 0);
  out += '\n';
  return out;
}

namespace {

// nlohmann's dump(-1, ' ', false, error_handler_t::replace): no space, no
// newline; strings and numbers written as by write_value.
void write_line(std::string& out, const ojson& v) {
  if (v.is_object()) {
    out += '{';
    bool first = true;
    for (const auto& [key, value] : v.items()) {
      if (!first) out += ',';
      first = false;
      write_string(out, key);
      out += ':';
      write_line(out, value);
    }
    out += '}';
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const ojson& item : v) {
      if (!first) out += ',';
      first = false;
      write_line(out, item);
    }
    out += ']';
  } else {
    write_value(out, v, 0);
  }
}

}  // namespace

std::string dump_line(const ojson& document) {
  std::string out;
  write_line(out, document);
  return out;
}

}  // namespace json_detail

std::string encode_settings(const settings& s, bool include_secrets) {
  return json_detail::dump(json_detail::to_json(s, include_secrets));
}

std::string encode_findings(const std::vector<finding>& findings) {
  std::size_t size = 64;
  for (const finding& f : findings) {
    size += 160 + f.id.size() + f.field.size() + f.title.size() + f.detail.size() + f.fix.size() +
            f.evidence.size() + f.doc.size();
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
      json_detail::write_finding(out, f, 4);
    }
    out += "\n  ]";
  }
  out += "\n}\n";
  return out;
}

}  // namespace smtpcheck
