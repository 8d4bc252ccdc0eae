// Rule 6: the CORS preflight lets an allowed help-center page (and only
// one) call the agent, and grants Private Network Access when asked.
#include <catch2/catch.hpp>

#include "serve_requests.h"

using namespace smtpcheck::testing;

namespace {

std::string preflight(const serve_process& agent, const std::string& path,
                      const std::string& origin, bool private_network) {
  std::vector<std::pair<std::string, std::string>> headers = {
      {"Host", agent_host(agent)},
      {"Origin", origin},
      {"Access-Control-Request-Method", "POST"},
      {"Access-Control-Request-Headers", "content-type,x-smtpcheck-pairing"}};
  if (private_network) headers.emplace_back("Access-Control-Request-Private-Network", "true");
  return http_request("OPTIONS", path, headers);
}

}  // namespace

TEST_CASE("a preflight from an allowed origin gets CORS and Private Network Access",
          "[serve][cors]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const http_reply reply =
      exchange(agent.port(), preflight(agent, "/v1/probe", "https://help.example.com", true));
  CHECK(reply.status == 204);
  CHECK(reply.header("access-control-allow-origin") == "https://help.example.com");
  CHECK(reply.header("access-control-allow-methods") == "POST");
  CHECK(reply.header("access-control-allow-headers") == "Content-Type, X-Smtpcheck-Pairing");
  CHECK(reply.header("access-control-allow-private-network") == "true");
  CHECK(reply.header("access-control-max-age") == "600");
  CHECK(reply.header("vary") == "Origin");

  const http_reply hello =
      exchange(agent.port(), preflight(agent, "/v1/hello", "https://help.example.com", false));
  CHECK(hello.status == 204);
  CHECK(hello.header("access-control-allow-methods") == "GET");
  CHECK_FALSE(hello.has("access-control-allow-private-network"));
}

TEST_CASE("a preflight from a foreign or missing origin gets no CORS header", "[serve][cors]") {
  serve_process agent({"--origin", "https://help.example.com"});
  for (const std::string& origin : std::vector<std::string>{
           "https://evil.test", "https://help.example.com.evil.test", "null"}) {
    INFO(origin);
    const http_reply reply = exchange(agent.port(), preflight(agent, "/v1/probe", origin, true));
    CHECK(reply.status == 403);
    for (const char* header :
         {"access-control-allow-origin", "access-control-allow-methods",
          "access-control-allow-headers", "access-control-allow-private-network"}) {
      CHECK_FALSE(reply.has(header));
    }
  }
  const http_reply absent = exchange(
      agent.port(),
      http_request("OPTIONS", "/v1/probe",
                   {{"Host", agent_host(agent)}, {"Access-Control-Request-Method", "POST"}}));
  CHECK(absent.status == 403);
  CHECK_FALSE(absent.has("access-control-allow-origin"));
}

TEST_CASE("every API answer varies by Origin and allows only the exact origin", "[serve][cors]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::string body = settings_json("smtp.postmarkapp.com", 587);
  const std::vector<http_reply> replies = {
      exchange(agent.port(), get_request(agent, "/v1/hello")),
      exchange(agent.port(), get_request(agent, "/v1/hello", {{"Origin", "https://evil.test"}})),
      exchange(agent.port(), probe_request(agent, "https://help.example.com", "2222-2222", body)),
      exchange(agent.port(), probe_request(agent, std::nullopt, agent.token(), body)),
      exchange(agent.port(), http_request("GET", "/v1/hello", {{"Host", "evil.test"}})),
  };
  for (const http_reply& reply : replies) {
    INFO(reply.raw);
    CHECK(reply.header("vary") == "Origin");
    CHECK(reply.header("access-control-allow-origin") != "*");
    CHECK(reply.header("cache-control") == "no-store");
  }
  CHECK_FALSE(
      replies[0].has("access-control-allow-origin"));  // same-origin GET: no Origin, none needed
  CHECK_FALSE(replies[1].has("access-control-allow-origin"));
  CHECK(replies[2].header("access-control-allow-origin") == "https://help.example.com");
}
