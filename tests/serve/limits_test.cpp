// Rule 5: bounded bodies, headers and time; one probe at a time; a rate
// limit; the agent stops by itself.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "serve/rate_limit.h"
#include "serve_requests.h"
#include "silent_port.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> slow_probe_args(const silent_port& smtp,
                                         const std::string& reply_timeout) {
  return {"--allow-host",    "localhost:" + std::to_string(smtp.port()),
          "--reply-timeout", reply_timeout,
          "--timeout",       "10s"};
}

}  // namespace

TEST_CASE("the rate limit allows a burst, then one more per refill", "[serve][limits]") {
  using clock = smtpcheck::serve::rate_limit::clock;
  smtpcheck::serve::rate_limit limit(3, 2000ms);
  const clock::time_point start = clock::now();
  for (int i = 0; i < 3; ++i) CHECK(limit.try_take(start));
  CHECK_FALSE(limit.try_take(start));
  CHECK_FALSE(limit.try_take(start + 1999ms));
  CHECK(limit.try_take(start + 2000ms));
  CHECK_FALSE(limit.try_take(start + 2001ms));
  // A long pause refills to the burst, never beyond it.
  for (int i = 0; i < 3; ++i) CHECK(limit.try_take(start + 60s));
  CHECK_FALSE(limit.try_take(start + 60s));
}

TEST_CASE("a body over 64 KiB is refused with 413 and a JSON error", "[serve][limits]") {
  serve_process agent;
  const std::string body(70 * 1024, 'x');
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(), body));
  CHECK(reply.status == 413);
  CHECK(reply.body.find("\"error\":\"body_too_large\"") != std::string::npos);
  CHECK(reply.header("vary") == "Origin");
}

TEST_CASE("a client that trickles its headers is cut off within seconds while others are served",
          "[serve][limits]") {
  serve_process agent;
  const auto start = std::chrono::steady_clock::now();
  const int slow = connect_loopback(agent.port());
  const std::string head = "GET /v1/hello HTTP/1.1\r\nHost: " + agent_host(agent) + "\r\nX-Slow: ";
  std::atomic<bool> cut_off{false};
  std::thread trickler([&] {
    for (std::size_t i = 0; std::chrono::steady_clock::now() - start < 15s; ++i) {
      const char byte = i < head.size() ? head[i] : 'a';
      if (send(slow, &byte, 1, MSG_NOSIGNAL) != 1) break;
      char ignored[512];
      const ssize_t n = recv(slow, ignored, sizeof ignored, MSG_DONTWAIT);
      if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) break;
      std::this_thread::sleep_for(200ms);
    }
    cut_off = true;
  });
  std::this_thread::sleep_for(1s);
  CHECK(exchange(agent.port(), get_request(agent, "/v1/hello")).status == 200);
  trickler.join();
  const auto elapsed = std::chrono::steady_clock::now() - start;
  close(slow);
  CHECK(cut_off);
  CHECK(elapsed < 8s);
  CHECK(exchange(agent.port(), get_request(agent, "/v1/hello")).status == 200);
}

TEST_CASE("a request with more than 16 KiB of headers is refused with 400", "[serve][limits]") {
  serve_process agent;
  const auto request_with_headers = [&](int count) {
    std::string request = "GET /v1/hello HTTP/1.1\r\nHost: " + agent_host(agent) + "\r\n";
    for (int i = 0; i < count; ++i)
      request += "X-Filler-" + std::to_string(i) + ": " + std::string(1000, 'a') + "\r\n";
    return request + "\r\n";
  };
  CHECK(exchange(agent.port(), request_with_headers(12)).status == 200);
  const http_reply reply = exchange(agent.port(), request_with_headers(17));
  CHECK(reply.status == 400);
  CHECK(reply.body.find("\"error\":\"bad_request\"") != std::string::npos);
  CHECK(exchange(agent.port(), request_with_headers(500)).status == 400);
}

TEST_CASE("twenty probes at once: exactly one runs, the others get 429", "[serve][limits]") {
  silent_port smtp;
  serve_process agent(slow_probe_args(smtp, "3s"));
  const std::string request = probe_request(agent, agent.own_origin(), agent.token(),
                                            settings_json("localhost", smtp.port()));
  std::vector<int> statuses(20);
  std::vector<std::thread> clients;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    clients.emplace_back([&, i] { statuses[i] = exchange(agent.port(), request).status; });
  }
  for (std::thread& t : clients) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 200) == 1);
  CHECK(std::count(statuses.begin(), statuses.end(), 429) == 19);
}

TEST_CASE("a second probe while one runs gets 429 probe_running", "[serve][limits]") {
  silent_port smtp;
  serve_process agent(slow_probe_args(smtp, "2s"));
  const std::string request = probe_request(agent, agent.own_origin(), agent.token(),
                                            settings_json("localhost", smtp.port()));
  const int first = connect_loopback(agent.port());
  REQUIRE(send(first, request.data(), request.size(), MSG_NOSIGNAL) ==
          static_cast<ssize_t>(request.size()));
  REQUIRE(agent.wait_for_err("probe started", 5s));
  const http_reply second = exchange(agent.port(), request);
  CHECK(second.status == 429);
  CHECK(second.body.find("\"error\":\"probe_running\"") != std::string::npos);
  const http_reply first_reply = read_reply(first, 20s);
  close(first);
  CHECK(first_reply.status == 200);
  // Once it is over, the next one runs.
  CHECK(exchange(agent.port(), request).status == 200);
}

TEST_CASE("probe requests beyond the rate limit get 429 rate_limited", "[serve][limits]") {
  serve_process agent;
  const std::string request = probe_request(agent, agent.own_origin(), std::nullopt,
                                            settings_json("smtp.postmarkapp.com", 587));
  int limited = 0;
  for (int i = 0; i < 25; ++i) {
    const http_reply reply = exchange(agent.port(), request);
    if (reply.status == 429) {
      ++limited;
      CHECK(reply.body.find("\"error\":\"rate_limited\"") != std::string::npos);
    } else {
      CHECK(reply.status == 401);
    }
  }
  CHECK(limited >= 4);
}

TEST_CASE("a body that is not JSON, or not JSON by its type, is refused", "[serve][limits]") {
  serve_process agent;
  const http_reply malformed =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(), "{\"host\":"));
  CHECK(malformed.status == 400);
  CHECK(malformed.body.find("\"error\":\"invalid_settings\"") != std::string::npos);
  const http_reply form =
      exchange(agent.port(),
               probe_request(agent, agent.own_origin(), agent.token(), "host=x", "text/plain"));
  CHECK(form.status == 415);
  CHECK(form.body.find("\"error\":\"unsupported_media_type\"") != std::string::npos);
  const http_reply no_host =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(),
                                           R"({"schema":"smtpcheck/settings/v1"})"));
  CHECK(no_host.status == 400);
}

TEST_CASE("the wrong method on an API path is 405 with Allow", "[serve][limits]") {
  serve_process agent;
  const http_reply get_probe = exchange(agent.port(), get_request(agent, "/v1/probe"));
  CHECK(get_probe.status == 405);
  CHECK(get_probe.header("allow") == "POST, OPTIONS");
  const http_reply delete_hello =
      exchange(agent.port(), http_request("DELETE", "/v1/hello", {{"Host", agent_host(agent)}}));
  CHECK(delete_hello.status == 405);
  CHECK(exchange(agent.port(), get_request(agent, "/v1/other")).status == 404);
}

TEST_CASE("--idle-exit 1 stops the agent by itself, refused requests notwithstanding",
          "[serve][limits]") {
  serve_process agent({"--idle-exit", "1"});
  const auto start = std::chrono::steady_clock::now();
  // A page the agent refuses cannot keep it running.
  while (std::chrono::steady_clock::now() - start < 1500ms) {
    try {
      exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", "evil.test"}}), 1s);
    } catch (const std::exception&) {
      break;  // already gone
    }
    std::this_thread::sleep_for(100ms);
  }
  CHECK(agent.wait_exit(5s) == 0);
  CHECK(std::chrono::steady_clock::now() - start < 5s);
}

TEST_CASE("--once stops the agent after the first probe has finished", "[serve][limits]") {
  silent_port smtp;
  std::vector<std::string> args = slow_probe_args(smtp, "300ms");
  args.push_back("--once");
  serve_process agent(args);
  // Requests that are not probes do not end it.
  CHECK(exchange(agent.port(), get_request(agent, "/v1/hello")).status == 200);
  CHECK_FALSE(agent.wait_exit(500ms));
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(),
                                           settings_json("localhost", smtp.port())));
  CHECK(reply.status == 200);
  CHECK(reply.body.find("{\"event\":\"result\"") != std::string::npos);
  CHECK(agent.wait_exit(5s) == 0);
}
