// Sender rules: one well-formed From address at a domain that can be verified,
// matching a verified sender when the list is given.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>
#include "finding_queries.h"

#include "smtpcheck/validate.h"

using namespace smtpcheck;

namespace {

settings with_from(std::optional<std::string> from, std::vector<std::string> senders = {},
                   std::string platform = {}) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.security = security_mode::starttls;
  s.from = std::move(from);
  s.verified_senders = std::move(senders);
  if (!platform.empty()) s.platform = platform_ref{platform, ""};
  return s;
}

std::vector<std::string> ids(const settings& s) {
  return testing::ids_about(validate(s), {"from", "verified_senders"});
}

std::optional<finding> first(const settings& s, std::string_view id) {
  return testing::first_with_id(validate(s), id);
}

}  // namespace

TEST_CASE("a well-formed From with no list of senders is ok, with a reminder", "[rules][sender]") {
  CHECK(ids(with_from("billing@acme-widgets.com")) == std::vector<std::string>{"from.ok"});
  CHECK(first(with_from("billing@acme-widgets.com"), "from.ok")->detail.find("Sender Signature") !=
        std::string::npos);
}

TEST_CASE("an absent From is not checked and an empty one is missing", "[rules][sender]") {
  CHECK(ids(with_from(std::nullopt)) == std::vector<std::string>{"from.not_given"});
  CHECK(ids(with_from("")) == std::vector<std::string>{"from.missing"});
  CHECK(ids(with_from("  ")) == std::vector<std::string>{"from.missing"});
}

TEST_CASE("spaces around the From address are reported with the trimmed address",
          "[rules][sender]") {
  const auto f = first(with_from("billing@acme-widgets.com \n"), "from.whitespace");
  REQUIRE(f);
  CHECK(f->fix == "Set the From address to billing@acme-widgets.com.");
}

TEST_CASE("a display name in the From field is split into address and name", "[rules][sender]") {
  const auto f =
      first(with_from("\"Acme, Billing\" <billing@acme-widgets.com>"), "from.display_name");
  REQUIRE(f);
  CHECK(f->fix ==
        "Set the From address to billing@acme-widgets.com and the From name to \"Acme, "
        "Billing\".");
  CHECK(ids(with_from("Acme <billing@acme-widgets.com>", {"acme-widgets.com"})) ==
        std::vector<std::string>{"from.display_name", "from.verified"});
}

TEST_CASE("Laravel's MAIL_FROM_ADDRESS takes the address alone", "[rules][sender]") {
  const auto f =
      first(with_from("Acme <billing@acme-widgets.com>", {}, "laravel"), "from.display_name");
  REQUIRE(f);
  CHECK(f->fix ==
        "Set `MAIL_FROM_ADDRESS=billing@acme-widgets.com` (Laravel) and put \"Acme\" in "
        "its From name setting.");
}

TEST_CASE("a display name is right for clients that parse it themselves", "[rules][sender]") {
  for (const char* platform :
       {"nodemailer", "django", "rails", "javamail", "mailkit", "dotnet-smtpclient"}) {
    INFO(platform);
    CHECK(ids(with_from("Acme <billing@acme-widgets.com>", {"acme-widgets.com"}, platform)) ==
          std::vector<std::string>{"from.verified"});
  }
}

TEST_CASE("a public mailbox domain cannot be a verified sender", "[rules][sender]") {
  const auto f = first(with_from("acme.widgets@gmail.com"), "from.free_mail_domain");
  REQUIRE(f);
  CHECK(f->severity == severity::error);
  CHECK(ids(with_from("Someone@GMAIL.com")) == std::vector<std::string>{"from.free_mail_domain"});
}

TEST_CASE("reserved and private domains are reported, webmaster@localhost too", "[rules][sender]") {
  for (const char* from : {"noreply@example.com", "app@intranet.local", "root@box.localdomain",
                           "webmaster@localhost", "a@b.test"}) {
    INFO(from);
    CHECK(ids(with_from(from)) == std::vector<std::string>{"from.reserved_domain"});
  }
}

TEST_CASE("a From address is verified by address, by domain or by @domain", "[rules][sender]") {
  for (const char* entry : {"billing@acme-widgets.com", "BILLING@Acme-Widgets.com",
                            "acme-widgets.com", "@acme-widgets.com", " ACME-WIDGETS.COM "}) {
    INFO(entry);
    CHECK(ids(with_from("billing@acme-widgets.com", {"other.example", entry})) ==
          std::vector<std::string>{"from.verified"});
  }
}

TEST_CASE("a From address that matches no verified sender is an error with a way out",
          "[rules][sender]") {
  const auto f = first(with_from("billing@acme-widgets.com", {"support@acme-widgets.com"}),
                       "from.not_verified");
  REQUIRE(f);
  CHECK(f->fix ==
        "Change the From address to support@acme-widgets.com, or add a Sender Signature "
        "for billing@acme-widgets.com (or verify the domain acme-widgets.com) in Postmark.");
  const auto domain =
      first(with_from("billing@acme-widgets.com", {"acme.io"}), "from.not_verified");
  REQUIRE(domain);
  CHECK(domain->fix.rfind("Change the From address to an address at acme.io,", 0) == 0);
}

TEST_CASE("a subdomain and its parent are verified separately", "[rules][sender]") {
  const auto sub =
      first(with_from("billing@mail.acme-widgets.com", {"acme-widgets.com"}), "from.not_verified");
  REQUIRE(sub);
  CHECK(sub->detail.find("is a subdomain of acme-widgets.com") != std::string::npos);
  const auto parent =
      first(with_from("billing@acme-widgets.com", {"mail.acme-widgets.com"}), "from.not_verified");
  REQUIRE(parent);
  CHECK(parent->detail.find("does not cover its parent acme-widgets.com") != std::string::npos);
}

TEST_CASE("an internationalised domain matches its xn-- form", "[rules][sender]") {
  const settings s = with_from(
      "info@b\xc3\xbc"
      "cher-shop.de",
      {"xn--bcher-shop-9db.de"});
  CHECK(ids(s) == std::vector<std::string>{"from.idn_domain", "from.verified"});
  CHECK(first(s, "from.idn_domain")->fix == "Verify the domain as xn--bcher-shop-9db.de.");
  CHECK(ids(with_from("info@xn--bcher-shop-9db.de", {"b\xc3\xbc"
                                                     "cher-shop.de"})) ==
        std::vector<std::string>{"from.verified"});
}

TEST_CASE("non-ASCII before the @ needs SMTPUTF8", "[rules][sender]") {
  CHECK(ids(with_from("j\xc3\xbcrgen@acme-widgets.com")) ==
        std::vector<std::string>{"from.non_ascii_local_part", "from.ok"});
}

TEST_CASE("mailto:, several addresses and broken addresses are invalid", "[rules][sender]") {
  CHECK(first(with_from("mailto:billing@acme-widgets.com"), "from.invalid")->fix ==
        "Set the From address to billing@acme-widgets.com.");
  for (const char* from :
       {"billing@acme-widgets.com, support@acme-widgets.com", "billing.acme-widgets.com",
        "billing@acme-widgets", "john smith@acme-widgets.com", "a@@b.com", "a@[203.0.113.5]",
        ".a@b.com"}) {
    INFO(from);
    CHECK(ids(with_from(from)) == std::vector<std::string>{"from.invalid"});
  }
}

TEST_CASE("a verified sender entry that is neither an address nor a domain is reported",
          "[rules][sender]") {
  const settings s =
      with_from("billing@acme-widgets.com",
                {"acme-widgets", "Acme <billing@acme-widgets.com>", "", "acme-widgets.com"});
  CHECK(ids(s) == std::vector<std::string>{"senders.invalid_entry", "senders.invalid_entry",
                                           "from.verified"});
}
