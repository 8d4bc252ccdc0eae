// A fix that sets values carries them: the sentence and the values come from
// the one fix writer, so a form's Apply sets exactly what the sentence says.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "finding_queries.h"
#include "smtpcheck/json.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

settings typed(std::string host, std::optional<std::string> port, security_mode security) {
  settings s;
  s.host = std::move(host);
  s.port = std::move(port);
  s.security = security;
  return s;
}

std::vector<field_value> values_of(const settings& s, std::string_view id) {
  const std::optional<finding> f = testing::first_with_id(validate(s), id);
  REQUIRE(f);
  return f->set;
}

}  // namespace

TEST_CASE("port 465 is fixed by setting port 587 and STARTTLS", "[fix][values]") {
  CHECK(
      values_of(typed("smtp.postmarkapp.com", "465", security_mode::tls), "port.465_unsupported") ==
      std::vector<field_value>{{"port", "587"}, {"security", "starttls"}});
}

TEST_CASE("a host typo is fixed by setting the provider's host", "[fix][values]") {
  CHECK(values_of(typed("smtp.postmark.com", "587", security_mode::starttls), "host.typo") ==
        std::vector<field_value>{{"host", "smtp.postmarkapp.com"}});
}

TEST_CASE("implicit TLS on 587 sets only the security: the port is kept", "[fix][values]") {
  CHECK(values_of(typed("smtp.postmarkapp.com", "587", security_mode::tls),
                  "security.implicit_tls_on_starttls_port") ==
        std::vector<field_value>{{"security", "starttls"}});
}

TEST_CASE("the values are in the findings JSON only when the fix sets some",
          "[fix][values][json]") {
  const std::string doc =
      encode_findings(validate(typed("smtp.postmarkapp.com", "465", security_mode::tls)));
  CHECK(
      doc.find(
          "\"set\": {\n        \"port\": \"587\",\n        \"security\": \"starttls\"\n      }") !=
      std::string::npos);
  const std::string fine =
      encode_findings(validate(typed("smtp.postmarkapp.com", "587", security_mode::starttls)));
  CHECK(fine.find("\"set\"") == std::string::npos);
}
