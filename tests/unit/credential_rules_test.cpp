// Credential rules: the token's shape and hygiene, and never the token itself.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>
#include "finding_queries.h"

#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

// Obviously fake tokens: never a real one in a test.
const std::string token = "11111111-2222-3333-4444-555555555555";
const std::string other_token = "00000000-0000-0000-0000-000000000000";
const std::string access_key = "PM-T-test-access-key-fake";
const std::string secret_key = "fake-secret-key-for-tests-only";

settings with(std::optional<std::string> username, std::optional<std::string> password,
              std::string platform = {}) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.security = security_mode::starttls;
  s.username = std::move(username);
  s.password = std::move(password);
  if (!platform.empty()) s.platform = platform_ref{platform, ""};
  return s;
}

std::vector<finding> credential_findings(const settings& s) {
  std::vector<finding> out;
  for (finding& f : validate(s)) {
    if (f.id.rfind("credentials.", 0) == 0) out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> ids(const settings& s) {
  std::vector<std::string> out;
  for (const finding& f : credential_findings(s)) out.push_back(f.id + "@" + f.field);
  return out;
}

std::optional<finding> first(const settings& s, std::string_view id) {
  return testing::first_with_id(credential_findings(s), id);
}

}  // namespace

TEST_CASE("a token is never echoed in any finding", "[rules][credentials][secrets]") {
  const std::string zws = "\xe2\x80\x8b", nbsp = "\xc2\xa0";
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {token, token},
      {token, token + "\n"},
      {" " + token, token + "\r\n"},
      {"\"" + token + "\"", "'" + token + "'"},
      {token, token + zws},
      {nbsp + token, token},
      {token, other_token},
      {other_token, token},
      {token, "not-" + token},
      {token.substr(0, 30), token.substr(0, 30)},
      {token, token.substr(0, 30)},
      {token + "x", token + "x"},
      {"jane@acme-widgets.com", token},
      {access_key, access_key},
      {access_key, secret_key},
      {access_key, " " + secret_key},
      {"${" + token + "}", "{{ " + token + " }}"},
      {"<" + token + ">", "x" + token},
      {token, ""},
      {"", token},
  };
  for (const auto& [user, pass] : pairs) {
    for (const char* platform : {"", "laravel", "postfix", "dotnet-smtpclient"}) {
      INFO("username=" << user << " password=" << pass << " platform=" << platform);
      for (const finding& f : validate(with(user, pass, platform))) {
        for (const std::string* text : {&f.title, &f.detail, &f.fix, &f.evidence, &f.field}) {
          INFO(f.id << ": " << *text);
          CHECK(text->find("2222-3333") == std::string::npos);
          CHECK(text->find("0000-0000-0000") == std::string::npos);
          CHECK(text->find("test-access-key") == std::string::npos);
          CHECK(text->find("secret-key-for-tests") == std::string::npos);
        }
      }
    }
  }
}

TEST_CASE("the same Server API Token as username and password is ok", "[rules][credentials]") {
  CHECK(ids(with(token, token)) == std::vector<std::string>{"credentials.ok@"});
  const std::string upper = "ABCDEF01-2345-6789-ABCD-EF0123456789";
  CHECK(ids(with(upper, upper)) == std::vector<std::string>{"credentials.ok@"});
}

TEST_CASE("absent credentials are not checked and empty ones are missing", "[rules][credentials]") {
  CHECK(ids(with(std::nullopt, std::nullopt)) ==
        std::vector<std::string>{"credentials.not_given@"});
  CHECK(ids(with("", "")) == std::vector<std::string>{"credentials.username_missing@username",
                                                      "credentials.password_missing@password"});
  CHECK(ids(with(token, "")) == std::vector<std::string>{"credentials.password_missing@password"});
}

TEST_CASE("a trailing newline from echo is whitespace, with the printf fix",
          "[rules][credentials]") {
  const auto f = first(with(token, token + "\n"), "credentials.whitespace");
  REQUIRE(f);
  CHECK(f->field == "password");
  CHECK(f->detail.find("ends with a line break") != std::string::npos);
  CHECK(f->fix.find("printf") != std::string::npos);
  CHECK(f->evidence == "length 37, 36 once trimmed");
  CHECK(ids(with(token, token + "\n")) ==
        std::vector<std::string>{"credentials.whitespace@password"});
}

TEST_CASE("a space before the token is whitespace", "[rules][credentials]") {
  const auto f = first(with(" " + token, token), "credentials.whitespace");
  REQUIRE(f);
  CHECK(f->detail.find("starts with a space") != std::string::npos);
  CHECK(f->fix.find("printf") == std::string::npos);
}

TEST_CASE("quotes around the token are reported", "[rules][credentials]") {
  CHECK(ids(with("\"" + token + "\"", "'" + token + "'")) ==
        std::vector<std::string>{"credentials.quoted@username", "credentials.quoted@password"});
}

TEST_CASE("a zero-width space or non-breaking space in the token is reported",
          "[rules][credentials]") {
  CHECK(ids(with(token, token + "\xe2\x80\x8b")) ==
        std::vector<std::string>{"credentials.invisible_characters@password"});
  CHECK(ids(with("\xc2\xa0" + token, token)) ==
        std::vector<std::string>{"credentials.invisible_characters@username"});
}

TEST_CASE("a placeholder is reported once, without its spaces or quotes", "[rules][credentials]") {
  for (const char* value :
       {"${POSTMARK_TOKEN}", "$POSTMARK_TOKEN", "%POSTMARK_TOKEN%", "{{ postmark_token }}",
        "undefined", "null", "<SERVER_API_TOKEN>", "your-server-token", "xxxxxxxx", "********",
        "changeme", " \"${POSTMARK_TOKEN}\" "}) {
    INFO(value);
    CHECK(ids(with(value, value)) == std::vector<std::string>{"credentials.placeholder@username",
                                                              "credentials.placeholder@password"});
  }
  const auto f = first(with(token, "undefined"), "credentials.placeholder");
  REQUIRE(f);
  CHECK(f->detail.find("variable that is not set") != std::string::npos);
}

TEST_CASE("the API test token does not work over SMTP", "[rules][credentials]") {
  CHECK(ids(with("POSTMARK_API_TEST", "POSTMARK_API_TEST")) ==
        std::vector<std::string>{"credentials.test_token@username",
                                 "credentials.test_token@password"});
}

TEST_CASE("an email address is not the username", "[rules][credentials]") {
  const auto f = first(with("jane@acme-widgets.com", "my-dashboard-password"),
                       "credentials.email_as_username");
  REQUIRE(f);
  CHECK(f->fix.find("Server API Token") != std::string::npos);
  CHECK(ids(with("jane@acme-widgets.com", "x-fake")).size() == 1);
}

TEST_CASE("a token cut short is malformed", "[rules][credentials]") {
  CHECK(ids(with(token.substr(0, 32), token.substr(0, 32))) ==
        std::vector<std::string>{"credentials.token_malformed@username"});
  CHECK(ids(with(token, token.substr(0, 32))) ==
        std::vector<std::string>{"credentials.token_malformed@password"});
}

TEST_CASE("two different tokens suggest the Account API Token", "[rules][credentials]") {
  const auto f = first(with(token, other_token), "credentials.account_token_suspected");
  REQUIRE(f);
  CHECK(f->detail.find("Account API Token") != std::string::npos);
}

TEST_CASE("a Server API Token with another password must be the same token",
          "[rules][credentials]") {
  CHECK(ids(with(token, "My-Account-Password-1")) ==
        std::vector<std::string>{"credentials.username_password_differ@password"});
}

TEST_CASE("an SMTP token pair is the access key and its secret key", "[rules][credentials]") {
  CHECK(ids(with(access_key, secret_key)) == std::vector<std::string>{"credentials.ok@"});
  CHECK(ids(with(access_key, access_key)) ==
        std::vector<std::string>{"credentials.access_key_as_password@password"});
  CHECK(ids(with(access_key, std::nullopt)).empty());
}

TEST_CASE("a username that is not a token's shape is a warning", "[rules][credentials]") {
  const auto f = first(with("acme-app", "hunter2-fake"), "credentials.token_shape_unknown");
  REQUIRE(f);
  CHECK(f->severity == severity::warning);
  CHECK(f->evidence == "length 8");
}
