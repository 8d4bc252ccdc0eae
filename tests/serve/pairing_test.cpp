// Rule 3: a probe needs the run's pairing: the 128-bit token from the
// agent's own page, the short code from a help-center page; five wrong
// values replace the code.
#include <catch2/catch.hpp>

#include <regex>

#include "serve/pairing.h"
#include "serve_requests.h"
#include "silent_port.h"

using namespace smtpcheck::testing;
using smtpcheck::serve::credential;
using smtpcheck::serve::pairing;

namespace {

// An agent whose probes go to a port that never greets, so an accepted
// probe is quick and touches nothing outside this machine.
std::vector<std::string> quick_probe_args(const silent_port& smtp) {
  return {"--origin",        "https://help.example.com",
          "--allow-host",    "localhost:" + std::to_string(smtp.port()),
          "--reply-timeout", "200ms",
          "--timeout",       "1s"};
}

}  // namespace

TEST_CASE("the token is 32 lowercase hex digits and the code 8 unambiguous characters",
          "[serve][pairing]") {
  const auto token = smtpcheck::serve::random_token();
  REQUIRE(token);
  CHECK(std::regex_match(*token, std::regex("[0-9a-f]{32}")));
  CHECK(*token != *smtpcheck::serve::random_token());
  const auto code = smtpcheck::serve::random_code();
  REQUIRE(code);
  CHECK(std::regex_match(*code, std::regex("[23456789ABCDEFGHJKMNPQRSTWXYZ]{8}")));
  CHECK(smtpcheck::serve::display_code("ABCDEFGH") == "ABCD-EFGH");
}

TEST_CASE("the code is accepted with or without its dash, in any case", "[serve][pairing]") {
  pairing p(std::string(32, 'a'), "ABCDEFGH");
  CHECK(p.check(credential::code, "ABCD-EFGH").accepted);
  CHECK(p.check(credential::code, "abcdefgh").accepted);
  CHECK(p.check(credential::code, "abcd-efgh").accepted);
  CHECK_FALSE(p.check(credential::code, "ABCD--EFGH").accepted);
  CHECK_FALSE(p.check(credential::code, "ABCDEFG").accepted);
  CHECK_FALSE(p.check(credential::code, std::string(32, 'a')).accepted);  // the token is not a code
  CHECK_FALSE(p.check(credential::token, "ABCDEFGH").accepted);           // nor the code a token
  CHECK(p.check(credential::token, std::string(32, 'a')).accepted);
  CHECK_FALSE(p.check(credential::token, std::string(32, 'A')).accepted);
}

TEST_CASE(
    "five wrong codes in a row replace the code; an absent one or a wrong token does not count",
    "[serve][pairing]") {
  pairing p(std::string(32, 'a'), "ABCDEFGH");
  for (int i = 0; i < 10; ++i) CHECK_FALSE(p.check(credential::code, "").new_code);
  for (int i = 0; i < 10; ++i) CHECK_FALSE(p.check(credential::token, "0123").new_code);
  for (int i = 0; i < 4; ++i) CHECK_FALSE(p.check(credential::code, "WRONGXYZ").new_code);
  CHECK(p.code() == "ABCDEFGH");
  const auto fifth = p.check(credential::code, "0123");
  CHECK_FALSE(fifth.accepted);
  REQUIRE(fifth.new_code);
  CHECK(*fifth.new_code == p.code());
  CHECK(p.code() != "ABCDEFGH");
  CHECK_FALSE(p.check(credential::code, "ABCDEFGH").accepted);
  CHECK(p.check(credential::code, p.code()).accepted);
}

TEST_CASE("a probe without the pairing header is refused with 401", "[serve][pairing]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::string body = settings_json("smtp.postmarkapp.com", 587);
  for (const std::string& origin :
       std::vector<std::string>{agent.own_origin(), std::string("https://help.example.com")}) {
    const http_reply reply =
        exchange(agent.port(), probe_request(agent, origin, std::nullopt, body));
    INFO(origin);
    CHECK(reply.status == 401);
    CHECK(reply.body.find("\"error\":\"pairing_required\"") != std::string::npos);
  }
  const http_reply empty =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), "", body));
  CHECK(empty.status == 401);
}

TEST_CASE("a wrong token, or the other credential, is refused with 401", "[serve][pairing]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::string body = settings_json("smtp.postmarkapp.com", 587);
  const std::string wrong(32, '0');
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), wrong, body));
  CHECK(reply.status == 401);
  CHECK(reply.body.find("\"error\":\"pairing_failed\"") != std::string::npos);
  // The own page must use the token, a help-center page the code.
  CHECK(
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.code(), body)).status ==
      401);
  CHECK(
      exchange(agent.port(), probe_request(agent, "https://help.example.com", agent.token(), body))
          .status == 401);
}

TEST_CASE("the agent's own page with the token from the URL starts a probe", "[serve][pairing]") {
  silent_port smtp;
  serve_process agent(quick_probe_args(smtp));
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(),
                                           settings_json("localhost", smtp.port())));
  CHECK(reply.status == 200);
  CHECK(reply.header("content-type") == "application/x-ndjson");
  CHECK(reply.body.find("{\"event\":\"progress\"") == 0);
  CHECK(reply.body.find("{\"event\":\"result\",\"document\":{\"schema\":\"smtpcheck/probe/v1\"") !=
        std::string::npos);
}

TEST_CASE("an allowed help-center page with the typed code starts a probe", "[serve][pairing]") {
  silent_port smtp;
  serve_process agent(quick_probe_args(smtp));
  std::string typed = agent.code();
  typed.erase(4, 1);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, "https://help.example.com", typed,
                                           settings_json("localhost", smtp.port())));
  CHECK(reply.status == 200);
  CHECK(reply.header("access-control-allow-origin") == "https://help.example.com");
  CHECK(reply.body.find("{\"event\":\"result\"") != std::string::npos);
}

TEST_CASE("after five wrong codes the agent prints a new code and the old one stops working",
          "[serve][pairing]") {
  silent_port smtp;
  serve_process agent(quick_probe_args(smtp));
  const std::string old_code = agent.code();
  const std::string body = settings_json("localhost", smtp.port());
  for (int i = 0; i < 5; ++i) {
    CHECK(
        exchange(agent.port(), probe_request(agent, "https://help.example.com", "2222-2222", body))
            .status == 401);
  }
  REQUIRE(agent.wait_for_out("Pairing code: ", 2, std::chrono::seconds(5)));
  const std::string new_code = agent.code();
  CHECK(new_code != old_code);
  CHECK(exchange(agent.port(), probe_request(agent, "https://help.example.com", old_code, body))
            .status == 401);
  CHECK(exchange(agent.port(), probe_request(agent, "https://help.example.com", new_code, body))
            .status == 200);
}
