// Rule 3 under attack: a page that keeps sending wrong codes cannot keep
// the code rotating under the user. After a few replacements in a short
// window its origin is paused (said on the console with its name) and
// the code stays; the agent's own page and other origins are unaffected.
#include <catch2/catch.hpp>

#include "serve/pairing.h"
#include "serve_requests.h"
#include "silent_port.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;
using smtpcheck::serve::credential;
using smtpcheck::serve::pairing;

namespace {

const std::string attacker = "https://help.example.com";
const std::string other = "https://support.example.org";

// Wrong codes from `origin` until one replaces the code or pauses it.
smtpcheck::serve::pairing_check fail_five(pairing& p, const std::string& origin,
                                          pairing::clock::time_point now) {
  smtpcheck::serve::pairing_check last;
  for (int i = 0; i < pairing::failures_before_rotation; ++i)
    last = p.check(credential::code, "2222-2222", origin, now);
  return last;
}

}  // namespace

TEST_CASE("three replacements in two minutes pause that origin and keep the code",
          "[serve][pairing_attack]") {
  pairing p(std::string(32, 'a'), "ABCDEFGH");
  const auto start = pairing::clock::now();
  for (int i = 0; i < pairing::rotations_before_pause; ++i) {
    CHECK(fail_five(p, attacker, start + std::chrono::seconds(i)).new_code);
  }
  const std::string code = p.code();
  const auto paused = fail_five(p, attacker, start + 5s);
  CHECK(paused.pause_started);
  CHECK_FALSE(paused.new_code);
  CHECK(p.code() == code);
  // While paused, even the right code from that origin is not compared, and
  // nothing it sends rotates the code.
  CHECK(p.check(credential::code, code, attacker, start + 10s).paused);
  for (int i = 0; i < 20; ++i) p.check(credential::code, "2222-2222", attacker, start + 10s);
  CHECK(p.code() == code);
  // The token and other origins are unaffected.
  CHECK(
      p.check(credential::token, std::string(32, 'a'), "http://127.0.0.1:1", start + 10s).accepted);
  CHECK(p.check(credential::code, code, other, start + 10s).accepted);
  // After the pause the origin may pair again.
  CHECK(p.check(credential::code, code, attacker, start + 6s + pairing::pause_length).accepted);
}

TEST_CASE("replacements spread out over more than the window do not pause",
          "[serve][pairing_attack]") {
  pairing p(std::string(32, 'a'), "ABCDEFGH");
  const auto start = pairing::clock::now();
  for (int i = 0; i < 6; ++i) {
    const auto outcome = fail_five(p, attacker, start + i * (pairing::rotation_window / 2 + 1s));
    CHECK(outcome.new_code);
    CHECK_FALSE(outcome.paused);
  }
}

TEST_CASE(
    "a help-center page sending wrong codes is paused, named on the console, and the "
    "own page still probes",
    "[serve][pairing_attack]") {
  silent_port smtp;
  serve_process agent({"--origin", attacker, "--allow-host",
                       "localhost:" + std::to_string(smtp.port()), "--reply-timeout", "200ms",
                       "--timeout", "1s"});
  const std::string body = settings_json("localhost", smtp.port());
  const int to_pause =
      pairing::failures_before_rotation * (pairing::rotations_before_pause + 1);  // 20: the burst
  http_reply last;
  for (int i = 0; i < to_pause; ++i) {
    last = exchange(agent.port(), probe_request(agent, attacker, "2222-2222", body));
  }
  CHECK(last.status == 429);
  CHECK(last.body.find("\"error\":\"pairing_paused\"") != std::string::npos);
  REQUIRE(agent.wait_for_out("Pairing from " + attacker + " is paused", 1, 5s));
  // Three replacements were printed after the first code, then no more.
  CHECK(count_of(agent.out(), "Pairing code: ") == 1 + pairing::rotations_before_pause);
  CHECK(agent.out().find("The code stays " + agent.code()) != std::string::npos);
  // The own page's token works at once, its rate limit untouched.
  CHECK(exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(), body))
            .status == 200);
}
