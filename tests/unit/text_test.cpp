// The text units under the rules: addr-spec, token shape, edit distance,
// host parsing and IDNA.
#include <catch2/catch.hpp>
#include <string>

#include "rules/host_parse.h"
#include "text/addr_spec.h"
#include "text/ascii.h"
#include "text/edit_distance.h"
#include "text/punycode.h"
#include "text/token_shape.h"

using namespace smtpcheck;
using text::token_shape;

TEST_CASE("a plain address parses into local part and domain", "[text][addr_spec]") {
  const text::addr_spec a = text::parse_addr_spec("billing@acme-widgets.com");
  REQUIRE(a.valid);
  CHECK(a.local == "billing");
  CHECK(a.domain == "acme-widgets.com");
  CHECK_FALSE(a.local_non_ascii);
  CHECK_FALSE(a.domain_non_ascii);
}

TEST_CASE("RFC 5322 atext and quoted local parts are valid", "[text][addr_spec]") {
  for (const char* address :
       {"first.last@acme.com", "a+tag@acme.com", "o'brien@acme.ie", "x!#$%&'*+-/=?^_`{|}~@acme.com",
        "\"john smith\"@acme.com", "\"a\\\"b\"@acme.com", "a@sub.mail.acme.co.uk"}) {
    INFO(address);
    CHECK(text::parse_addr_spec(address).valid);
  }
}

TEST_CASE("malformed addresses are invalid with a reason", "[text][addr_spec]") {
  for (const char* address :
       {"", "acme.com", "@acme.com", "a@", "a@acme", ".a@acme.com", "a.@acme.com", "a..b@acme.com",
        "a b@acme.com", "a@b@acme.com", "a@-acme.com", "a@acme-.com", "a@acme..com",
        "a@[203.0.113.5]", "\"unclosed@acme.com", "a@acme_widgets.com"}) {
    INFO(address);
    const text::addr_spec a = text::parse_addr_spec(address);
    CHECK_FALSE(a.valid);
    CHECK_FALSE(a.reason.empty());
  }
}

TEST_CASE("RFC 5321 length limits apply to the address", "[text][addr_spec]") {
  CHECK(text::parse_addr_spec(std::string(64, 'a') + "@acme.com").valid);
  CHECK_FALSE(text::parse_addr_spec(std::string(65, 'a') + "@acme.com").valid);
  CHECK(text::parse_addr_spec("a@" + std::string(63, 'b') + ".com").valid);
  CHECK_FALSE(text::parse_addr_spec("a@" + std::string(64, 'b') + ".com").valid);
  std::string long_domain;  // five labels of 60: 304 characters, over 253
  for (int i = 0; i < 5; ++i) long_domain += std::string(60, 'c') + ".";
  long_domain += "com";
  CHECK_FALSE(text::parse_addr_spec("a@" + long_domain).valid);
  CHECK_FALSE(text::is_domain_name(long_domain));
}

TEST_CASE("non-ASCII parts are valid and flagged", "[text][addr_spec]") {
  const text::addr_spec local = text::parse_addr_spec("j\xc3\xbcrgen@acme.de");
  CHECK(local.valid);
  CHECK(local.local_non_ascii);
  const text::addr_spec domain = text::parse_addr_spec(
      "info@b\xc3\xbc"
      "cher.de");
  CHECK(domain.valid);
  CHECK(domain.domain_non_ascii);
}

TEST_CASE("a domain name needs a dot and letter-digit-hyphen labels", "[text][addr_spec]") {
  CHECK(text::is_domain_name("acme-widgets.com"));
  CHECK(text::is_domain_name("xn--bcher-kva.de"));
  std::string why;
  CHECK_FALSE(text::is_domain_name("acme", &why));
  CHECK(why == "The domain has no dot.");
  CHECK_FALSE(text::is_domain_name("acme.com.", &why));
  CHECK_FALSE(text::is_domain_name("", &why));
}

TEST_CASE("a Server API Token is a UUID in any letter case", "[text][token_shape]") {
  CHECK(text::classify_token("00000000-0000-0000-0000-000000000000", "PM-T-") == token_shape::uuid);
  CHECK(text::classify_token("ABCDEF01-2345-6789-ABCD-EF0123456789", "PM-T-") == token_shape::uuid);
  CHECK(text::is_uuid("11111111-2222-3333-4444-555555555555"));
  CHECK_FALSE(text::is_uuid("11111111-2222-3333-4444-55555555555g"));
  CHECK_FALSE(text::is_uuid("111111112222-3333-4444-555555555555-"));
}

TEST_CASE("token shapes tell access keys, cut tokens, emails and others apart",
          "[text][token_shape]") {
  CHECK(text::classify_token("PM-T-test-access-key-fake", "PM-T-") == token_shape::access_key);
  CHECK(text::classify_token("pm-t-test-access-key-fake", "PM-T-") == token_shape::access_key);
  CHECK(text::classify_token("PM-T-test-access-key-fake", "") == token_shape::other);
  CHECK(text::classify_token("00000000-0000-0000-0000-00000000", "PM-T-") ==
        token_shape::uuid_like);
  CHECK(text::classify_token("00000000-0000-0000-0000-0000000000000", "PM-T-") ==
        token_shape::uuid_like);
  CHECK(text::classify_token("jane@acme-widgets.com", "PM-T-") == token_shape::email_address);
  CHECK(text::classify_token("acme-app", "PM-T-") == token_shape::other);
  CHECK(text::classify_token(" 00000000-0000-0000-0000-000000000000", "PM-T-") ==
        token_shape::other);
  CHECK(text::classify_token("", "PM-T-") == token_shape::empty);
}

TEST_CASE("edit distance counts edits and adjacent swaps, ignoring ASCII case",
          "[text][edit_distance]") {
  CHECK(text::edit_distance("smtp.postmarkapp.com", "smtp.postmarkapp.com", 3) == 0);
  CHECK(text::edit_distance("smtp.postmarkapp.co", "smtp.postmarkapp.com", 3) == 1);
  CHECK(text::edit_distance("smpt.postmarkapp.com", "smtp.postmarkapp.com", 3) == 1);
  CHECK(text::edit_distance("SMTP.PostmarkApp.com", "smtp.postmarkapp.com", 3) == 0);
  CHECK(text::edit_distance("smtp.postmarkap.com", "smtp.postmarkapp.com", 3) == 1);
  CHECK(text::edit_distance("kitten", "sitting", 5) == 3);
  CHECK(text::edit_distance("", "abc", 5) == 3);
}

TEST_CASE("edit distance stops at its cap", "[text][edit_distance]") {
  CHECK(text::edit_distance("smtp.gmail.com", "smtp.postmarkapp.com", 3) == 4);
  CHECK(text::edit_distance("a", "abcdefgh", 2) == 3);
  CHECK(text::edit_distance("abcdef", "uvwxyz", 2) == 3);
}

TEST_CASE("a host is taken apart into what was pasted around the name", "[text][host_parse]") {
  const rules::host_parts url = rules::parse_host(" smtp://user@SMTP.postmarkapp.com:587/path ");
  CHECK(url.whitespace);
  CHECK(url.scheme == "smtp");
  CHECK(url.path);
  REQUIRE(url.port);
  CHECK(*url.port == 587);
  CHECK(url.clean == "smtp.postmarkapp.com");

  const rules::host_parts relay = rules::parse_host("[smtp.postmarkapp.com]:2525");
  CHECK(relay.brackets);
  CHECK(relay.port == 2525);
  CHECK(relay.clean == "smtp.postmarkapp.com");

  const rules::host_parts dot = rules::parse_host("smtp.postmarkapp.com.");
  CHECK(dot.trailing_dot);
  CHECK(dot.clean == "smtp.postmarkapp.com");

  const rules::host_parts bad = rules::parse_host("smtp.postmarkapp.com:smtp");
  CHECK(bad.bad_port);
  CHECK_FALSE(bad.port);
  CHECK(bad.clean == "smtp.postmarkapp.com");

  const rules::host_parts plain = rules::parse_host("smtp.postmarkapp.com");
  CHECK_FALSE(plain.whitespace);
  CHECK(plain.scheme.empty());
  CHECK_FALSE(plain.path);
  CHECK_FALSE(plain.brackets);
  CHECK_FALSE(plain.port);
  CHECK_FALSE(plain.trailing_dot);
}

TEST_CASE("an IPv6 address keeps its colons and may carry a port in brackets",
          "[text][host_parse]") {
  CHECK(rules::parse_host("2001:db8::25").clean == "2001:db8::25");
  CHECK_FALSE(rules::parse_host("2001:db8::25").port);
  const rules::host_parts bracketed = rules::parse_host("[2001:db8::25]:587");
  CHECK(bracketed.clean == "2001:db8::25");
  CHECK(bracketed.port == 587);
}

TEST_CASE("IP addresses are recognised, names are not", "[text][host_parse]") {
  for (const char* ip :
       {"203.0.113.25", "127.0.0.1", "::1", "[2001:db8::25]", "2001:db8::ffff:1.2.3.4"}) {
    INFO(ip);
    CHECK(rules::is_ip_address(ip));
  }
  for (const char* name :
       {"smtp.postmarkapp.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "cafe", "0001.2.3.4"}) {
    INFO(name);
    CHECK_FALSE(rules::is_ip_address(name));
  }
}

TEST_CASE("Unicode domain labels become xn-- A-labels", "[text][punycode]") {
  CHECK(text::domain_to_ascii("b\xc3\xbc"
                              "cher-shop.de") == "xn--bcher-shop-9db.de");
  CHECK(text::domain_to_ascii("m\xc3\xbcnchen.de") == "xn--mnchen-3ya.de");
  CHECK(text::domain_to_ascii("Acme-Widgets.COM") == "acme-widgets.com");
  // RFC 3492 §7.1 sample (L): 3<nen>B<gumi><kinpachi><sensei>
  CHECK(text::domain_to_ascii("3\xe5\xb9\xb4"
                              "B\xe7\xb5\x84\xe9\x87\x91\xe5\x85\xab\xe5\x85\x88\xe7\x94\x9f") ==
        "xn--3b-ww4c5e180e575a65lsy2b");
  CHECK(text::domain_to_ascii("\xe4\xbe\x8b\xe3\x81\x88.jp") == "xn--r8jz45g.jp");
}

TEST_CASE("invalid UTF-8 has no ASCII form", "[text][punycode]") {
  CHECK(text::domain_to_ascii("caf\xe9.fr").empty());
  CHECK(text::domain_to_ascii("\xc0\xaf.com").empty());      // overlong
  CHECK(text::domain_to_ascii("\xed\xa0\x80.com").empty());  // surrogate
}

TEST_CASE("parse_decimal reads whole numbers in range only", "[text][ascii]") {
  CHECK(text::parse_decimal("587", 1, 65535) == 587);
  CHECK(text::parse_decimal("0587", 1, 65535) == 587);
  CHECK(text::parse_decimal("0", 1, 65535) == -1);
  CHECK(text::parse_decimal(" 587", 1, 65535) == -1);
  CHECK(text::parse_decimal("+587", 1, 65535) == -1);
  CHECK(text::parse_decimal("99999999999999999999", 1, 65535) == -1);
  CHECK(text::parse_decimal("", 1, 65535) == -1);
}

TEST_CASE("ifind finds a needle ignoring ASCII case, from a position on", "[text]") {
  CHECK(text::ifind("Token PM-T-abc", "pm-t-") == 6);
  CHECK(text::ifind("pm-t- and PM-T-x", "PM-T-", 1) == 10);
  CHECK(text::ifind("abc", "abcd") == std::string_view::npos);
  CHECK(text::ifind("abc", "", 3) == 3);
  CHECK(text::ifind("abc", "a", 4) == std::string_view::npos);
  CHECK(text::icontains("A Server API Token", "api token"));
}
