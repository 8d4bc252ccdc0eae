// Settings documents → settings: every field, every odd input, never a throw.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "smtpcheck/json.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

bool has(const std::vector<finding>& findings, std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return true;
  }
  return false;
}

const finding* first(const std::vector<finding>& findings, std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

bool mentions(const finding& f, std::string_view text) {
  for (const std::string* field :
       {&f.id, &f.field, &f.title, &f.detail, &f.fix, &f.evidence, &f.doc}) {
    if (field->find(text) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("a complete settings document decodes every field", "[decode]") {
  const decoded_settings d = decode_settings(R"({
    "schema": "smtpcheck/settings/v1",
    "host": "smtp.postmarkapp.com", "port": 587, "security": "starttls",
    "username": "00000000-0000-0000-0000-000000000000",
    "password": "00000000-0000-0000-0000-000000000000",
    "from": "billing@acme-widgets.com", "verified_senders": ["acme-widgets.com"],
    "platform": {"id": "Nodemailer", "version": "20.11"}, "provider": "Postmark"})");
  REQUIRE(d.usable);
  CHECK(d.findings.empty());
  const settings& s = d.value;
  CHECK(s.host == "smtp.postmarkapp.com");
  CHECK(s.port == "587");
  CHECK(s.security == security_mode::starttls);
  CHECK(s.username == "00000000-0000-0000-0000-000000000000");
  CHECK(s.password == s.username);
  CHECK(s.from == "billing@acme-widgets.com");
  CHECK(s.verified_senders == std::vector<std::string>{"acme-widgets.com"});
  REQUIRE(s.platform);
  CHECK(s.platform->id == "nodemailer");
  CHECK(s.platform->version == "20.11");
  CHECK(s.provider == "postmark");
}

TEST_CASE("absent and null fields are not given, empty strings are given", "[decode]") {
  const decoded_settings d = decode_settings(R"({"host": null, "port": "", "from": ""})");
  REQUIRE(d.usable);
  CHECK_FALSE(d.value.host);
  CHECK(d.value.port == "");
  CHECK(d.value.from == "");
  CHECK_FALSE(d.value.username);
  CHECK_FALSE(d.value.platform);
  CHECK(d.value.provider == "postmark");
}

TEST_CASE("a port arrives as its digits whether typed as a number or a string", "[decode]") {
  CHECK(decode_settings(R"({"port": 2525})").value.port == "2525");
  CHECK(decode_settings(R"({"port": "2525"})").value.port == "2525");
  CHECK(decode_settings(R"({"port": " 58 7 "})").value.port == " 58 7 ");
  CHECK(decode_settings(R"({"port": -25})").value.port == "-25");
  const decoded_settings wrong = decode_settings(R"({"port": true})");
  CHECK_FALSE(wrong.value.port);
  CHECK(has(wrong.findings, "settings.wrong_type"));
}

TEST_CASE("the security mode is read in any letter case with spaces around it", "[decode]") {
  CHECK(decode_settings(R"({"security": " STARTTLS\n"})").value.security ==
        security_mode::starttls);
  CHECK(decode_settings(R"({"security": "TLS"})").value.security == security_mode::tls);
  CHECK(decode_settings(R"({"security": "none"})").value.security == security_mode::none);
  const decoded_settings empty = decode_settings(R"({"security": ""})");
  CHECK(empty.value.security == security_mode::unspecified);
  CHECK(empty.findings.empty());
}

TEST_CASE("SSL, the usual name of implicit TLS, is read as tls with a note", "[decode]") {
  const decoded_settings d = decode_settings(R"({"security": "SSL"})");
  CHECK(d.value.security == security_mode::tls);
  const finding* f = first(d.findings, "security.synonym_read");
  REQUIRE(f != nullptr);
  CHECK(f->detail.find("implicit TLS") != std::string::npos);
  CHECK(f->evidence == "ssl");
  CHECK(first(d.findings, "security.invalid") == nullptr);
}

TEST_CASE("an unknown security word is reported and explained, and leaves the mode unset",
          "[decode]") {
  const decoded_settings d = decode_settings(R"({"security": "ftps-ish"})");
  CHECK(d.value.security == security_mode::unspecified);
  const finding* f = first(d.findings, "security.invalid");
  REQUIRE(f != nullptr);
  CHECK(f->detail.find("implicit TLS") != std::string::npos);
  CHECK(f->fix.find("\"starttls\"") != std::string::npos);
  CHECK(f->evidence == "ftps-ish");
}

TEST_CASE("malformed JSON reports the line and column", "[decode]") {
  const decoded_settings d = decode_settings(
      "{\n  \"host\": \"smtp.postmarkapp.com\",\n  \"port\": 587\n  \"security\": "
      "\"starttls\"\n}\n");
  CHECK_FALSE(d.usable);
  REQUIRE(d.findings.size() == 1);
  const finding& f = d.findings.front();
  CHECK(f.id == "settings.malformed_json");
  CHECK(f.evidence == "line 4, column 12");
  CHECK(f.detail.find("line 4, column 12") != std::string::npos);
  CHECK(f.fix.find("line 4, column 12") != std::string::npos);

  const decoded_settings trailing_comma = decode_settings("{\n  \"port\": 587,\n}");
  CHECK(trailing_comma.findings.front().evidence == "line 3, column 1");
  const decoded_settings js_literal = decode_settings("{ host: 'x' }");
  CHECK(js_literal.findings.front().evidence == "line 1, column 3");
}

TEST_CASE("the column of a malformed document counts characters, not bytes", "[decode]") {
  // "ü" is two bytes in UTF-8 but one column in an editor.
  const decoded_settings d = decode_settings(
      "{\"from\": \"j\xc3\xbcrgen@b\xc3\xbc"
      "cher.de\", \"port\": 58 7}");
  CHECK(d.findings.front().evidence == "line 1, column 41");
}

TEST_CASE("a malformed document never echoes what was read", "[decode][secrets]") {
  const std::string token = "11111111-2222-3333-4444-555555555555";
  for (const std::string& text :
       {"{\"password\": \"" + token + "; " + token + "\n", "{\"password\": \"" + token,
        "{\"password\": " + token + "}", "{\"" + token + "\" \"x\"}", "[\"" + token + "\" 1]",
        "{\"password\": \"" + token + "\\x\"}"}) {
    INFO(text);
    const decoded_settings d = decode_settings(text);
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings.front().id == "settings.malformed_json");
    CHECK_FALSE(mentions(d.findings.front(), "2222-3333"));
    CHECK_FALSE(mentions(d.findings.front(), "last read"));
  }
}

TEST_CASE("an empty or blank document says it is empty", "[decode]") {
  for (std::string_view text : {"", "   \n\t"}) {
    const decoded_settings d = decode_settings(text);
    CHECK_FALSE(d.usable);
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings.front().id == "settings.malformed_json");
    CHECK(d.findings.front().detail == "The settings document is empty.");
  }
}

TEST_CASE("a JSON array, string, number or null is not a settings object", "[decode]") {
  for (std::string_view text : {R"([{"host": "smtp.postmarkapp.com"}])",
                                R"("smtp.postmarkapp.com")", "587", "null", "true"}) {
    INFO(text);
    const decoded_settings d = decode_settings(text);
    CHECK_FALSE(d.usable);
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings.front().id == "settings.not_an_object");
  }
  CHECK(decode_settings("[]").findings.front().detail.find("an array") != std::string::npos);
}

TEST_CASE("a value of the wrong type is reported for its field and dropped", "[decode]") {
  const decoded_settings d = decode_settings(
      R"({"host": 587, "username": ["a"], "from": false, "verified_senders": {"a": 1},
          "platform": 5, "provider": 3})");
  CHECK(d.usable);
  CHECK_FALSE(d.value.host);
  CHECK_FALSE(d.value.username);
  CHECK_FALSE(d.value.from);
  CHECK(d.value.verified_senders.empty());
  CHECK_FALSE(d.value.platform);
  CHECK(d.value.provider == "postmark");
  std::vector<std::string> fields;
  for (const finding& f : d.findings) {
    CHECK(f.id == "settings.wrong_type");
    fields.push_back(f.field);
  }
  std::sort(fields.begin(), fields.end());
  CHECK(fields == std::vector<std::string>{"from", "host", "platform", "provider", "username",
                                           "verified_senders"});
}

TEST_CASE("an unknown field is ignored, with the setting it most likely meant", "[decode]") {
  const decoded_settings d =
      decode_settings(R"({"hots": "x", "user": "x", "encryption": "tls", "colour": "blue"})");
  CHECK(d.usable);
  REQUIRE(d.findings.size() == 4);
  for (const finding& f : d.findings) CHECK(f.id == "settings.unknown_field");
  auto fix_for = [&](std::string_view key) {
    for (const finding& f : d.findings) {
      if (f.evidence == key) return f.fix;
    }
    return std::string();
  };
  CHECK(fix_for("hots") == "Rename it to \"host\".");
  CHECK(fix_for("user") == "Rename it to \"username\".");
  CHECK(fix_for("encryption") == "Rename it to \"security\".");
  CHECK(fix_for("colour").find("check its spelling") != std::string::npos);
  const decoded_settings nested =
      decode_settings(R"({"platform": {"id": "django", "versoin": "5"}})");
  REQUIRE(nested.value.platform);
  CHECK(nested.value.platform->version.empty());
  CHECK(has(nested.findings, "settings.unknown_field"));
}

TEST_CASE("a string over 1 KiB is refused and never echoed", "[decode][secrets]") {
  const std::string long_token(max_string_bytes + 1, 'a');
  const decoded_settings d = decode_settings(R"({"password": ")" + long_token + R"("})");
  CHECK(d.usable);
  CHECK_FALSE(d.value.password);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings.front().id == "settings.value_too_long");
  CHECK(d.findings.front().field == "password");
  CHECK_FALSE(mentions(d.findings.front(), "aaaa"));
  const std::string exactly(max_string_bytes, 'a');
  CHECK(decode_settings(R"({"host": ")" + exactly + R"("})").value.host == exactly);
}

TEST_CASE("a document over 64 KiB is refused before it is parsed", "[decode]") {
  std::string padding = R"({"host": "smtp.postmarkapp.com", "notes": ")";
  const std::string end = "\"}";
  std::string at_limit =
      padding + std::string(max_document_bytes - padding.size() - end.size(), 'x') + end;
  REQUIRE(at_limit.size() == max_document_bytes);
  const decoded_settings read = decode_settings(at_limit);
  CHECK(read.usable);
  CHECK(read.value.host == "smtp.postmarkapp.com");

  const decoded_settings refused = decode_settings(at_limit + " ");
  CHECK_FALSE(refused.usable);
  REQUIRE(refused.findings.size() == 1);
  CHECK(refused.findings.front().id == "settings.too_large");
  CHECK(refused.findings.front().evidence == "more than 65536 bytes");
  // However much more was read, the finding is the same (the CLI stops at the limit).
  const decoded_settings much_larger = decode_settings(at_limit + std::string(1 << 20, ' '));
  REQUIRE(much_larger.findings.size() == 1);
  CHECK(much_larger.findings.front().detail == refused.findings.front().detail);
  CHECK(much_larger.findings.front().evidence == refused.findings.front().evidence);
}

TEST_CASE("a document of another schema is not read at all", "[decode]") {
  const decoded_settings d =
      decode_settings(R"({"schema": "smtpcheck/findings/v1", "findings": [], "host": "x"})");
  CHECK_FALSE(d.usable);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings.front().id == "settings.schema_unsupported");
  CHECK(d.findings.front().evidence == "smtpcheck/findings/v1");
  CHECK(decode_settings(R"({"schema": 1})").findings.front().id == "settings.schema_unsupported");
  CHECK(decode_settings(R"({"schema": "smtpcheck/settings/v1"})").findings.empty());
  CHECK(decode_settings(R"({"host": "x"})").usable);
}

TEST_CASE("verified senders may be one string separated by commas or semicolons", "[decode]") {
  const decoded_settings d =
      decode_settings(R"({"verified_senders": " @acme-widgets.com; billing@acme.io ,, acme.io "})");
  CHECK(d.value.verified_senders ==
        std::vector<std::string>{"@acme-widgets.com", "billing@acme.io", "acme.io"});
}

TEST_CASE("the platform may be an id alone or an object with a numeric version", "[decode]") {
  const decoded_settings shorthand = decode_settings(R"({"platform": "Django"})");
  REQUIRE(shorthand.value.platform);
  CHECK(shorthand.value.platform->id == "django");
  CHECK(shorthand.value.platform->version.empty());
  const decoded_settings numeric =
      decode_settings(R"({"platform": {"id": "javamail", "version": 17}})");
  REQUIRE(numeric.value.platform);
  CHECK(numeric.value.platform->version == "17");
}

TEST_CASE("an unknown provider is reported and nothing else is judged", "[decode][validate]") {
  const decoded_settings d =
      decode_settings(R"({"provider": "Acme-Relay", "host": "smtp.acme-relay.example"})");
  CHECK(d.value.provider == "acme-relay");
  const std::vector<finding> findings = validate(d.value);
  REQUIRE(findings.size() == 1);
  CHECK(findings.front().id == "settings.unknown_provider");
}

TEST_CASE("invalid UTF-8 inside a string is malformed JSON", "[decode]") {
  const decoded_settings d = decode_settings("{\"from\": \"caf\xe9@acme.com\"}");
  CHECK_FALSE(d.usable);
  CHECK(d.findings.front().id == "settings.malformed_json");
}

TEST_CASE("decoding never throws on odd input", "[decode][robust]") {
  std::vector<std::string> inputs = {
      std::string("\0\0\0", 3),
      "\xef\xbb\xbf{}",
      "\xff\xfe{\x00}",
      "{",
      "}",
      "{\"host\":",
      "{\"port\": 1e400}",
      "{\"port\": 18446744073709551616}",
      "{\"port\": -0.0}",
      "{\"port\": 587.5}",
      "{\"host\": \"\\ud800\"}",
      "{\"host\": \"\\u0000\"}",
      R"({"platform": {"id": null, "version": [1]}})",
      R"({"platform": {}})",
      R"({"verified_senders": [1, null, "a", {"b": 2}]})",
      R"({"verified_senders": ""})",
      R"({"security": null, "provider": ""})",
      "/* comment */ {}",
      "{} {}",
      "{\"a\":1,\"a\":2}",
      std::string(max_document_bytes + 10, '{'),
      std::string(20000, '[') + std::string(20000, ']'),
      "{\"x\": " + std::string(30000, '[') + std::string(30000, ']') + "}"};
  // A fixed pseudo-random byte soup, so a failure reproduces.
  std::uint32_t state = 12345;
  for (int n = 0; n < 200; ++n) {
    std::string soup;
    const int length = 1 + n % 97;
    for (int i = 0; i < length; ++i) {
      state = state * 1103515245u + 12345u;
      soup.push_back(
          static_cast<char>("{}[]\":,0123456789 \\\nabcdeftrulns\x80\xff"[(state >> 16) % 36]));
    }
    inputs.push_back(soup);
  }
  for (const std::string& text : inputs) {
    INFO(text.substr(0, 80));
    decoded_settings d;
    REQUIRE_NOTHROW(d = decode_settings(text));
    std::string document;
    REQUIRE_NOTHROW(document = check_settings_document(text));
    const auto parsed = nlohmann::json::parse(document, nullptr, false);
    REQUIRE_FALSE(parsed.is_discarded());
    CHECK(parsed["schema"] == "smtpcheck/findings/v1");
  }
}

TEST_CASE("the findings document is pretty JSON ending in one newline", "[decode]") {
  const std::string document = check_settings_document(R"({"host": "smtp.postmarkapp.com"})");
  REQUIRE_FALSE(document.empty());
  CHECK(document.back() == '\n');
  CHECK(document[document.size() - 2] != '\n');
  CHECK(document.rfind("{\n  \"schema\": \"smtpcheck/findings/v1\",", 0) == 0);
}

TEST_CASE("settings are written back without secrets unless asked", "[decode][secrets]") {
  const decoded_settings d = decode_settings(
      R"({"host": "smtp.postmarkapp.com", "port": "587", "security": "STARTTLS",
          "username": "00000000-0000-0000-0000-000000000000", "password": "secret-fake"})");
  const std::string without = encode_settings(d.value, false);
  CHECK(without.find("00000000-0000") == std::string::npos);
  CHECK(without.find("secret-fake") == std::string::npos);
  CHECK(without.find("\"port\": 587") != std::string::npos);
  CHECK(without.find("\"security\": \"starttls\"") != std::string::npos);
  const std::string with = encode_settings(d.value, true);
  CHECK(with.find("secret-fake") != std::string::npos);
  const decoded_settings again = decode_settings(with);
  CHECK(again.findings.empty());
  CHECK(again.value.password == "secret-fake");
}
