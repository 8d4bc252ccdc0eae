// The credential facts a link carries: support sees the customer's
// credential findings, and the link never holds the credentials.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "link/credential_code.h"
#include "rules/credential_facts.h"
#include "smtpcheck/link.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

// Obviously fake tokens: never a real one in a test.
const std::string token = "11111111-2222-3333-4444-555555555555";
const std::string other_token = "00000000-0000-0000-0000-000000000000";
const std::string access_key = "PM-T-test-access-key-fake";
const std::string secret_key = "fake-secret-key-for-tests-only";
const std::string zws = "\xe2\x80\x8b", nbsp = "\xc2\xa0";

settings with(std::optional<std::string> username, std::optional<std::string> password) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.security = security_mode::starttls;
  s.username = std::move(username);
  s.password = std::move(password);
  return s;
}

// Every credential the rules tell apart, by hygiene and by shape.
std::vector<std::optional<std::string>> credentials() {
  return {std::nullopt,
          "",
          token,
          other_token,
          token + "\n",
          " " + token,
          "\t" + token + "\r\n",
          "11111111-2222 3333-4444-555555555555",
          "\"" + token + "\"",
          "'" + token + "'",
          "`" + token + "`",
          token + zws,
          nbsp + token,
          token.substr(0, 30),
          token + "x",
          "jane@acme-widgets.com",
          access_key,
          access_key + "-other",
          secret_key,
          " " + secret_key,
          "${SMTP_TOKEN}",
          "{{ token }}",
          "undefined",
          "null",
          "None",
          "nil",
          "changeme",
          "<your token>",
          "your_postmark_token",
          "xxxxxx",
          "******",
          "....",
          "POSTMARK_API_TEST",
          " POSTMARK_API_TEST",
          "   "};
}

std::vector<std::string> credential_ids(const std::vector<finding>& findings) {
  std::vector<std::string> out;
  for (const finding& f : findings) {
    if (f.id.rfind("credentials.", 0) == 0) out.push_back(f.id + "@" + f.field);
  }
  return out;
}

rules::credential_facts observed(const settings& s) {
  return rules::observe_credentials(s, *find_provider("postmark"));
}

rules::credential_facts without_lengths(rules::credential_facts f) {
  f.username.lengths.reset();
  f.password.lengths.reset();
  return f;
}

}  // namespace

TEST_CASE("an opened link gives the same credential findings as the customer's own check",
          "[link][credentials]") {
  for (const auto& user : credentials()) {
    for (const auto& pass : credentials()) {
      if (!user && !pass) continue;  // no facts: the link says nothing about credentials
      const settings s = with(user, pass);
      INFO("username=[" << user.value_or("(none)") << "] password=[" << pass.value_or("(none)")
                        << "]");
      const made_link made = make_link(s);
      INFO(made.fragment);
      const parsed_link parsed = parse_link(made.fragment);
      CHECK(credential_ids(parsed.findings) == credential_ids(validate(s)));
    }
  }
}

TEST_CASE("the facts code reads back to the facts it was written from, without lengths",
          "[link][credentials]") {
  for (const auto& user : credentials()) {
    for (const auto& pass : credentials()) {
      const rules::credential_facts facts = observed(with(user, pass));
      const std::string code = link_codec::encode_credential_facts(facts);
      INFO(code);
      const auto decoded = link_codec::decode_credential_facts(code);
      REQUIRE(decoded);
      CHECK(*decoded == without_lengths(facts));
      CHECK(link_codec::encode_credential_facts(*decoded) == code);
    }
  }
}

TEST_CASE("the facts code says nothing about a token's length or characters",
          "[link][credentials]") {
  const auto code = [](const std::string& u, const std::string& p) {
    return link_codec::encode_credential_facts(observed(with(u, p)));
  };
  CHECK(code(token, token) == code(other_token, other_token));
  CHECK(code(token, token) == "2.utF.ptF.same");
  CHECK(code("a", "b") == code("someone-with-a-long-name", "hunter2hunter2hunter2"));
  CHECK(code(" " + token, token + "\n") == "2.utWs-0F.ptW-n1F.same");
  CHECK(code("jane@acme-widgets.com", token) == "2.ue.ptF");
}

TEST_CASE("credential findings from a link speak to support about the customer",
          "[link][credentials]") {
  const parsed_link parsed =
      parse_link(make_link(with("jane@acme-widgets.com", token + "\n")).fragment);
  REQUIRE(credential_ids(parsed.findings) ==
          std::vector<std::string>{"credentials.whitespace@password",
                                   "credentials.email_as_username@username"});
  for (const finding& f : parsed.findings) {
    if (f.id.rfind("credentials.", 0) != 0) continue;
    CHECK(f.detail.rfind("The customer's ", 0) == 0);
    CHECK(f.fix.rfind("Tell the customer: \"", 0) == 0);
    CHECK(f.set.empty());
    CHECK(f.evidence.find("length") == std::string::npos);
  }
  CHECK(parsed.findings.back().detail.find("e-mail address") != std::string::npos);
  CHECK(parsed.findings.front().detail.find("ends with a line break") != std::string::npos);
}

TEST_CASE("a link made without credentials, or by an older build, judges no credentials",
          "[link][credentials]") {
  for (const char* link : {"#v=1&host=smtp.postmarkapp.com&port=587",
                           "https://help.example.com/check#v=1&host=smtp.postmarkapp.com"}) {
    const parsed_link parsed = parse_link(link);
    CHECK(parsed.findings.empty());
    CHECK(parsed.credential_facts.empty());
    CHECK(parsed.dropped.empty());
  }
  CHECK(make_link(with(std::nullopt, std::nullopt)).fragment ==
        "#v=1&host=smtp.postmarkapp.com&port=587&security=starttls");
}

TEST_CASE("a facts code this build does not read is refused and judges nothing",
          "[link][credentials]") {
  for (const char* code : {"3.ut",
                           "1.utF",
                           "1.uoLsendgrid",
                           "2.uoFF",
                           "2.uoL",
                           "2.uoA",
                           "2.uoKresendLsendgrid",
                           "2.uoLsendgridLsendgrid",
                           "2.uoLsendgridFL",
                           "2.uo-",
                           "1.uZ",
                           "1.ut.ut",
                           "1.pt.ut",
                           "1.same",
                           "1.ut.same",
                           "1.utPvWs-0",
                           "1.utT",
                           "1.utWx-0",
                           "1..ut",
                           "1.ut.",
                           "x"}) {
    INFO(code);
    const parsed_link parsed =
        parse_link("#v=1&host=smtp.postmarkapp.com&facts=" + std::string(code));
    REQUIRE(parsed.findings.size() == 1);
    CHECK(parsed.findings[0].id == "link.invalid_value");
    CHECK(parsed.findings[0].evidence == "facts");
    CHECK(parsed.credential_facts.empty());
  }
}

TEST_CASE("a setting left out for holding a token is named when the link is opened",
          "[link][credentials]") {
  settings s = with(token, token);
  s.host = token;
  s.from = "billing@acme.com";
  const made_link made = make_link(s);
  CHECK(made.fragment ==
        "#v=1&port=587&security=starttls&from=billing@acme.com&dropped=host&facts=2.utF.ptF.same");
  const parsed_link parsed = parse_link(made.fragment);
  CHECK(parsed.dropped == std::vector<std::string>{"host"});
  REQUIRE(!parsed.findings.empty());
  CHECK(parsed.findings[0].id == "link.field_left_out");
  CHECK(parsed.findings[0].field == "host");
  CHECK(parsed.findings[0].severity == severity::warning);
  CHECK(link_fragment(parsed) == made.fragment);
}

TEST_CASE("a token a reader drops from a link is named in the dropped list", "[link]") {
  const parsed_link parsed = parse_link("#v=1&host=" + token + "&from=PM-T-abcdef&port=587");
  CHECK(parsed.dropped == std::vector<std::string>{"host", "from"});
  CHECK(link_fragment(parsed) == "#v=1&port=587&dropped=host,from");
}

TEST_CASE("the dropped list names only the link's settings", "[link]") {
  for (const char* list : {"v", "facts", "dropped", "password", "host,nope"}) {
    INFO(list);
    const parsed_link parsed = parse_link("#v=1&dropped=" + std::string(list));
    REQUIRE(parsed.findings.size() == 1);
    CHECK(parsed.findings[0].id == "link.invalid_value");
    CHECK(parsed.dropped.empty());
  }
}

namespace {

// Obviously fake keys in each provider's documented shape.
const std::string resend_key = "re_fake_key_for_tests_only";

// The hosts of providers whose logins differ, and the credentials that tell
// their schemes apart.
std::vector<std::string> provider_hosts() {
  return {"smtp.postmarkapp.com", "smtp.sendgrid.net",    "smtp.resend.com",
          "smtp.mailgun.org",     "smtp-relay.brevo.com", "email-smtp.eu-west-1.amazonaws.com"};
}

std::vector<std::optional<std::string>> provider_credentials() {
  return {std::nullopt,
          "",
          token,
          "apikey",
          "resend",
          " apikey",
          "${SMTP_USER}",
          resend_key,
          "\"" + resend_key + "\"",
          access_key,
          "jane@acme-widgets.com",
          "postmaster@mg.acme-widgets.com",
          "AKIAFAKEFORTESTSONLY",
          secret_key,
          "changeme"};
}

}  // namespace

TEST_CASE("each provider's login findings are the same from an opened link",
          "[link][credentials][providers]") {
  for (const std::string& host : provider_hosts()) {
    for (const auto& user : provider_credentials()) {
      for (const auto& pass : provider_credentials()) {
        if (!user && !pass) continue;
        settings s = with(user, pass);
        s.host = host;
        detect_provider(s);
        INFO(host << " username=[" << user.value_or("(none)") << "] password=["
                  << pass.value_or("(none)") << "]");
        const made_link made = make_link(s);
        INFO(made.fragment);
        const parsed_link parsed = parse_link(made.fragment);
        CHECK(parsed.value.provider == s.provider);
        CHECK(credential_ids(parsed.findings) == credential_ids(validate(s)));
      }
    }
  }
}

TEST_CASE("a provider's login facts read back as written, and name providers, not values",
          "[link][credentials][providers]") {
  settings sendgrid = with("apikey", resend_key);
  sendgrid.host = "smtp.sendgrid.net";
  detect_provider(sendgrid);
  const auto facts = rules::observe_credentials(sendgrid, *find_provider(sendgrid.provider));
  const std::string code = link_codec::encode_credential_facts(facts);
  CHECK(code == "2.uoFLsendgrid.poFKresend");
  const auto decoded = link_codec::decode_credential_facts(code);
  REQUIRE(decoded);
  CHECK(*decoded == without_lengths(facts));
  CHECK(code.find(resend_key) == std::string::npos);
  // SendGrid's username on Postmark's host: a leftover of a move, in the link too.
  const parsed_link parsed = parse_link(make_link(with("apikey", token)).fragment);
  CHECK(credential_ids(parsed.findings) ==
        std::vector<std::string>{"credentials.other_provider@username"});
}

TEST_CASE("a version 1 facts code still reads, judges no provider scheme, and stays version 1",
          "[link][credentials][providers]") {
  const parsed_link postmark =
      parse_link("#v=1&host=smtp.postmarkapp.com&port=587&facts=1.ut.pt.same");
  CHECK(credential_ids(postmark.findings) == std::vector<std::string>{"credentials.ok@"});
  CHECK(postmark.credential_facts == "1.ut.pt.same");
  CHECK(link_fragment(postmark).find("facts=1.ut.pt.same") != std::string::npos);
  // SendGrid's scheme needs the provider facts a version 1 code lacks.
  const parsed_link sendgrid = parse_link("#v=1&host=smtp.sendgrid.net&facts=1.uoWs-0.po");
  CHECK(credential_ids(sendgrid.findings) ==
        std::vector<std::string>{"credentials.whitespace@username"});
}

TEST_CASE("a facts code skips a provider id this build has no profile for",
          "[link][credentials][providers]") {
  const auto decoded = link_codec::decode_credential_facts("2.uoLnewprovLsendgrid.po");
  REQUIRE(decoded);
  CHECK(decoded->username.fixed_username_of == std::vector<std::string_view>{"sendgrid"});
  CHECK(link_codec::encode_credential_facts(*decoded) == "2.uoLsendgrid.po");
  // Every provider id of this build is one the code can carry ("amazon-ses").
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    const auto one = link_codec::decode_credential_facts("2.uoK" + std::string(p->id));
    REQUIRE(one);
    CHECK(one->username.key_of == std::vector<std::string_view>{p->id});
  }
}

TEST_CASE("a link names its provider when the host would say another one", "[link][providers]") {
  settings s = with(token, token);
  s.host = "smtp.sendgrid.net";
  s.provider = "postmark";  // named by the document, not read from the host
  const parsed_link parsed = parse_link(make_link(s).fragment);
  CHECK(parsed.value.provider == "postmark");
  CHECK(credential_ids(parsed.findings) == credential_ids(validate(s)));
}

TEST_CASE("a facts value that looks like a token is dropped without joining the dropped list",
          "[link]") {
  // Found by fuzz.link_decode: the rewritten link named `facts` as a dropped
  // setting, which the reader then refused, losing the whole list.
  const parsed_link parsed =
      parse_link("#v=1&dropped=from&facts=password%3D2f5c2o*n1QdNT1&port=587");
  CHECK(parsed.dropped == std::vector<std::string>{"from"});
  const parsed_link again = parse_link(link_fragment(parsed));
  CHECK(again.dropped == std::vector<std::string>{"from"});
}
