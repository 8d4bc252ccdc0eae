// Host rules: the provider's SMTP host, typed cleanly, with one clean value to set.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

settings with_host(std::optional<std::string> host, std::string platform = {}) {
  settings s;
  s.host = std::move(host);
  s.port = "587";
  s.security = security_mode::starttls;
  if (!platform.empty()) s.platform = platform_ref{platform, ""};
  return s;
}

std::vector<finding> host_findings(const settings& s) {
  std::vector<finding> out;
  for (finding& f : validate(s)) {
    if (f.field == "host") out.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string> ids(const std::vector<finding>& findings) {
  std::vector<std::string> out;
  for (const finding& f : findings) out.push_back(f.id);
  return out;
}

bool has(const std::vector<finding>& findings, std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return true;
  }
  return false;
}

const finding& only(const std::vector<finding>& findings, std::string_view id) {
  for (const finding& f : findings) {
    if (f.id == id) return f;
  }
  FAIL("no " << id);
  static const finding none;
  return none;
}

}  // namespace

TEST_CASE("the transactional host is ok, in any letter case", "[rules][host]") {
  CHECK(ids(host_findings(with_host("smtp.postmarkapp.com"))) ==
        std::vector<std::string>{"host.ok"});
  CHECK(ids(host_findings(with_host("SMTP.PostmarkApp.COM"))) ==
        std::vector<std::string>{"host.ok"});
}

TEST_CASE("an absent host is not checked and an empty one is missing", "[rules][host]") {
  CHECK(host_findings(with_host(std::nullopt)).empty());
  CHECK(ids(host_findings(with_host(""))) == std::vector<std::string>{"host.missing"});
  CHECK(ids(host_findings(with_host(" \n"))) == std::vector<std::string>{"host.missing"});
  CHECK(only(host_findings(with_host("")), "host.missing").fix ==
        "Set the host to smtp.postmarkapp.com.");
}

TEST_CASE("smtp.postmark.com and smtp.postmarkapp.co are typos of the real host", "[rules][host]") {
  for (const char* typed : {"smtp.postmark.com", "smtp.postmarkapp.co", "smpt.postmarkapp.com",
                            "smtp.postmarkap.com", "postmarkapp.com", "smtp.postmarkapp.net"}) {
    INFO(typed);
    const auto findings = host_findings(with_host(typed));
    REQUIRE(ids(findings) == std::vector<std::string>{"host.typo"});
    CHECK(findings.front().fix == "Set the host to smtp.postmarkapp.com.");
    CHECK(findings.front().evidence == typed);
  }
}

TEST_CASE("a typo of the broadcast host suggests the broadcast host", "[rules][host]") {
  const auto findings = host_findings(with_host("smtp-broadcast.postmarkapp.com"));
  CHECK(only(findings, "host.typo").fix == "Set the host to smtp-broadcasts.postmarkapp.com.");
}

TEST_CASE("a URL pasted as the host is one finding per extra and one clean host", "[rules][host]") {
  const auto findings = host_findings(with_host("smtp://smtp.postmarkapp.com:587"));
  CHECK(ids(findings) == std::vector<std::string>{"host.scheme_included", "host.port_included"});
  for (const finding& f : findings) CHECK(f.fix == "Set the host to smtp.postmarkapp.com.");
  CHECK(ids(host_findings(with_host("https://smtp.postmarkapp.com/"))) ==
        std::vector<std::string>{"host.scheme_included"});
}

TEST_CASE("a port in the host that disagrees with the port setting says both", "[rules][host]") {
  const auto findings = host_findings(with_host("smtp.postmarkapp.com:2525"));
  const finding& f = only(findings, "host.port_included");
  CHECK(f.detail.find("The host says port 2525 but the port setting says 587.") !=
        std::string::npos);
  CHECK_FALSE(has(findings, "host.ok"));
}

TEST_CASE("spaces around the host are an error and the host is then not called right",
          "[rules][host]") {
  const auto findings = host_findings(with_host(" smtp.postmarkapp.com\n"));
  CHECK(ids(findings) == std::vector<std::string>{"host.whitespace"});
  CHECK(findings.front().fix == "Set the host to smtp.postmarkapp.com.");
  CHECK(ids(host_findings(with_host("smtp. postmarkapp.com"))) ==
        std::vector<std::string>{"host.whitespace"});
}

TEST_CASE("brackets are Postfix relayhost syntax and a warning anywhere else", "[rules][host]") {
  CHECK(ids(host_findings(with_host("[smtp.postmarkapp.com]"))) ==
        std::vector<std::string>{"host.brackets"});
  CHECK(ids(host_findings(with_host("[smtp.postmarkapp.com]:587", "postfix"))) ==
        std::vector<std::string>{"host.ok"});
  CHECK(ids(host_findings(with_host("[smtp.postmarkapp.com]", "postfix"))) ==
        std::vector<std::string>{"host.ok"});
}

TEST_CASE("a Postfix relayhost port that disagrees with the port setting is reported",
          "[rules][host]") {
  const auto findings = host_findings(with_host("[smtp.postmarkapp.com]:25", "postfix"));
  CHECK(ids(findings) == std::vector<std::string>{"host.port_included"});
  CHECK(findings.front().fix == "Set `relayhost = [smtp.postmarkapp.com]:587` (Postfix).");
}

TEST_CASE("a trailing dot is a warning", "[rules][host]") {
  const auto findings = host_findings(with_host("smtp.postmarkapp.com."));
  CHECK(ids(findings) == std::vector<std::string>{"host.trailing_dot"});
  CHECK(findings.front().severity == severity::warning);
}

TEST_CASE("an IP address is an error, and IPv6 brackets are not reported again", "[rules][host]") {
  CHECK(ids(host_findings(with_host("203.0.113.25"))) ==
        std::vector<std::string>{"host.ip_address"});
  CHECK(ids(host_findings(with_host("[2001:db8::25]"))) ==
        std::vector<std::string>{"host.ip_address"});
  CHECK(ids(host_findings(with_host("2001:db8::25"))) ==
        std::vector<std::string>{"host.ip_address"});
  CHECK(only(host_findings(with_host("203.0.113.25")), "host.ip_address").fix ==
        "Set the host to smtp.postmarkapp.com.");
}

TEST_CASE("localhost is a local relay, not an invalid name", "[rules][host]") {
  for (const char* typed : {"localhost", "127.0.0.1", "::1"}) {
    INFO(typed);
    const auto findings = host_findings(with_host(typed));
    REQUIRE(ids(findings) == std::vector<std::string>{"host.not_provider"});
    CHECK(findings.front().detail.find("local relay") != std::string::npos);
  }
}

TEST_CASE("a name that is not a host name says why", "[rules][host]") {
  CHECK(only(host_findings(with_host("smtp_postmarkapp_com")), "host.invalid")
            .detail.find("letters") != std::string::npos);
  CHECK(only(host_findings(with_host("mailserver")), "host.invalid").detail.find("no dot") !=
        std::string::npos);
  CHECK(only(host_findings(with_host("smtp..postmarkapp.com")), "host.invalid")
            .detail.find("out of place") != std::string::npos);
}

TEST_CASE("look-alike letters in the host are an error", "[rules][host]") {
  const auto findings = host_findings(with_host("smtp.p\xd0\xbestmarkapp.com"));  // Cyrillic о
  CHECK(ids(findings) == std::vector<std::string>{"host.non_ascii"});
  CHECK(findings.front().fix == "Set the host to smtp.postmarkapp.com.");
}

TEST_CASE("the HTTP API host is not SMTP", "[rules][host]") {
  const auto findings = host_findings(with_host("api.postmarkapp.com"));
  CHECK(ids(findings) == std::vector<std::string>{"host.api_endpoint"});
  CHECK(findings.front().fix == "Set the host to smtp.postmarkapp.com.");
}

TEST_CASE("the broadcast host is information and the old test endpoint a warning",
          "[rules][host]") {
  const auto broadcast_findings = host_findings(with_host("smtp-broadcasts.postmarkapp.com"));
  const finding& broadcast = only(broadcast_findings, "host.broadcast_endpoint");
  CHECK(broadcast.severity == severity::info);
  CHECK(broadcast.fix.find("smtp.postmarkapp.com") != std::string::npos);
  const auto test_findings = host_findings(with_host("future-smtp.postmarkapp.com"));
  const finding& test = only(test_findings, "host.test_endpoint");
  CHECK(test.severity == severity::warning);
  CHECK(test.fix == "Set the host to smtp.postmarkapp.com.");
}

TEST_CASE("another provider's host is a warning, not a typo", "[rules][host]") {
  for (const char* typed :
       {"smtp.sendgrid.net", "smtp.gmail.com", "email-smtp.us-east-1.amazonaws.com"}) {
    INFO(typed);
    CHECK(ids(host_findings(with_host(typed))) == std::vector<std::string>{"host.not_provider"});
  }
}

TEST_CASE("a host fix uses the platform's setting and a port that is not blocked",
          "[rules][host]") {
  settings s = with_host("smtp.postmark.com", "postfix");
  s.port = "25";
  CHECK(only(host_findings(s), "host.typo").fix ==
        "Set `relayhost = [smtp.postmarkapp.com]:587` (Postfix).");
  CHECK(only(host_findings(with_host("smtp.postmark.com", "rails")), "host.typo").fix ==
        "Set `address: \"smtp.postmarkapp.com\"` (Rails ActionMailer).");
}
