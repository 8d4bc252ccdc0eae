#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "smtpcheck/smtpcheck.h"

using namespace smtpcheck;

namespace {

// Every URL a profile holds: its pages per doc key and its help page.
std::set<std::string> urls_of(const provider_profile& p) {
  std::set<std::string> out{std::string(p.help_url)};
  for (const provider_doc& d : p.docs) out.emplace(d.url);
  return out;
}

// Each finding with a doc key links the profile's page for that key.
void check_links_of(const std::vector<finding>& findings, const provider_profile& p) {
  REQUIRE(!findings.empty());
  for (const finding& f : findings) {
    INFO(f.id);
    REQUIRE(!f.doc.empty());
    CHECK(f.doc_url == doc_url(p, f.doc));
  }
}

}  // namespace

TEST_CASE("a check's findings link the detected provider's page for their doc key", "[docs]") {
  const decoded_settings s = decode_settings(R"({"host": "smtp.sendgrid.net", "port": 2526})");
  REQUIRE(s.value.provider == "sendgrid");
  check_links_of(validate(s.value), *find_provider("sendgrid"));
}

TEST_CASE("explain's findings link the chosen provider's pages", "[docs][explain]") {
  check_links_of(explain("535 5.7.8 Authentication failed", "", "mailgun"),
                 *find_provider("mailgun"));
  check_links_of(explain("535 5.7.8 Authentication failed"), default_provider());
}

TEST_CASE("a diagnosis links the pages of the provider the settings name", "[docs][diagnose]") {
  probe_report report;
  report.target.host = "smtp.resend.com";
  report.dns = dns_step{"nxdomain", 12, {}, "no such host"};
  const decoded_settings s = decode_settings(R"({"host": "smtp.resend.com"})");
  REQUIRE(s.value.provider == "resend");
  check_links_of(diagnose(report, s.value), *find_provider("resend"));
}

TEST_CASE("a doc URL is one of the profile's own URLs, whatever was typed", "[docs][secrets]") {
  const std::string secret = "3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f";
  for (const provider_profile* p : providers()) {
    INFO(p->id);
    settings s;
    s.host = "https://" + secret + "@" + std::string(p->primary_host) + "/ports?x=" + secret;
    s.port = secret;
    s.username = secret;
    s.password = " " + secret + "\n";
    s.from = secret + "@" + std::string(p->domain);
    s.provider = std::string(p->id);
    const std::set<std::string> allowed = urls_of(*p);
    const std::vector<finding> found = validate(s);
    REQUIRE(!found.empty());
    for (const finding& f : found) {
      INFO(f.id);
      CHECK(allowed.count(f.doc_url) == 1);
      CHECK(f.doc_url.find(secret) == std::string::npos);
    }
  }
}

TEST_CASE("the findings document writes doc_url after doc", "[docs][json]") {
  const std::string doc =
      check_settings_document(R"({"host": "smtp.sendgrid.net", "port": 465, "security": "none"})");
  const std::string url = std::string(doc_url(*find_provider("sendgrid"), "ports"));
  CHECK(doc.find("\"doc\": \"ports\",\n      \"doc_url\": \"" + url + "\"") != std::string::npos);
  // A settings document that cannot be read names no provider: its finding links nothing.
  CHECK(check_settings_document("{").find("doc_url") == std::string::npos);
}
