// One probe flow through the real `smtpcheck serve`: a typed port is read by
// the core's parser as `smtpcheck check` reads it, each progress line carries
// the core's verdict, and secrets a server echoes back never leave the agent.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "run_process.h"
#include "serve_requests.h"
#include "smtp_server/smtp_test_server.h"

using namespace smtpcheck::testing;

namespace {

std::vector<nlohmann::json> events_of(const std::string& body) {
  std::vector<nlohmann::json> events;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) events.push_back(nlohmann::json::parse(line));
  return events;
}

std::string body_with_port(const std::string& host, const std::string& port_json) {
  return R"({"schema":"smtpcheck/settings/v1","host":")" + host + R"(","port":)" + port_json +
         R"(,"security":"starttls","username":")" + fake_token + R"(","password":")" + fake_token +
         R"(","from":"billing@example.test"})";
}

// `smtpcheck check` on the same settings: does it read the port?
bool check_reads_port(const std::string& body) {
  const process_result checked =
      run_process({SMTPCHECK_BIN, "check", "--settings", "-", "--json"}, {body});
  return nlohmann::json::parse(checked.out)["findings"].dump().find("port.invalid") ==
         std::string::npos;
}

}  // namespace

TEST_CASE("\" 587\" is the same port for check and for serve; \"58 7\" is no port for either",
          "[serve][flow]") {
  smtp_test_server smtp{server_script{}};
  const std::string port = std::to_string(smtp.port());
  serve_process agent({"--origin", "https://help.example.com", "--allow-host", "localhost:" + port,
                       "--ca-file", std::string(SMTPCHECK_TEST_CERTS) + "/ca.pem", "--timeout",
                       "20s"});

  const std::string spaced = body_with_port("localhost", "\" " + port + "\"");
  CHECK(check_reads_port(spaced));
  const http_reply probed = exchange(
      agent.port(), probe_request(agent, "https://help.example.com", agent.code(), spaced));
  REQUIRE(probed.status == 200);
  const auto result = events_of(probed.body).back();
  REQUIRE(result["event"] == "result");
  CHECK(result["document"]["report"]["target"]["user_port"] == smtp.port());
  CHECK(result["document"]["report"]["target"]["ports"] == nlohmann::json::array({smtp.port()}));

  const std::string broken =
      body_with_port("localhost", "\"" + port.substr(0, 2) + " " + port.substr(2) + "\"");
  CHECK_FALSE(check_reads_port(broken));
  const http_reply refused = exchange(
      agent.port(), probe_request(agent, "https://help.example.com", agent.code(), broken));
  CHECK(refused.status == 400);
  CHECK(refused.body.find("invalid_settings") != std::string::npos);
}

TEST_CASE("every progress line carries the core's verdict", "[serve][flow]") {
  smtp_test_server smtp{server_script{}};
  serve_process agent({"--origin", "https://help.example.com", "--allow-host",
                       "localhost:" + std::to_string(smtp.port()), "--ca-file",
                       std::string(SMTPCHECK_TEST_CERTS) + "/ca.pem", "--timeout", "20s"});
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, "https://help.example.com", agent.code(),
                                           settings_json("localhost", smtp.port())));
  REQUIRE(reply.status == 200);
  const auto events = events_of(reply.body);
  REQUIRE(events.size() >= 3);
  bool tls12_seen = false;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    INFO(events[i].dump());
    const std::string verdict = events[i]["verdict"];
    CHECK((verdict == "ok" || verdict == "expected_refusal" || verdict == "problem"));
    // The test server accepts TLS 1.2 and 1.3 only (server_script's default).
    if (events[i]["step"] == "tls_version") {
      const std::string version = events[i]["detail"];
      CHECK(verdict == (version < "1.2" ? "expected_refusal" : "ok"));
      tls12_seen = tls12_seen || version == "1.2";
    }
    if (events[i]["step"] == "auth") CHECK(verdict == "ok");
  }
  CHECK(tls12_seen);
}

TEST_CASE("a token the server echoes in its greeting and EHLO never appears in serve's output",
          "[serve][flow][secrets]") {
  server_script script;
  script.banner = {"220 localhost ESMTP ready for " + fake_token};
  script.hostname = "relay-" + fake_token;
  smtp_test_server smtp{script};
  serve_process agent({"--origin", "https://help.example.com", "--allow-host",
                       "localhost:" + std::to_string(smtp.port()), "--ca-file",
                       std::string(SMTPCHECK_TEST_CERTS) + "/ca.pem", "--timeout", "20s"});
  const http_reply reply =
      exchange(agent.port(), probe_request(agent, "https://help.example.com", agent.code(),
                                           settings_json("localhost", smtp.port())));
  REQUIRE(reply.status == 200);
  const auto result = events_of(reply.body).back();
  REQUIRE(result["event"] == "result");
  // The echo reached the report, taken out by the core on the typed value.
  CHECK(result["document"].dump().find("ready for [redacted]") != std::string::npos);
  CHECK(reply.raw.find(fake_token) == std::string::npos);
  CHECK(agent.out().find(fake_token) == std::string::npos);
  CHECK(agent.err().find(fake_token) == std::string::npos);
}
