// Rule 1: the agent answers only requests addressed to itself by name and
// port, so a DNS-rebinding page (its own name re-pointed at 127.0.0.1)
// gets nothing.
#include <catch2/catch.hpp>

#include "serve/host_guard.h"
#include "serve_requests.h"

using namespace smtpcheck::testing;
using smtpcheck::serve::host_allowed;

TEST_CASE("the three loopback names with the agent's port are the only Hosts allowed",
          "[serve][host]") {
  CHECK(host_allowed("127.0.0.1:8025", 8025));
  CHECK(host_allowed("localhost:8025", 8025));
  CHECK(host_allowed("[::1]:8025", 8025));
  CHECK_FALSE(host_allowed("127.0.0.1:8026", 8025));
  CHECK_FALSE(host_allowed("127.0.0.1", 8025));
  CHECK_FALSE(host_allowed("LOCALHOST:8025", 8025));
  CHECK_FALSE(host_allowed("localhost.:8025", 8025));
  CHECK_FALSE(host_allowed("evil.test:8025", 8025));
  CHECK_FALSE(host_allowed("127.0.0.1:8025.evil.test", 8025));
  CHECK_FALSE(host_allowed("x127.0.0.1:8025", 8025));
  CHECK_FALSE(host_allowed("", 8025));
}

TEST_CASE("a request with a foreign Host is refused with 403 before any route", "[serve][host]") {
  serve_process agent;
  const std::string port = std::to_string(agent.port());
  for (const std::string& host : std::vector<std::string>{"evil.test:" + port, "127.0.0.1:1",
                                                          "127.0.0.1", "rebind.evil.test"}) {
    const http_reply reply =
        exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", host}}));
    INFO(host);
    CHECK(reply.status == 403);
    CHECK(reply.body.find("\"error\":\"host_refused\"") != std::string::npos);
  }
  // The page itself is refused too: a rebound name must not even read it.
  CHECK(exchange(agent.port(), http_request("GET", "/", {{"Host", "evil.test:" + port}})).status ==
        403);
  // So is a probe, with the right token and origin.
  const std::string probe = http_request("POST", "/v1/probe",
                                         {{"Host", "evil.test:" + port},
                                          {"Origin", agent.own_origin()},
                                          {"X-Smtpcheck-Pairing", agent.token()},
                                          {"Content-Type", "application/json"}},
                                         settings_json("smtp.postmarkapp.com", 587));
  CHECK(exchange(agent.port(), probe).status == 403);
  CHECK(agent.err().find("host_refused") != std::string::npos);
}

TEST_CASE("a request without a Host, or with two, is refused", "[serve][host]") {
  serve_process agent;
  CHECK(exchange(agent.port(), "GET /v1/hello HTTP/1.0\r\n\r\n").status == 403);
  const std::string twice =
      http_request("GET", "/v1/hello", {{"Host", agent_host(agent)}, {"Host", "evil.test"}});
  CHECK(exchange(agent.port(), twice).status == 403);
}

TEST_CASE("each loopback spelling of the agent's own Host is answered", "[serve][host]") {
  serve_process agent;
  const std::string port = std::to_string(agent.port());
  for (const std::string& host :
       std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
    INFO(host);
    CHECK(exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", host}})).status == 200);
  }
}
