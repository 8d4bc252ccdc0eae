#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "link/clean_text.h"
#include "link/percent_encoding.h"
#include "link/secret_shape.h"
#include "smtpcheck/json.h"
#include "smtpcheck/link.h"

using namespace smtpcheck;
using link_codec::percent_encode;

namespace {

bool same_settings(const settings& a, const settings& b) {
  const bool same_platform = a.platform.has_value() == b.platform.has_value() &&
                             (!a.platform || (a.platform->id == b.platform->id &&
                                              a.platform->version == b.platform->version));
  return a.host == b.host && a.port == b.port && a.security == b.security && a.from == b.from &&
         a.verified_senders == b.verified_senders && same_platform && a.provider == b.provider;
}

settings without_secrets(settings s) {
  s.username.reset();
  s.password.reset();
  return s;
}

std::vector<std::string> ids(const std::vector<finding>& findings) {
  std::vector<std::string> out;
  for (const finding& f : findings) out.push_back(f.id);
  return out;
}

bool has_id(const std::vector<finding>& findings, std::string_view id) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const finding& f) { return f.id == id; });
}

std::string all_text(const std::vector<finding>& findings) {
  std::string out;
  for (const finding& f : findings) {
    out += f.id + "\n" + f.field + "\n" + f.title + "\n" + f.detail + "\n" + f.fix + "\n" +
           f.evidence + "\n";
  }
  return out;
}

std::string all_text(const settings& s) {
  std::string out = s.host.value_or("") + "\n" + s.port.value_or("") + "\n" + s.from.value_or("") +
                    "\n" + s.provider + "\n";
  for (const std::string& v : s.verified_senders) out += v + "\n";
  if (s.platform) out += s.platform->id + "\n" + s.platform->version + "\n";
  return out;
}

// Every form a secret could take in an output: as is, percent-encoded, and
// JSON-escaped.
void require_absent(const std::string& haystack, const std::string& secret) {
  INFO("secret: " << secret);
  CHECK(haystack.find(secret) == std::string::npos);
  CHECK(haystack.find(percent_encode(secret)) == std::string::npos);
  const std::string escaped = nlohmann::json(secret).dump();
  CHECK(haystack.find(escaped.substr(1, escaped.size() - 2)) == std::string::npos);
}

std::string random_hex(std::mt19937& rng, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += digits[rng() % 16];
  return out;
}

std::string random_uuid(std::mt19937& rng) {
  return random_hex(rng, 8) + "-" + random_hex(rng, 4) + "-" + random_hex(rng, 4) + "-" +
         random_hex(rng, 4) + "-" + random_hex(rng, 12);
}

std::string random_base64(std::mt19937& rng, std::size_t n) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out = "aZ9";  // one of each class, so every draw is a real base64 token
  for (std::size_t i = 3; i < n; ++i) out += alphabet[rng() % 64];
  return out;
}

// Tokens shaped like credentials: any field must refuse them.
std::vector<std::string> token_shaped_secrets() {
  std::mt19937 rng(20240611);
  std::vector<std::string> out;
  for (int i = 0; i < 40; ++i) {
    std::string uuid = random_uuid(rng);
    out.push_back(uuid);
    std::transform(uuid.begin(), uuid.end(), uuid.begin(), [](char c) {
      return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    });
    out.push_back(uuid);
    out.push_back("PM-T-" + random_base64(rng, 12 + rng() % 30));
    out.push_back("pm-t-" + random_hex(rng, 20));
    out.push_back(random_base64(rng, 32 + rng() % 40));
    out.push_back("1a" + random_hex(rng, 30 + rng() % 40));
  }
  return out;
}

// Passwords of any shape: only the username and password fields hold them.
std::vector<std::string> free_form_secrets() {
  std::vector<std::string> out = token_shaped_secrets();
  for (const char* s :
       {"hunter2&x=1", "p#ss=w%rd", "a%25b%2", "naïve-pässwörd-ü", "пароль&секрет", "🔑key🔑",
        "with space and , comma", "quote\"back\\slash", "=&#%", " leading-and-trailing "}) {
    out.emplace_back(s);
  }
  return out;
}

std::vector<settings> sample_settings() {
  std::vector<settings> out;
  settings full;
  full.host = "smtp.postmarkapp.com";
  full.port = "587";
  full.security = security_mode::starttls;
  full.from = "billing@acme.com";
  full.verified_senders = {"acme.com", "support@acme.com"};
  full.platform = platform_ref{"nodemailer", "18.19"};
  out.push_back(full);

  out.emplace_back();  // nothing at all

  settings odd;
  odd.host = " smtp.postmarkapp.com. ";
  odd.port = "2525";
  odd.security = security_mode::tls;
  odd.from = "\"Billing, Acme\" <billing@acme.com>";
  odd.verified_senders = {"a,b@acme.com", "", "x&y=z#w%20@acme.com", "üñí@cødé.example"};
  out.push_back(odd);

  settings empty_values;
  empty_values.host = "";
  empty_values.from = "";
  empty_values.security = security_mode::none;
  empty_values.port = "25";
  out.push_back(empty_values);

  settings hostile;
  hostile.host = "smtp.pоstmarkapp.com";  // a Cyrillic о
  hostile.from = "<script>alert(document.cookie)</script>";
  hostile.verified_senders = {"<img src=x onerror=alert(1)>"};
  hostile.platform = platform_ref{"dotnet-smtpclient", "4.5 (old) + patch"};
  out.push_back(hostile);

  settings ports;
  ports.port = "65535";
  ports.platform = platform_ref{"phpmailer", ""};
  ports.provider = "postmark";
  out.push_back(ports);

  for (const char* host :
       {"smtp-broadcasts.postmarkapp.com", "smtp.postmark.com", "https://smtp.postmarkapp.com:587/",
        "[smtp.postmarkapp.com]", "1.2.3.4", "smtp.postmarkapp.com:587"}) {
    settings s;
    s.host = host;
    s.port = "1";
    out.push_back(s);
  }
  return out;
}

}  // namespace

TEST_CASE("a made link never contains the password, whatever it is", "[link]") {
  for (const std::string& secret : free_form_secrets()) {
    settings s;
    s.host = "smtp.postmarkapp.com";
    s.port = "587";
    s.username = secret;
    s.password = secret;
    const made_link made = make_link(s);
    require_absent(made.fragment, secret);
    require_absent(all_text(made.findings), secret);
    CHECK(has_id(made.findings, "link.secret_not_included"));
    // Only the facts about the credentials follow the settings: letters, digits, '.' and '-'.
    const std::string settings_part = "#v=1&host=smtp.postmarkapp.com&port=587&facts=";
    REQUIRE(made.fragment.rfind(settings_part, 0) == 0);
    const std::string code = made.fragment.substr(settings_part.size());
    CHECK(code.find_first_not_of(
              "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-") ==
          std::string::npos);
    CHECK(code.size() < 40);
  }
}

TEST_CASE("a made link says the token is typed by the customer only when one was given", "[link]") {
  settings s;
  s.host = "smtp.postmarkapp.com";
  CHECK_FALSE(has_id(make_link(s).findings, "link.secret_not_included"));
  s.username = "";
  s.password = "";
  CHECK_FALSE(has_id(make_link(s).findings, "link.secret_not_included"));
  s.username = "someone";
  const made_link made = make_link(s);
  REQUIRE(made.findings.size() == 1);
  CHECK(made.findings[0].id == "link.secret_not_included");
  CHECK(made.findings[0].severity == severity::info);
  CHECK(made.findings[0].field == "username");
}

TEST_CASE("settings survive a round trip through a link, without username and password", "[link]") {
  for (settings s : sample_settings()) {
    s.username = "PM-T-shouldneverappear";
    s.password = "0f3c2a1b-1111-4222-8333-944455556666";
    const made_link made = make_link(s);
    INFO(made.fragment);
    const parsed_link parsed = parse_link(made.fragment);
    // A link with no settings at all says so; any other reads back with
    // nothing to say about the link itself (the credential findings are the
    // customer's, judged from the link's facts).
    std::vector<std::string> link_ids;
    for (const std::string& id : ids(parsed.findings)) {
      if (id.rfind("credentials.", 0) != 0) link_ids.push_back(id);
    }
    if (made.fragment == "#v=1")
      CHECK(link_ids == std::vector<std::string>{"link.empty"});
    else
      CHECK(link_ids.empty());
    CHECK(same_settings(parsed.value, without_secrets(s)));
    CHECK(link_fragment(parsed) == made.fragment);
  }
}

TEST_CASE("a token pasted into any field is left out of the made link and reported", "[link]") {
  for (const std::string& token : token_shaped_secrets()) {
    settings s;
    s.host = token;
    s.port = "587";
    s.from = token;
    s.verified_senders = {"acme.com", token};
    s.platform = platform_ref{"nodemailer", token};
    const made_link made = make_link(s);
    require_absent(made.fragment, token);
    require_absent(all_text(made.findings), token);
    CHECK(made.fragment ==
          "#v=1&port=587&platform=nodemailer&dropped=host,from,senders,platform_version");
    const std::vector<std::string> found = ids(made.findings);
    CHECK(std::count(found.begin(), found.end(), "link.secret_dropped") == 4);
    for (const finding& f : made.findings) CHECK(f.severity == severity::warning);
  }
}

TEST_CASE("no generated token ever appears in anything read from a link", "[link]") {
  for (const std::string& secret : free_form_secrets()) {
    const std::string enc = percent_encode(secret);
    std::vector<std::string> links = {
        "#v=1&host=smtp.postmarkapp.com&password=" + enc,
        "#v=1&PassWord=" + enc + "&token=" + enc + "&api_key=" + enc + "&user=" + enc,
        "#v=1&credentials=" + secret,
        "#v=1&secret=" + enc + "&secret=" + enc,
    };
    const bool token_shaped = link_codec::looks_like_secret(secret);
    if (token_shaped) {
      for (const char* name : {"host", "port", "security", "from", "platform", "platform_version",
                               "provider", "v2", "note"}) {
        links.push_back("#v=1&" + std::string(name) + "=" + enc);
        links.push_back("#v=1&" + std::string(name) + "=" + secret);
        links.push_back("#v=1&" + std::string(name) + "=x%G1" + enc);
      }
      links.push_back("#v=1&senders=acme.com," + enc + ",ops@acme.com");
      links.push_back("#v=1&host=smtp.postmarkapp.com&host=" + enc);
      links.push_back("#v=1&" + enc + "=1");
      links.push_back("#v=1&" + secret + "=1");
      links.push_back("#v=" + enc + "&host=smtp.postmarkapp.com");
      links.push_back("https://help.example.com/?token=" + enc + "#v=1&from=" + enc);
    }
    for (const std::string& link : links) {
      INFO(link);
      const parsed_link parsed = parse_link(link);
      require_absent(all_text(parsed.value), secret);
      require_absent(all_text(parsed.findings), secret);
      require_absent(parse_link_document(link), secret);
      CHECK_FALSE(parsed.value.username.has_value());
      CHECK_FALSE(parsed.value.password.has_value());
    }
  }
}

TEST_CASE("a credential found in a link is dropped with a warning and the customer told to type it",
          "[link]") {
  const parsed_link parsed =
      parse_link("#v=1&host=smtp.postmarkapp.com&PASSWORD=hunter2&from=PM-T-abcdef");
  CHECK(parsed.value.host == "smtp.postmarkapp.com");
  CHECK_FALSE(parsed.value.from.has_value());
  CHECK(ids(parsed.findings) == std::vector<std::string>{"link.secret_dropped",
                                                         "link.secret_dropped",
                                                         "link.secret_not_included"});
  CHECK(parsed.findings[0].field == "password");
  CHECK(parsed.findings[0].evidence == "PASSWORD");
  CHECK(parsed.findings[1].field == "from");
  CHECK(parsed.findings[1].evidence == "from");
}

TEST_CASE("made links are deterministic and use uppercase escapes in the documented order",
          "[link]") {
  settings a;
  a.provider = "postmark";
  a.platform = platform_ref{"mailkit", "4.3"};
  a.verified_senders = {"x y@acme.com", "acme.com"};
  a.from = "Ann+tag@acme.com";
  a.security = security_mode::starttls;
  a.port = "2525";
  a.host = "smtp.postmarkapp.com";
  settings b = a;
  b.username = "different";
  const std::string expected =
      "#v=1&host=smtp.postmarkapp.com&port=2525&security=starttls&from=Ann%2Btag@acme.com"
      "&senders=x%20y@acme.com,acme.com&platform=mailkit&platform_version=4.3";
  CHECK(make_link(a).fragment == expected);
  CHECK(make_link(a).fragment == make_link(a).fragment);
  CHECK(make_link(b).fragment == expected + "&facts=2.uo");
  CHECK(make_link_document(encode_settings(a, true)) ==
        make_link_document(encode_settings(a, true)));
}

TEST_CASE("percent-encoding keeps unreserved characters, '@' and ':' and encodes every other byte",
          "[link]") {
  CHECK(percent_encode("AZaz09-._~@:") == "AZaz09-._~@:");
  CHECK(percent_encode(" !\"#$%&'()*+,/;=?[]") ==
        "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3B%3D%3F%5B%5D");
  CHECK(percent_encode("é") == "%C3%A9");
  CHECK(percent_encode(std::string("\0\xff", 2)) == "%00%FF");
}

TEST_CASE("percent-decoding reads either case and refuses a bad or cut-off escape", "[link]") {
  using link_codec::percent_decode;
  CHECK(percent_decode("%3c%3C%25%2525") == "<<%%25");
  CHECK(percent_decode("a+b") == "a+b");
  CHECK_FALSE(percent_decode("%G1").has_value());
  CHECK_FALSE(percent_decode("%").has_value());
  CHECK_FALSE(percent_decode("ab%2").has_value());
  CHECK_FALSE(percent_decode("%%41").has_value());
}

TEST_CASE("lenient decoding decodes good escapes and keeps a bad '%' as it is", "[link]") {
  using link_codec::percent_decode_lenient;
  CHECK(percent_decode_lenient("a%3Db%G1c%2") == "a=b%G1c%2");
  CHECK(percent_decode_lenient("%2525") == "%25");
}

TEST_CASE("an escape's hex digits never make the writer's own output look like a token", "[link]") {
  // Found by fuzz_link_decode: '=' is written "%3D", and "3D" next to 30 hex
  // digits and dashes made 32, a hex token, when the raw text was searched.
  const parsed_link first = parse_link("#v=1&host=smd=0f5c2a1e-8b7d-4c4a-9e21-6d5f4b3a2c");
  REQUIRE(first.value.host == "smd=0f5c2a1e-8b7d-4c4a-9e21-6d5f4b3a2c");
  const made_link made = make_link(first.value);
  CHECK(made.fragment == "#v=1&host=smd%3D0f5c2a1e-8b7d-4c4a-9e21-6d5f4b3a2c");
  const parsed_link second = parse_link(made.fragment);
  CHECK(second.findings.empty());
  CHECK(second.value.host == first.value.host);
}

TEST_CASE("decoded text with controls or bad UTF-8 is refused", "[link]") {
  using link_codec::find_text_fault;
  using link_codec::text_fault;
  CHECK(find_text_fault("smtp.postmarkapp.com") == text_fault::none);
  CHECK(find_text_fault("ana@café.example 🔑") == text_fault::none);
  CHECK(find_text_fault(std::string("a\0b", 3)) == text_fault::control_character);
  CHECK(find_text_fault("a\r\nb") == text_fault::control_character);
  CHECK(find_text_fault("a\x7f") == text_fault::control_character);
  CHECK(find_text_fault("a\xc2\x85") == text_fault::control_character);    // U+0085
  CHECK(find_text_fault("\xc0\xaf") == text_fault::invalid_utf8);          // overlong '/'
  CHECK(find_text_fault("\xed\xa0\x80") == text_fault::invalid_utf8);      // a surrogate
  CHECK(find_text_fault("\xf4\x90\x80\x80") == text_fault::invalid_utf8);  // above U+10FFFF
  CHECK(find_text_fault("\xe2\x82") == text_fault::invalid_utf8);          // cut short
  CHECK(find_text_fault("\xff") == text_fault::invalid_utf8);
}

TEST_CASE("token shapes are recognised and ordinary settings are not", "[link]") {
  using link_codec::looks_like_secret;
  for (const char* secret :
       {"3f2a9c4e-8b1d-4e7a-9c2f-5d6e7f8a9b0c", "x3f2a9c4e-8b1d-4e7a-9c2f-5d6e7f8a9b0cx",
        "PM-T-abc", "Bearer pm-t-xyz", "3f2a9c4e8b1d4e7a9c2f5d6e7f8a9b0c",
        "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RF"}) {
    INFO(secret);
    CHECK(looks_like_secret(secret));
  }
  for (const char* plain : {"smtp.postmarkapp.com", "smtp-broadcasts.postmarkapp.com",
                            "billing@acme.com", "587", "starttls", "nodemailer", "18.19",
                            "postmark", "", "a-very-long-but-ordinary-host-label-name.example.com",
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@acme.com", "PM-X-abc"}) {
    INFO(plain);
    CHECK_FALSE(looks_like_secret(plain));
  }
  CHECK(link_codec::is_secret_parameter_name("Api_Key"));
  CHECK(link_codec::is_secret_parameter_name("smtp_password"));
  CHECK_FALSE(link_codec::is_secret_parameter_name("host"));
  CHECK_FALSE(link_codec::is_secret_parameter_name("senders"));
}

TEST_CASE("a fragment, a bare fragment and a whole URL read the same", "[link]") {
  const std::string params = "v=1&host=smtp.postmarkapp.com&port=587";
  const settings expected = parse_link("#" + params).value;
  REQUIRE(expected.host == "smtp.postmarkapp.com");
  for (const std::string& form :
       {params, "https://help.example.com/smtp?a=b#" + params,
        "  help.example.com/smtp#" + params + "\n", "http://x/#" + params}) {
    INFO(form);
    const parsed_link parsed = parse_link(form);
    CHECK(same_settings(parsed.value, expected));
  }
  const parsed_link tail = parse_link("#" + params + "#tail");
  CHECK_FALSE(tail.value.port.has_value());  // "587#tail" is not a port
  CHECK(has_id(tail.findings, "link.invalid_value"));
}

TEST_CASE("a URL without a fragment and an empty link carry no settings", "[link]") {
  for (const char* link : {"https://help.example.com/smtp?v=1&host=smtp.postmarkapp.com",
                           "help.example.com/smtp", "", "#", "   ", "#&&", "#v=1"}) {
    INFO(link);
    const parsed_link parsed = parse_link(link);
    CHECK(ids(parsed.findings) == std::vector<std::string>{"link.empty"});
    CHECK(same_settings(parsed.value, settings{}));
  }
}

TEST_CASE("a version other than 1, or none, means nothing is read", "[link]") {
  for (const char* link : {"#v=2&host=a", "#v=&host=a", "#v&host=a", "#v=01&host=a",
                           "#v=%31x&host=a", "#V=1&host=a", "#host=a", "#v=%G1&host=a"}) {
    INFO(link);
    const parsed_link parsed = parse_link(link);
    REQUIRE(parsed.findings.size() == 1);
    CHECK((parsed.findings[0].id == "link.version_missing" ||
           parsed.findings[0].id == "link.version_unsupported"));
    CHECK(parsed.findings[0].severity == severity::error);
    CHECK_FALSE(parsed.value.host.has_value());
  }
  CHECK(parse_link("#%76=%31&host=a").value.host == "a");
}

TEST_CASE("a link over the size limit is refused whole, one at the limit is read", "[link]") {
  const std::string head = "v=1&host=smtp.postmarkapp.com&from=";
  // Many short senders: one 4000-byte value would be over max_string_bytes.
  std::string at_limit = head + "x@acme.com&senders=";
  while (at_limit.size() + 13 <= max_link_bytes) at_limit += "abcdefgh.com,";
  at_limit += std::string(max_link_bytes - at_limit.size(), 'z');
  REQUIRE(at_limit.size() == max_link_bytes);
  const parsed_link ok = parse_link("#" + at_limit);
  CHECK_FALSE(has_id(ok.findings, "link.too_long"));
  CHECK(ok.value.host == "smtp.postmarkapp.com");

  const parsed_link over = parse_link("#" + at_limit + "z");
  CHECK(ids(over.findings) == std::vector<std::string>{"link.too_long"});
  CHECK_FALSE(over.value.host.has_value());
}

TEST_CASE("a made link is never longer than the reader accepts", "[link]") {
  settings s;
  s.host = "smtp.postmarkapp.com";
  for (int i = 0; i < 400; ++i)
    s.verified_senders.push_back("team" + std::to_string(i) + "@acme.com");
  made_link made = make_link(s);
  CHECK(made.fragment == "#v=1&host=smtp.postmarkapp.com");
  CHECK(ids(made.findings) == std::vector<std::string>{"link.too_long"});
  CHECK(made.findings[0].field == "verified_senders");

  settings huge;
  huge.host = std::string(1000, 'h');
  huge.from = std::string(1000, '<');
  huge.platform = platform_ref{"nodemailer", std::string(1000, '>')};
  made = make_link(huge);
  CHECK(made.fragment == "#v=1");
  CHECK(has_id(made.findings, "link.too_long"));
}

TEST_CASE("a made link leaves out values the reader would refuse", "[link]") {
  settings s;
  s.host = std::string("smtp\0.postmarkapp.com", 21);
  s.port = "58 7";
  s.from = "bad\xff@acme.com";
  s.verified_senders = {"acme.com", std::string(max_string_bytes + 1, 'a')};
  s.platform = platform_ref{"outlook", "16"};
  s.provider = "acme-relay";
  const made_link made = make_link(s);
  CHECK(made.fragment == "#v=1");
  for (const finding& f : made.findings) CHECK(f.id == "link.invalid_value");
  CHECK(made.findings.size() == 7);
  CHECK(parse_link(made.fragment).findings.size() == 1);  // only link.empty
}

TEST_CASE("bad percent-encoding drops only that parameter and names it", "[link]") {
  const parsed_link parsed =
      parse_link("#v=1&host=smtp%G1.postmarkapp.com&port=587&from=a@b.com%2");
  CHECK(parsed.value.port == "587");
  CHECK_FALSE(parsed.value.host.has_value());
  CHECK_FALSE(parsed.value.from.has_value());
  REQUIRE(parsed.findings.size() == 2);
  CHECK(parsed.findings[0].id == "link.malformed");
  CHECK(parsed.findings[0].field == "host");
  CHECK(parsed.findings[0].evidence == "host");
  CHECK(parsed.findings[1].field == "from");
}

TEST_CASE("the first of two equal parameters wins", "[link]") {
  const parsed_link parsed = parse_link(
      "#v=1&port=587&host=smtp.postmarkapp.com&port=25&host=evil.example&senders=a.com&senders=b."
      "com");
  CHECK(parsed.value.port == "587");
  CHECK(parsed.value.host == "smtp.postmarkapp.com");
  CHECK(parsed.value.verified_senders == std::vector<std::string>{"a.com"});
  CHECK(ids(parsed.findings) == std::vector<std::string>{"link.duplicate_parameter",
                                                         "link.duplicate_parameter",
                                                         "link.duplicate_parameter"});
  CHECK(parsed.findings[2].field == "verified_senders");
}

TEST_CASE("an unknown parameter is named, at most 64 bytes of it, and its value never shown",
          "[link]") {
  const std::string name(200, 'n');
  const parsed_link parsed = parse_link("#v=1&" + name + "=visible-value&debug");
  REQUIRE(parsed.findings.size() == 2);
  CHECK(parsed.findings[0].id == "link.unknown_parameter");
  CHECK(parsed.findings[0].severity == severity::info);
  CHECK(parsed.findings[0].evidence == std::string(64, 'n'));
  CHECK(all_text(parsed.findings).find("visible-value") == std::string::npos);
  // A multi-byte name is cut on a character boundary.
  const parsed_link unicode = parse_link("#v=1&" + std::string(63, 'x') + "é=1");
  CHECK(unicode.findings.at(0).evidence == std::string(63, 'x'));
}

TEST_CASE("an invalid value is dropped and never shown", "[link]") {
  for (const char* link :
       {"#v=1&port=0", "#v=1&port=65536", "#v=1&port=587.0", "#v=1&port=%2B587",
        "#v=1&port=", "#v=1&security=ssl", "#v=1&security=", "#v=1&platform=Outlook",
        "#v=1&provider=acme-relay", "#v=1&platform_version=4.8"}) {
    INFO(link);
    const parsed_link parsed = parse_link(link);
    REQUIRE(parsed.findings.size() == 1);
    CHECK(parsed.findings[0].id == "link.invalid_value");
    CHECK(same_settings(parsed.value, settings{}));
    const std::string value = std::string(link).substr(std::string(link).find('=', 4) + 1);
    if (value.size() > 2) CHECK(parsed.findings[0].evidence.find(value) == std::string::npos);
  }
  CHECK(parse_link("#v=1&port=00587").value.port == "00587");
}

TEST_CASE("script in a value is kept as data, decoded verbatim", "[link]") {
  const parsed_link parsed = parse_link("#v=1&from=<script>alert(1)</script>&host=%3Cb%3E");
  CHECK(parsed.findings.empty());
  CHECK(parsed.value.from == "<script>alert(1)</script>");
  CHECK(parsed.value.host == "<b>");
  CHECK(make_link(parsed.value).fragment ==
        "#v=1&host=%3Cb%3E&from=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
}

TEST_CASE("any bytes read as a link never throw and read back to themselves", "[link]") {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"#",
                                           "v=1",
                                           "&",
                                           "=",
                                           "%",
                                           "%2",
                                           "%G",
                                           "%00",
                                           "%C3",
                                           "%A9",
                                           "%E2%82",
                                           "host",
                                           "port",
                                           "from",
                                           "senders",
                                           "platform",
                                           "nodemailer",
                                           "platform_version",
                                           "provider",
                                           "postmark",
                                           "security",
                                           "starttls",
                                           ",",
                                           "587",
                                           "a",
                                           "@",
                                           ":",
                                           "/",
                                           "?",
                                           " ",
                                           "\n",
                                           std::string(1, '\0'),
                                           "\xff",
                                           "é",
                                           "password",
                                           "PM-T-",
                                           "3f2a9c4e-8b1d-4e7a-9c2f-5d6e7f8a9b0c",
                                           "https://x/",
                                           "<script>",
                                           "+"};
  for (int round = 0; round < 20000; ++round) {
    std::string link;
    const std::size_t n = rng() % 24;
    for (std::size_t i = 0; i < n; ++i) link += pieces[rng() % pieces.size()];
    if (round % 5 == 0) link = "#v=1&" + link;
    INFO(nlohmann::json(link).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
    parsed_link parsed;
    REQUIRE_NOTHROW(parsed = parse_link(link));
    REQUIRE_NOTHROW(parse_link_document(link));
    const made_link made = make_link(parsed.value);
    CHECK(made.findings.empty());
    const parsed_link again = parse_link(made.fragment);
    CHECK(same_settings(again.value, parsed.value));
    for (const finding& f : again.findings) CHECK(f.id == "link.empty");
  }
}
