// Rules 7 and 8 through the server: a full paired probe against the scripted
// SMTP server (STARTTLS, AUTH, MAIL FROM) streams its progress and result,
// and no answer, log line or output ever repeats the password, the token or
// the pairing code (beyond the one start-up message).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>

#include "serve_requests.h"
#include "smtp_server/smtp_test_server.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> lines_of(const std::string& body) {
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("a paired probe streams one JSON line per step, then the diagnosed result",
          "[serve][secrets]") {
  smtp_test_server smtp{server_script{}};
  serve_process agent({"--origin", "https://help.example.com", "--allow-host",
                       "localhost:" + std::to_string(smtp.port()), "--ca-file",
                       std::string(SMTPCHECK_TEST_CERTS) + "/ca.pem", "--timeout", "20s"});
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, "https://help.example.com", agent.code(),
                                           settings_json("localhost", smtp.port())));
  REQUIRE(reply.status == 200);
  CHECK(reply.header("transfer-encoding") == "chunked");
  const std::vector<std::string> lines = lines_of(reply.body);
  REQUIRE(lines.size() >= 3);
  bool authenticated = false;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    INFO(lines[i]);
    const auto event = nlohmann::json::parse(lines[i]);
    CHECK(event["event"] == "progress");
    for (const char* key : {"port", "family", "step", "detail", "status", "elapsed_ms"})
      CHECK(event.contains(key));
    if (event["step"] == "auth" && event["status"] == "ok") authenticated = true;
  }
  CHECK(authenticated);
  const auto result = nlohmann::json::parse(lines.back());
  CHECK(result["event"] == "result");
  CHECK(result["document"]["schema"] == "smtpcheck/probe/v1");
  CHECK(result["document"]["report"]["target"]["host"] == "localhost");
  CHECK(result["document"]["findings"].is_array());
  // The server accepted AUTH (it holds the same fake token) and never saw DATA.
  const auto connections = smtp.connections();
  CHECK(std::any_of(connections.begin(), connections.end(),
                    [](const connection_record& c) { return c.authenticated; }));
  CHECK_FALSE(smtp.data_received());

  CHECK(reply.raw.find(fake_token) == std::string::npos);
  CHECK(agent.out().find(fake_token) == std::string::npos);
  CHECK(agent.err().find(fake_token) == std::string::npos);
}

TEST_CASE("the token and the code appear once, in the start-up message, and nowhere else",
          "[serve][secrets]") {
  serve_process agent({"--origin", "https://help.example.com", "--idle-exit", "30"});
  const std::string token = agent.token();
  const std::string code = agent.code();
  std::string code_plain = code;
  code_plain.erase(4, 1);
  const std::string body = settings_json("smtp.postmarkapp.com", 587);
  std::vector<http_reply> replies = {
      exchange(agent.port(), get_request(agent, "/")),
      exchange(agent.port(), get_request(agent, "/v1/hello")),
      exchange(agent.port(),
               get_request(agent, "/v1/hello", {{"Origin", "https://help.example.com"}})),
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(), "{not json")),
      exchange(agent.port(), probe_request(agent, agent.own_origin(), agent.token(),
                                           settings_json("127.0.0.1", 22))),
      exchange(agent.port(),
               probe_request(agent, "https://help.example.com", agent.code(), "{not json")),
      exchange(agent.port(), probe_request(agent, "https://help.example.com", "2222-2222", body)),
      exchange(agent.port(), probe_request(agent, agent.own_origin(), std::string(32, '0'), body)),
      exchange(agent.port(), probe_request(agent, "https://evil.test", agent.token(), body)),
      exchange(agent.port(),
               probe_request(agent, agent.own_origin(), agent.token(), std::string(70000, ' '))),
      exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", "evil.test"}})),
  };
  for (const http_reply& reply : replies) {
    INFO(reply.raw.substr(0, 400));
    CHECK(reply.status != 0);
    CHECK(reply.raw.find(token) == std::string::npos);
    CHECK(reply.raw.find(code) == std::string::npos);
    CHECK(reply.raw.find(code_plain) == std::string::npos);
  }
  CHECK(count_of(agent.out(), token) == 1);
  CHECK(count_of(agent.out(), code) == 1);
  CHECK(count_of(agent.err(), token) == 0);
  CHECK(count_of(agent.err(), code) == 0);
  CHECK(count_of(agent.err(), fake_token) == 0);
}

TEST_CASE("a client's control characters and non-ASCII bytes never reach the log as they are",
          "[serve][secrets]") {
  serve_process agent;
  // A control character in a header is malformed HTTP: refused before any route.
  CHECK(exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", "evil\x1b[2J.test"}}))
            .status == 400);
  exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", "evil\xc3\xa9[2J.test"}}));
  REQUIRE(agent.wait_for_err("host_refused", 5s));
  CHECK(agent.err().find('\x1b') == std::string::npos);
  CHECK(agent.err().find('\xc3') == std::string::npos);
  CHECK(agent.err().find("evil??[2J.test") != std::string::npos);
}
