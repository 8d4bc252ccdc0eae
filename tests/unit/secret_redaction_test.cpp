// No secret is ever echoed: a token, access key, DSN password, .env line or
// JSON blob typed into a field that is not secret reaches no finding's title,
// detail, fix or evidence, in check, link, explain and diagnose alike.
#include <catch2/catch.hpp>
#include <string>

#include "planted_secrets.h"
#include "smtpcheck/smtpcheck.h"

using namespace smtpcheck;
using testing::plantable_fields;
using testing::planted_secrets;

namespace {

settings working() {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.security = security_mode::starttls;
  s.from = "billing@acme-widgets.com";
  return s;
}

// A report whose DNS lookup of the settings' host failed, so the diagnosis
// quotes that host.
probe_report failed_lookup_of(const settings& s) {
  probe_report r;
  r.target.host = s.host.value_or("");
  r.dns = dns_step{"nxdomain", 12, {}, "no such host " + s.host.value_or("")};
  return r;
}

std::string everything_said_about(const settings& s) {
  const made_link made = make_link(s);
  std::string out = encode_findings(validate(s)) + made.fragment + encode_findings(made.findings) +
                    encode_findings(parse_link(made.fragment).findings) +
                    encode_findings(diagnose(failed_lookup_of(s), s));
  return out;
}

}  // namespace

TEST_CASE("a secret pasted into any field that is not secret never reaches an output",
          "[redaction][security]") {
  for (const auto& planted : planted_secrets) {
    for (std::string_view field : plantable_fields) {
      INFO(planted.name << " in " << field);
      const std::string said =
          everything_said_about(testing::with_planted(working(), field, planted.pasted));
      CHECK(said.find(planted.secret) == std::string::npos);
    }
  }
}

TEST_CASE("a secret in pasted error text never reaches the explanation", "[redaction][explain]") {
  for (const auto& planted : planted_secrets) {
    INFO(planted.name);
    const std::string text = "Connection could not be established with host " +
                             std::string(planted.pasted) + ": Connection timed out (110)";
    CHECK(explain_document(text, "").find(planted.secret) == std::string::npos);
  }
}

TEST_CASE("placeholders and prose are not mistaken for secrets", "[redaction]") {
  settings s = working();
  s.platform = platform_ref{"nodemailer", ""};
  s.username = "not-a-token";
  s.password = "not-a-token";
  const std::string said = encode_findings(validate(s));
  CHECK(said.find("<your Server API Token>") != std::string::npos);
  CHECK(said.find("starting with PM-T-") != std::string::npos);  // names a shape, not a key
  CHECK(said.find("<redacted>") == std::string::npos);
}
