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

namespace {

// The settings.unknown_provider finding check gives for `id`.
finding unknown_provider_for(const std::string& id) {
  settings s;
  s.provider = id;
  const std::vector<finding> out = validate(s);
  REQUIRE(!out.empty());
  REQUIRE(out.front().id == "settings.unknown_provider");
  return out.front();
}

}  // namespace

TEST_CASE("a megabyte typed as the provider is quoted in 64 characters with its length",
          "[provider][unknown_provider]") {
  const finding f = unknown_provider_for(std::string(1 << 20, 'a') + " relay");
  CHECK(f.detail.size() < 200);
  CHECK(f.evidence.size() < 100);
  CHECK(f.detail.find("(1048582 characters)") != std::string::npos);
  CHECK(f.evidence.ends_with("…"));
}

TEST_CASE("an unknown provider's quote is cut before a token, never inside it",
          "[provider][unknown_provider]") {
  // The UUID spans the 64th character: its first half alone would not be
  // recognised as a token by the redaction that runs after.
  const finding f = unknown_provider_for(
      "the smtp relay of acme corp, key 7c1e5b2a-9f3d-4e8b-a6c1-2d4f6b8e0a13, ask");
  CHECK(f.evidence == "the smtp relay of acme corp, key…");
  CHECK(f.detail.find("7c1e") == std::string::npos);
}

TEST_CASE("control characters in an unknown provider are shown as replacement characters",
          "[provider][unknown_provider]") {
  const finding f = unknown_provider_for("post\x1b[2Jmark\r\n\x07");
  CHECK(f.evidence == "post\xEF\xBF\xBD[2Jmark\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  for (char c : f.detail) CHECK((static_cast<unsigned char>(c) >= 0x20 && c != 0x7f));
}

TEST_CASE("a token typed as the provider is redacted in check, explain and the provider document",
          "[provider][unknown_provider]") {
  const std::string token = "4f1c9a2e-7b3d-4c6a-9e8f-0a1b2c3d4e5f";
  CHECK(unknown_provider_for(token).detail.find(token) == std::string::npos);
  const std::vector<finding> explained = explain("535 Authentication failed", "", token);
  REQUIRE(!explained.empty());
  CHECK(explained.front().id == "settings.unknown_provider");
  CHECK(explained.front().detail.find(token) == std::string::npos);
  CHECK(provider_document(token).find(token) == std::string::npos);
  CHECK(provider_document(token).find("<token>") != std::string::npos);
}
