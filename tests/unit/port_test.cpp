// The one port parser: validate, the agent's command line and serve all
// read a typed port through it, so " 587" is port 587 everywhere.
#include <catch2/catch.hpp>

#include "finding_queries.h"
#include "smtpcheck/port.h"
#include "smtpcheck/validate.h"

using namespace smtpcheck;
using smtpcheck::testing::first_with_id;

TEST_CASE("a port is 1 to 65535 in digits, with spaces around it forgiven", "[port]") {
  CHECK(parse_port("587") == 587);
  CHECK(parse_port(" 587") == 587);
  CHECK(parse_port("587 ") == 587);
  CHECK(parse_port("\t2525\n") == 2525);
  CHECK(parse_port("1") == 1);
  CHECK(parse_port("65535") == 65535);
  for (const char* bad :
       {"", " ", "0", "65536", "-1", "+587", "58 7", "587a", "0x24b", "5870000"}) {
    INFO(bad);
    CHECK_FALSE(parse_port(bad));
  }
}

TEST_CASE("a port list is ports separated by commas, each read the same way", "[port]") {
  CHECK(parse_port_list("2525,587") == std::vector<int>{2525, 587});
  CHECK(parse_port_list("2525, 587") == std::vector<int>{2525, 587});
  CHECK(parse_port_list("25") == std::vector<int>{25});
  for (const char* bad : {"", ",", "25,", ",25", "25,,587", "25;587", "25,0"}) {
    INFO(bad);
    CHECK_FALSE(parse_port_list(bad));
  }
}

TEST_CASE("validate reads the port through the same parser", "[port][rules]") {
  settings s;
  s.host = "smtp.postmarkapp.com";
  for (const char* typed : {"587", " 587", "587 ", "abc", "58 7", "0"}) {
    INFO(typed);
    s.port = typed;
    const auto findings = validate(s);
    const bool understood = !first_with_id(findings, "port.invalid");
    CHECK(understood == settings_port(s).has_value());
    if (understood) CHECK(first_with_id(findings, "port.ok"));
  }
}
