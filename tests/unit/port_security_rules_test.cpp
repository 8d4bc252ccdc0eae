// Port and security rules: a port the provider serves, with STARTTLS, never in clear.
#include <algorithm>
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>
#include "finding_queries.h"

#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

settings with(std::optional<std::string> port, security_mode security, std::string platform = {}) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = std::move(port);
  s.security = security;
  if (!platform.empty()) s.platform = platform_ref{platform, ""};
  return s;
}

std::vector<std::string> ids(const settings& s, std::initializer_list<std::string_view> fields = {
                                                    "port", "security"}) {
  return testing::ids_about(validate(s), fields);
}

std::optional<finding> first(const settings& s, std::string_view id) {
  return testing::first_with_id(validate(s), id);
}

}  // namespace

TEST_CASE("implicit TLS on 587 is an error", "[rules][security]") {
  CHECK(ids(with("587", security_mode::tls)) ==
        std::vector<std::string>{"security.implicit_tls_on_starttls_port", "port.ok"});
  const std::optional<finding> f =
      first(with("587", security_mode::tls), "security.implicit_tls_on_starttls_port");
  REQUIRE(f);
  CHECK(f->detail.find("wrong version number") != std::string::npos);
  CHECK(f->fix == "Set the security to STARTTLS and keep port 587.");
}

TEST_CASE("implicit TLS on 2525 and on 25 is an error too", "[rules][security]") {
  CHECK(ids(with("2525", security_mode::tls)).front() == "security.implicit_tls_on_starttls_port");
  const std::optional<finding> f =
      first(with("25", security_mode::tls), "security.implicit_tls_on_starttls_port");
  REQUIRE(f);
  CHECK(f->fix == "Set the security to STARTTLS and use port 587.");
}

TEST_CASE("Nodemailer secure: true on 587 is told to use secure: false", "[rules][security]") {
  const std::optional<finding> f = first(with("587", security_mode::tls, "nodemailer"),
                                         "security.implicit_tls_on_starttls_port");
  REQUIRE(f);
  CHECK(f->fix ==
        "Set `secure: false, requireTLS: true` instead of `secure: true`, and keep port "
        "587 (Nodemailer).");
}

TEST_CASE("port 465 is not served, whatever the security mode", "[rules][port]") {
  for (security_mode mode :
       {security_mode::tls, security_mode::starttls, security_mode::unspecified}) {
    CHECK(ids(with("465", mode)) == std::vector<std::string>{"port.465_unsupported"});
  }
  const std::optional<finding> f = first(with("465", security_mode::tls), "port.465_unsupported");
  REQUIRE(f);
  CHECK(f->fix == "Set the port to 587 and the security to STARTTLS.");
}

TEST_CASE("port 25 is served but may be blocked, and the fix names 587 and 2525", "[rules][port]") {
  const std::optional<finding> f =
      first(with("25", security_mode::starttls), "port.25_may_be_blocked");
  REQUIRE(f);
  CHECK(f->severity == severity::warning);
  CHECK(f->fix.find("587") != std::string::npos);
  CHECK(f->fix.find("2525") != std::string::npos);
}

TEST_CASE("a port the provider does not serve is an error", "[rules][port]") {
  for (const char* port : {"2587", "443", "26", "8025"}) {
    INFO(port);
    CHECK(ids(with(port, security_mode::starttls)) == std::vector<std::string>{"port.unsupported"});
  }
}

TEST_CASE("a port that is not a number from 1 to 65535 is invalid", "[rules][port]") {
  for (const char* port : {"0", "65536", "70000", "-1", "abc", "58 7", "587.0", "0x24b"}) {
    INFO(port);
    CHECK(ids(with(port, security_mode::starttls)) == std::vector<std::string>{"port.invalid"});
  }
  CHECK(ids(with(" 587 ", security_mode::starttls)) ==
        std::vector<std::string>{"port.ok", "security.ok"});
}

TEST_CASE("an absent port is not checked and an empty one is missing", "[rules][port]") {
  CHECK(ids(with(std::nullopt, security_mode::starttls)).empty());
  CHECK(ids(with("", security_mode::starttls)) == std::vector<std::string>{"port.missing"});
}

TEST_CASE("a port typed in the host is judged when the port setting is absent", "[rules][port]") {
  settings s = with(std::nullopt, security_mode::tls);
  s.host = "smtp.postmarkapp.com:2525";
  CHECK(ids(s) == std::vector<std::string>{"security.implicit_tls_on_starttls_port", "port.ok"});
}

TEST_CASE("no security is an error whose fix never stays in clear", "[rules][security]") {
  const std::optional<finding> f = first(with("587", security_mode::none), "security.plaintext");
  REQUIRE(f);
  CHECK(f->fix == "Set the security to STARTTLS and keep port 587.");
  const std::optional<finding> on_465 =
      first(with("465", security_mode::none), "security.plaintext");
  REQUIRE(on_465);
  CHECK(on_465->fix == "Set the port to 587 and the security to STARTTLS.");
}

TEST_CASE("an unspecified security mode on a STARTTLS port is information", "[rules][security]") {
  const std::optional<finding> f =
      first(with("587", security_mode::unspecified), "security.unspecified");
  REQUIRE(f);
  CHECK(f->severity == severity::info);
  CHECK(f->fix == "Set the security to STARTTLS and keep port 587.");
}

TEST_CASE("STARTTLS on a served port is ok", "[rules][security]") {
  for (const char* port : {"587", "2525"}) {
    CHECK(ids(with(port, security_mode::starttls)) ==
          std::vector<std::string>{"port.ok", "security.ok"});
  }
}

TEST_CASE("a security fix never tells to keep a port that is often blocked", "[rules][security]") {
  for (security_mode mode : {security_mode::none, security_mode::tls, security_mode::unspecified}) {
    for (const finding& f : validate(with("25", mode))) {
      INFO(f.id);
      CHECK(f.fix.find("keep port 25") == std::string::npos);
    }
  }
}

TEST_CASE(".NET SmtpClient set to tls on 587 is not reported as implicit TLS",
          "[rules][security]") {
  const settings s = with("587", security_mode::tls, "dotnet-smtpclient");
  const std::vector<std::string> found = ids(s, {"port", "security", "platform"});
  CHECK(std::find(found.begin(), found.end(), "security.implicit_tls_on_starttls_port") ==
        found.end());
  CHECK(std::find(found.begin(), found.end(), "platform.no_implicit_tls") != found.end());
}
