// The one fix writer (core/src/fix/) words the same fix in each provider's
// and each platform's own words: the provider's host, port and login, the
// platform's option names, and never another provider's.
#include <catch2/catch.hpp>
#include <regex>
#include <string>
#include <string_view>

#include "finding_queries.h"
#include "fix/platform_words.h"
#include "fix/provider_words.h"
#include "fix/settings_fix.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/platform.h"
#include "smtpcheck/provider.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

const provider_profile& provider(std::string_view id) {
  const provider_profile* p = find_provider(id);
  REQUIRE(p);
  return *p;
}

const client_platform* platform(std::string_view id) {
  const client_platform* p = find_client_platform(id);
  REQUIRE(p);
  return p;
}

// A fix for settings that use the provider's primary host and recommended port.
fix::fix_target for_settings(const provider_profile& p, const client_platform* on,
                             std::string_view username = {}) {
  return fix::fix_target{.provider = p,
                         .platform = on,
                         .host = p.primary_host,
                         .port = p.recommended_port,
                         .port_field = p.recommended_port,
                         .username = username,
                         .from = std::string(fix::example_from)};
}

std::string host_fix(std::string_view provider_id, std::string_view platform_id) {
  const fix::fix_target t = for_settings(provider(provider_id), platform(platform_id));
  return fix::host(t, t.host).text;
}

std::string login_settings(std::string_view provider_id, std::string_view platform_id) {
  return fix::credential_settings(for_settings(provider(provider_id), platform(platform_id)));
}

std::string fix_of(const std::vector<finding>& findings, std::string_view id) {
  const std::optional<finding> f = testing::first_with_id(findings, id);
  REQUIRE(f);
  return f->fix;
}

}  // namespace

TEST_CASE("a host fix names Postmark's host for Postmark and SendGrid's for SendGrid",
          "[fix][provider]") {
  CHECK(host_fix("postmark", "nodemailer") == "Set `host: \"smtp.postmarkapp.com\"` (Nodemailer).");
  CHECK(host_fix("sendgrid", "nodemailer") == "Set `host: \"smtp.sendgrid.net\"` (Nodemailer).");
  CHECK(host_fix("postmark", "django") == "Set `EMAIL_HOST = \"smtp.postmarkapp.com\"` (Django).");
  CHECK(host_fix("sendgrid", "django") == "Set `EMAIL_HOST = \"smtp.sendgrid.net\"` (Django).");
}

TEST_CASE("a login fix uses Postmark's token twice and SendGrid's apikey username",
          "[fix][provider]") {
  CHECK(login_settings("postmark", "nodemailer") ==
        "`auth: { user: \"<your Server API Token>\", pass: \"<your Server API Token>\" }` "
        "(Nodemailer)");
  CHECK(login_settings("sendgrid", "nodemailer") ==
        "`auth: { user: \"apikey\", pass: \"<your API key>\" }` (Nodemailer)");
  CHECK(login_settings("postmark", "laravel") ==
        "`MAIL_USERNAME=<your Server API Token>` and `MAIL_PASSWORD=<your Server API Token>` "
        "(Laravel)");
  CHECK(login_settings("sendgrid", "laravel") ==
        "`MAIL_USERNAME=apikey` and `MAIL_PASSWORD=<your API key>` (Laravel)");
}

TEST_CASE("a login fix asks Mailgun for its SMTP login and Amazon SES for its SMTP username",
          "[fix][provider]") {
  CHECK(login_settings("mailgun", "django") ==
        "`EMAIL_HOST_USER = \"<your SMTP login>\"` and "
        "`EMAIL_HOST_PASSWORD = \"<your SMTP password>\"` (Django)");
  CHECK(login_settings("amazon-ses", "python-smtplib") ==
        "`server.login(\"<your SMTP username>\", \"<your SMTP password>\")` (Python smtplib)");
}

TEST_CASE("working credentials are named in each provider's words, never 'token' for a key",
          "[fix][provider]") {
  CHECK(fix::credentials_work(provider("postmark")) == "the Server API Token works");
  CHECK(fix::credentials_work(provider("sendgrid")) == "the API key works");
  CHECK(fix::credentials_work(provider("mailgun")) == "the SMTP login and its SMTP password work");
  CHECK(fix::credentials_work(provider("amazon-ses")) ==
        "the SMTP username and its SMTP password work");
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    CHECK(fix::credentials_work(*p).find(p->server_token_name) != std::string::npos);
  }
}

TEST_CASE("a Postmark access key typed as the username gets the key pair's placeholders",
          "[fix][provider]") {
  const fix::fix_target t =
      for_settings(provider("postmark"), platform("django"), "PM-T-example-access-key");
  CHECK(fix::credential_settings(t) ==
        "`EMAIL_HOST_USER = \"<your SMTP access key>\"` and "
        "`EMAIL_HOST_PASSWORD = \"<your SMTP secret key>\"` (Django)");
}

TEST_CASE("a port fix in MailKit's words names STARTTLS once, inside Connect", "[fix][platform]") {
  const fix::fix_target postmark = for_settings(provider("postmark"), platform("mailkit"));
  const fix::fix_target ses = for_settings(provider("amazon-ses"), platform("mailkit"));
  CHECK(fix::port_and_security(postmark, 587).text ==
        "Set `client.Connect(\"smtp.postmarkapp.com\", 587, SecureSocketOptions.StartTls);` "
        "(MailKit).");
  CHECK(fix::port_and_security(ses, 2587).text ==
        "Set `client.Connect(\"email-smtp.us-east-1.amazonaws.com\", 2587, "
        "SecureSocketOptions.StartTls);` (MailKit).");
}

TEST_CASE("a port fix in Django's words sets the port and EMAIL_USE_TLS, and both values",
          "[fix][platform]") {
  const fix_sentence s =
      fix::port_and_security(for_settings(provider("sendgrid"), platform("django")), 2525);
  CHECK(s.text == "Set `EMAIL_PORT = 2525` and `EMAIL_USE_TLS = True` (Django).");
  CHECK(s.set == std::vector<field_value>{{"port", "2525"}, {"security", "starttls"}});
}

TEST_CASE("without a platform, a STARTTLS fix names the form's field or the client's labels",
          "[fix][words]") {
  fix::fix_target t = for_settings(provider("postmark"), nullptr);
  CHECK(fix::starttls(t, 587, true).text == "Set the security to STARTTLS and keep port 587.");
  t.words = fix::plain_words::client_labels;
  CHECK(fix::starttls(t, 587, true).text ==
        "Switch the security from implicit TLS (often labelled \"SSL\" or \"SMTPS\") to STARTTLS "
        "(often labelled \"TLS\"), and keep port 587.");
}

TEST_CASE("no fix worded for one provider names another provider's host or secret",
          "[fix][provider]") {
  const std::regex placeholder("<your ([^>]*)>");
  for (const provider_profile* p : providers()) {
    for (const client_platform& on : client_platforms()) {
      const fix::fix_target t = for_settings(*p, &on);
      const std::string words = fix::host(t, t.host).text + "\n" +
                                fix::port_and_security(t, p->alternative_port).text + "\n" +
                                fix::starttls(t, p->recommended_port, true).text + "\n" +
                                fix::credential_settings(t) + "\n" + fix::settings_block(t);
      INFO(p->id << " on " << on.id << ":\n" << words);
      for (const provider_profile* other : providers()) {
        if (other == p) continue;
        for (const provider_host& h : other->hosts) {
          CHECK(words.find(h.name) == std::string::npos);
        }
      }
      // Every placeholder is one of this provider's own secret words.
      for (std::sregex_iterator m(words.begin(), words.end(), placeholder), end; m != end; ++m) {
        const std::string word = (*m)[1];
        CHECK((word == p->server_token_name || word == "SMTP login" || word == "SMTP username"));
      }
    }
  }
}

TEST_CASE("explain words a refused login with SendGrid's apikey, not Postmark's token",
          "[fix][explain]") {
  const std::string text =
      "Error: Invalid login: 535 Authentication failed: Bad username / password";
  const std::string sendgrid =
      fix_of(explain(text, "nodemailer", "sendgrid"), "explain.auth_failed");
  const std::string postmark =
      fix_of(explain(text, "nodemailer", "postmark"), "explain.auth_failed");
  CHECK(sendgrid.find("user: \"apikey\", pass: \"<your API key>\"") != std::string::npos);
  CHECK(sendgrid.find("Server API Token") == std::string::npos);
  CHECK(postmark.find("user: \"<your Server API Token>\"") != std::string::npos);
}

TEST_CASE("the settings Django should carry differ for Postmark and SendGrid", "[fix][rules]") {
  settings s;
  s.platform = platform_ref{"django", ""};
  s.host = "smtp.sendgrid.net";
  s.provider = "sendgrid";
  const std::string sendgrid = fix_of(validate(s), "platform.recommended_settings");
  CHECK(sendgrid.find("EMAIL_HOST = \"smtp.sendgrid.net\"") != std::string::npos);
  CHECK(sendgrid.find("EMAIL_HOST_USER = \"apikey\"") != std::string::npos);
  s.host = "smtp.postmarkapp.com";
  s.provider = "postmark";
  const std::string postmark = fix_of(validate(s), "platform.recommended_settings");
  CHECK(postmark.find("EMAIL_HOST_USER = \"<your Server API Token>\"") != std::string::npos);
}

TEST_CASE("the TLS versions a provider accepts start at its profile's minimum", "[fix][tls]") {
  provider_profile strict = provider("postmark");
  CHECK(fix::accepted_tls_versions(strict) == "TLS 1.2 and 1.3");
  CHECK(meets_min_tls(strict, "1.2"));
  CHECK_FALSE(meets_min_tls(strict, "1.1"));
  strict.min_tls_version = "1.3";
  CHECK(fix::accepted_tls_versions(strict) == "TLS 1.3");
  CHECK_FALSE(meets_min_tls(strict, "1.2"));
  CHECK(meets_min_tls(strict, "1.3"));
  CHECK_FALSE(meets_min_tls(strict, "TLSv1.3"));
}

TEST_CASE(
    "a port fix to Resend's implicit-TLS port asks for implicit TLS, in each platform's words",
    "[fix][provider]") {
  const provider_profile& resend = provider("resend");
  const fix_sentence plain = fix::port_and_security(for_settings(resend, nullptr), 465);
  CHECK(plain.text == "Set the port to 465 and the security to implicit TLS.");
  CHECK(plain.set == std::vector<field_value>{{"port", "465"}, {"security", "tls"}});
  CHECK(fix::port_and_security(for_settings(resend, platform("nodemailer")), 465).text ==
        "Set `port: 465` and `secure: true` (Nodemailer).");
  CHECK(fix::port_and_security(for_settings(resend, platform("mailkit")), 465).text ==
        "Set `client.Connect(\"smtp.resend.com\", 465, SecureSocketOptions.SslOnConnect);` "
        "(MailKit).");
}

TEST_CASE("a client without implicit TLS is sent to Resend's STARTTLS port", "[fix][platform]") {
  const fix::fix_target t = for_settings(provider("resend"), platform("dotnet-smtpclient"));
  CHECK(
      fix::port_and_security(t, 465).text ==
      "Set `client.Port = 587;` and `client.EnableSsl = true;` (.NET System.Net.Mail.SmtpClient).");
  CHECK(fix::settings_block(t).find("client.Port = 587;\nclient.EnableSsl = true;") !=
        std::string::npos);
}

TEST_CASE("a platform's own fixes come from the platform table: Java's IPv4 switch, msmtp's auth",
          "[fix][platform]") {
  const std::string ipv6 =
      "connect to smtp.sendgrid.net[2001:db8:4006:812::200e]:587: Network is unreachable";
  CHECK(fix_of(explain(ipv6, "javamail", "sendgrid"), "explain.network_unreachable") ==
        std::string(platform("javamail")->prefer_ipv4_fix));
  CHECK(fix_of(explain(ipv6, "postfix", "sendgrid"), "explain.network_unreachable") ==
        std::string(platform("postfix")->prefer_ipv4_fix));
  CHECK(
      fix_of(explain(ipv6, "", "sendgrid"), "explain.network_unreachable").find("/etc/gai.conf") !=
      std::string::npos);
  const std::string no_mechanism =
      "SASL authentication failed; cannot authenticate to server smtp.sendgrid.net: no mechanism "
      "available";
  CHECK(
      fix_of(explain(no_mechanism, "postfix", "sendgrid"), "explain.auth_mechanism_unsupported") ==
      std::string(platform("postfix")->sasl_plugins_fix));
  CHECK(fix_of(explain(no_mechanism, "msmtp", "sendgrid"), "explain.auth_mechanism_unsupported") ==
        std::string(platform("msmtp")->auth_mechanism_fix));
}

TEST_CASE("a setting template is filled in one pass: a typed value is never read as a template",
          "[fix][platform]") {
  fix::fix_target t = for_settings(provider("postmark"), platform("nodemailer"));
  t.from = "{port}@{host}.example";
  CHECK(fix::fill(t, "from: {from}, port {port}", "smtp.postmarkapp.com", 587) ==
        "from: {port}@{host}.example, port 587");
  // Braces that name no value stay as they are, and so does an unclosed one.
  CHECK(fix::fill(t, "auth: { user: \"{username}\" } {", "h", 25) ==
        "auth: { user: \"<your Server API Token>\" } {");
}
