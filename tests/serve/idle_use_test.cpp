// Rule 5: only real use keeps the agent running (a paired page's requests,
// a probe); requests any site can cause (Origin-less GETs of the page's
// files), refused requests and failed pairings do not.
#include <catch2/catch.hpp>

#include <thread>

#include "serve_requests.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

using clock_type = std::chrono::steady_clock;

// Sends `request` every 100 ms for `how_long` or until the agent is gone.
void keep_sending(const serve_process& agent, const std::string& request,
                  std::chrono::milliseconds how_long) {
  const auto start = clock_type::now();
  while (clock_type::now() - start < how_long) {
    try {
      exchange(agent.port(), request, 1s);
    } catch (const std::exception&) {
      return;  // already gone
    }
    std::this_thread::sleep_for(100ms);
  }
}

}  // namespace

TEST_CASE("Origin-less GETs of the page's files do not keep the agent running", "[serve][idle]") {
  serve_process agent({"--idle-exit", "1"});
  const auto start = clock_type::now();
  std::thread sender([&] { keep_sending(agent, get_request(agent, "/smtpcheck-widget.js"), 6s); });
  const auto code = agent.wait_exit(10s);
  const auto elapsed = clock_type::now() - start;
  sender.join();
  CHECK(code == 0);
  CHECK(elapsed < 4500ms);  // a kept-alive agent would run past 7 s
}

TEST_CASE("failed pairings do not keep the agent running", "[serve][idle]") {
  serve_process agent({"--idle-exit", "1", "--origin", "https://help.example.com"});
  const auto start = clock_type::now();
  const std::string wrong = probe_request(agent, "https://help.example.com", "2222-2222",
                                          settings_json("smtp.postmarkapp.com", 587));
  std::thread sender([&] { keep_sending(agent, wrong, 6s); });
  const auto code = agent.wait_exit(10s);
  const auto elapsed = clock_type::now() - start;
  sender.join();
  CHECK(code == 0);
  CHECK(elapsed < 4500ms);  // a kept-alive agent would run past 7 s
}

TEST_CASE("a paired page's requests keep the agent running; it stops once they stop",
          "[serve][idle]") {
  serve_process agent({"--idle-exit", "1"});
  // Pairing with the token (the target is then refused: no probe runs).
  const http_reply paired =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(),
                                           settings_json("other.example.test", 587)));
  REQUIRE(paired.status == 403);
  keep_sending(agent, get_request(agent, "/v1/hello", {{"Origin", agent.own_origin()}}), 2500ms);
  CHECK_FALSE(agent.wait_exit(10ms));
  const auto stopped_sending = clock_type::now();
  CHECK(agent.wait_exit(5s) == 0);
  CHECK(clock_type::now() - stopped_sending < 3s);
}

TEST_CASE("the agent's own page before pairing does not keep the agent running", "[serve][idle]") {
  serve_process agent({"--idle-exit", "1"});
  const auto start = clock_type::now();
  std::thread sender([&] {
    keep_sending(agent, get_request(agent, "/v1/hello", {{"Origin", agent.own_origin()}}), 6s);
  });
  const auto code = agent.wait_exit(10s);
  const auto elapsed = clock_type::now() - start;
  sender.join();
  CHECK(code == 0);
  CHECK(elapsed < 4500ms);  // a kept-alive agent would run past 7 s
}
