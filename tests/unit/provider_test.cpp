#include <catch2/catch.hpp>
#include <set>

#include "smtpcheck/smtpcheck.h"

using namespace smtpcheck;

TEST_CASE("every provider profile names its hosts, ports, login and sources", "[provider]") {
  std::set<std::string_view> ids;
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    CHECK(ids.insert(p->id).second);
    CHECK(!p->hosts.empty());
    CHECK(serves_port(*p, p->recommended_port));
    CHECK(serves_port(*p, p->alternative_port));
    CHECK(!p->min_tls_version.empty());
    CHECK(p->help_url.starts_with("https://"));
    for (const provider_doc& d : p->docs) CHECK(d.url.starts_with("https://"));
    if (p->credentials.username == username_scheme::literal) {
      CHECK(!p->credentials.literal_username.empty());
    }
    CHECK(!p->credentials.where.empty());
  }
  CHECK(ids.size() >= 6);
}

TEST_CASE("the provider is read from the host when the settings name none", "[provider]") {
  CHECK(decode_settings(R"({"host": "smtp.sendgrid.net"})").value.provider == "sendgrid");
  CHECK(decode_settings(R"({"host": "SMTP.EU.MAILGUN.ORG."})").value.provider == "mailgun");
  CHECK(decode_settings(R"({"host": "email-smtp.eu-west-1.amazonaws.com:2587"})").value.provider ==
        "amazon-ses");
  CHECK(decode_settings(R"({"host": "smtp.example.com"})").value.provider == "postmark");
  CHECK(decode_settings(R"({"provider": "brevo", "host": "smtp.sendgrid.net"})").value.provider ==
        "brevo");
}

TEST_CASE("SendGrid's apikey username on Postmark's host is a leftover naming both",
          "[provider][credentials]") {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.username = "apikey";
  s.password = "SG.fake-key-for-a-test";
  const std::vector<finding> out = validate(s);
  const auto f = std::find_if(out.begin(), out.end(), [](const finding& x) {
    return x.id == "credentials.other_provider";
  });
  REQUIRE(f != out.end());
  CHECK(f->detail.find("SendGrid") != std::string::npos);
  CHECK(f->detail.find("Postmark") != std::string::npos);
}

TEST_CASE("explain words a refused login with the chosen provider's scheme",
          "[provider][explain]") {
  const std::vector<finding> out = explain("535 Authentication failed", "", "sendgrid");
  REQUIRE(!out.empty());
  CHECK(out.front().fix.find("`apikey`") != std::string::npos);
  const std::vector<finding> unknown = explain("535 Authentication failed", "", "acme-relay");
  CHECK(unknown.front().id == "settings.unknown_provider");
}
