// Client platform rules: the customer's own client, in its own words.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>
#include "finding_queries.h"

#include "smtpcheck/platform.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

settings on(std::string platform, std::string version = {}) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.security = security_mode::starttls;
  s.username = "00000000-0000-0000-0000-000000000000";
  s.password = *s.username;
  s.from = "billing@acme-widgets.com";
  s.platform = platform_ref{std::move(platform), std::move(version)};
  return s;
}

std::vector<std::string> ids(const settings& s) {
  return testing::ids_about(validate(s), {"platform"});
}

std::optional<finding> first(const settings& s, std::string_view id) {
  return testing::first_with_id(validate(s), id);
}

}  // namespace

TEST_CASE("an unknown platform is information that lists the known ones", "[rules][platform]") {
  const auto f = first(on("sendmail-go"), "platform.unknown");
  REQUIRE(f);
  CHECK(f->fix.find("nodemailer") != std::string::npos);
  CHECK(ids(on("sendmail-go")) == std::vector<std::string>{"platform.unknown"});
}

TEST_CASE("an unknown platform id is quoted safely, in 64 characters with its length",
          "[rules][platform]") {
  const auto f = first(on(std::string(1000, 'x') + "-mailer"), "platform.unknown");
  REQUIRE(f);
  CHECK(f->detail.find("(1007 characters)") != std::string::npos);
  CHECK(f->evidence.size() < 80);
  CHECK(f->evidence.ends_with("…"));
  const auto escape = first(on("mailer\x1b[2J"), "platform.unknown");
  REQUIRE(escape);
  CHECK(escape->evidence == "mailer\xEF\xBF\xBD[2J");  // U+FFFD for the ESC
  CHECK(escape->detail.find('\x1b') == std::string::npos);
}

TEST_CASE("a platform version that is not a number is quoted safely", "[rules][platform]") {
  const auto f =
      first(on("phpmailer", "8\x07" + std::string(500, '9') + "x"), "platform.version_invalid");
  REQUIRE(f);
  CHECK(f->evidence.size() < 80);
  CHECK(f->detail.find('\x07') == std::string::npos);
}

TEST_CASE("Java 7 defaults to TLS 1.0, and Java 8 written 1.8.0_292 does not",
          "[rules][platform]") {
  for (const char* version : {"7", "1.7", "1.7.0_80", "1.6"}) {
    INFO(version);
    CHECK(first(on("javamail", version), "platform.old_tls_default"));
  }
  for (const char* version : {"8", "1.8", "1.8.0_292", "11", "17.0.2", "21"}) {
    INFO(version);
    CHECK(ids(on("javamail", version)) ==
          std::vector<std::string>{"platform.recommended_settings"});
  }
}

TEST_CASE("PHP 5.6 defaults to old TLS and PHP 7.2 or later does not", "[rules][platform]") {
  const auto f = first(on("phpmailer", "5.6.40"), "platform.old_tls_default");
  REQUIRE(f);
  CHECK(f->evidence == "PHP 5.6.40");
  CHECK(f->fix.find("7.2") != std::string::npos);
  CHECK_FALSE(first(on("phpmailer", "7.2"), "platform.old_tls_default"));
  CHECK_FALSE(first(on("wordpress", "v8.3.1"), "platform.old_tls_default"));
}

TEST_CASE(".NET Framework 4.5 defaults to old TLS", "[rules][platform]") {
  const auto f = first(on("dotnet-smtpclient", "4.5.2"), "platform.old_tls_default");
  REQUIRE(f);
  CHECK(f->fix.find("SecurityProtocolType.Tls12") != std::string::npos);
  CHECK_FALSE(first(on("dotnet-smtpclient", "4.8"), "platform.old_tls_default"));
}

TEST_CASE("a version that is not a number is information", "[rules][platform]") {
  for (const char* version : {"latest", "8.x", "1..2", "8.", "-1"}) {
    INFO(version);
    CHECK(first(on("phpmailer", version), "platform.version_invalid"));
  }
}

TEST_CASE(".NET SmtpClient cannot do implicit TLS on 465", "[rules][platform]") {
  settings s = on("dotnet-smtpclient");
  s.port = "465";
  s.security = security_mode::tls;
  const auto f = first(s, "platform.no_implicit_tls");
  REQUIRE(f);
  CHECK(f->fix ==
        "Set `client.Port = 587;` and `client.EnableSsl = true;` (.NET "
        "System.Net.Mail.SmtpClient).");
  CHECK(first(s, "port.465_unsupported"));
}

TEST_CASE("SmtpClient is no longer recommended", "[rules][platform]") {
  CHECK(first(on("dotnet-smtpclient"), "platform.obsolete_client"));
  CHECK_FALSE(first(on("mailkit"), "platform.obsolete_client"));
}

TEST_CASE("every platform shows its settings, with placeholders and never a typed token",
          "[rules][platform][secrets]") {
  for (const client_platform& p : client_platforms()) {
    INFO(p.id);
    const auto f = first(on(std::string(p.id)), "platform.recommended_settings");
    REQUIRE(f);
    CHECK(f->fix.find("smtp.postmarkapp.com") != std::string::npos);
    CHECK(f->fix.find("587") != std::string::npos);
    CHECK(f->fix.find("<your Server API Token>") != std::string::npos);
    CHECK(f->fix.find("0000-0000") == std::string::npos);
    CHECK((f->fix.find('{') == std::string::npos || p.id == "nodemailer"));  // no template left
    CHECK(f->fix.find("{username}") == std::string::npos);
    CHECK(f->fix.find("{password}") == std::string::npos);
    CHECK(f->fix.find("{from}") == std::string::npos);
  }
}

TEST_CASE("recommended settings for an SMTP token pair name the access and secret keys",
          "[rules][platform]") {
  settings s = on("laravel");
  s.username = "PM-T-test-access-key-fake";
  s.password = "fake-secret-key-for-tests-only";
  const auto f = first(s, "platform.recommended_settings");
  REQUIRE(f);
  CHECK(f->fix.find("MAIL_USERNAME=<your SMTP access key>") != std::string::npos);
  CHECK(f->fix.find("MAIL_PASSWORD=<your SMTP secret key>") != std::string::npos);
  CHECK(f->fix.find("fake") == std::string::npos);
}

TEST_CASE("recommended settings move off a blocked port and off an unverifiable From",
          "[rules][platform]") {
  settings s = on("django");
  s.port = "25";
  s.from = "someone@gmail.com";
  const auto f = first(s, "platform.recommended_settings");
  REQUIRE(f);
  CHECK(f->fix.find("EMAIL_PORT = 587") != std::string::npos);
  CHECK(f->fix.find("DEFAULT_FROM_EMAIL = \"you@your-domain.com\"") != std::string::npos);
}
