// Rule 2: a present Origin must be on the allowlist, as a whole string; a
// probe must carry one. The agent's own page and --origin pages only.
#include <catch2/catch.hpp>

#include "serve/origin_guard.h"
#include "serve_requests.h"

using namespace smtpcheck::testing;
using smtpcheck::serve::origin_allowlist;
using smtpcheck::serve::origin_kind;
using smtpcheck::serve::parse_origin_option;

TEST_CASE("an --origin value is kept in the form browsers send", "[serve][origin]") {
  CHECK(parse_origin_option("https://help.example.com").origin == "https://help.example.com");
  CHECK(parse_origin_option("HTTPS://Help.Example.COM").origin == "https://help.example.com");
  CHECK(parse_origin_option("https://help.example.com:443").origin == "https://help.example.com");
  CHECK(parse_origin_option("http://help.example.com:80").origin == "http://help.example.com");
  CHECK(parse_origin_option("https://help.example.com:8443").origin ==
        "https://help.example.com:8443");
  CHECK(parse_origin_option("http://[::1]:3000").origin == "http://[::1]:3000");
  CHECK(parse_origin_option("http://[::1]:80").origin == "http://[::1]");
  CHECK(parse_origin_option("https://help.example.com:08443").origin ==
        "https://help.example.com:8443");
  CHECK(parse_origin_option("https://help.example.com:0443").origin == "https://help.example.com");
  CHECK(parse_origin_option("http://help.example.com:443").origin == "http://help.example.com:443");
}

TEST_CASE("an --origin value with a path, wildcard, user or other scheme is refused",
          "[serve][origin]") {
  for (const char* bad :
       {"https://help.example.com/", "https://help.example.com/smtp", "help.example.com",
        "https://*.example.com", "https://user@help.example.com", "ftp://help.example.com",
        "https://help.example.com?x=1", "https://help.example.com#x", "https://",
        "https://help..example.com", "https://help.example.com:0", "https://help.example.com:99999",
        "null", "*"}) {
    INFO(bad);
    const auto parsed = parse_origin_option(bad);
    CHECK(parsed.origin.empty());
    CHECK_FALSE(parsed.error.empty());
  }
}

TEST_CASE("origins are classified by exact match only", "[serve][origin]") {
  const origin_allowlist allowlist(8025, {"https://help.example.com"});
  using list = std::vector<std::string>;
  CHECK(allowlist.classify({}) == origin_kind::absent);
  CHECK(allowlist.classify(list{"http://127.0.0.1:8025"}) == origin_kind::own);
  CHECK(allowlist.classify(list{"http://localhost:8025"}) == origin_kind::own);
  CHECK(allowlist.classify(list{"http://[::1]:8025"}) == origin_kind::own);
  CHECK(allowlist.classify(list{"https://help.example.com"}) == origin_kind::allowlisted);
  for (const char* refused : {"https://help.example.com.evil.test", "https://evil.help.example.com",
                              "http://help.example.com", "https://help.example.com:443",
                              "https://help.example.com/", "null", "", "http://127.0.0.1:8026",
                              "https://127.0.0.1:8025", "HTTPS://HELP.EXAMPLE.COM"}) {
    INFO(refused);
    CHECK(allowlist.classify(list{refused}) == origin_kind::refused);
  }
  CHECK(allowlist.classify(list{"https://help.example.com", "https://help.example.com"}) ==
        origin_kind::refused);
}

TEST_CASE("a foreign Origin is refused with 403 on every route", "[serve][origin]") {
  serve_process agent({"--origin", "https://help.example.com"});
  for (const std::string& path :
       std::vector<std::string>{"/v1/hello", "/", "/smtpcheck-widget.js"}) {
    INFO(path);
    const http_reply reply =
        exchange(agent.port(), get_request(agent, path, {{"Origin", "https://evil.test"}}));
    CHECK(reply.status == 403);
    CHECK(reply.body.find("\"error\":\"origin_refused\"") != std::string::npos);
    CHECK_FALSE(reply.has("access-control-allow-origin"));
  }
  const http_reply probe =
      exchange(agent.port(), probe_request(agent, "https://evil.test", agent.token(),
                                           settings_json("smtp.postmarkapp.com", 587)));
  CHECK(probe.status == 403);
}

TEST_CASE("a lookalike of an allowed origin is refused", "[serve][origin]") {
  serve_process agent({"--origin", "https://help.example.com"});
  for (const std::string& origin : std::vector<std::string>{
           "https://help.example.com.evil.test", "https://evilhelp.example.com",
           "http://help.example.com", "https://help.example.com:8443"}) {
    INFO(origin);
    const http_reply reply = exchange(
        agent.port(),
        probe_request(agent, origin, agent.code(), settings_json("smtp.postmarkapp.com", 587)));
    CHECK(reply.status == 403);
    CHECK(reply.body.find("\"error\":\"origin_refused\"") != std::string::npos);
  }
}

TEST_CASE("a probe without an Origin, or with Origin null, is refused", "[serve][origin]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::string body = settings_json("smtp.postmarkapp.com", 587);
  const http_reply absent =
      exchange(agent.port(), probe_request(agent, std::nullopt, agent.token(), body));
  CHECK(absent.status == 403);
  CHECK(absent.body.find("\"error\":\"origin_refused\"") != std::string::npos);
  const http_reply null = exchange(agent.port(), probe_request(agent, "null", agent.token(), body));
  CHECK(null.status == 403);
  CHECK(null.body.find("\"error\":\"origin_refused\"") != std::string::npos);
}

TEST_CASE("two Origin headers are refused even when both are allowed", "[serve][origin]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::string request = http_request("GET", "/v1/hello",
                                           {{"Host", agent_host(agent)},
                                            {"Origin", "https://help.example.com"},
                                            {"Origin", "https://evil.test"}});
  CHECK(exchange(agent.port(), request).status == 403);
}

TEST_CASE("an allowed origin reads the hello document with its exact origin allowed",
          "[serve][origin]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const http_reply reply = exchange(
      agent.port(), get_request(agent, "/v1/hello", {{"Origin", "https://help.example.com"}}));
  CHECK(reply.status == 200);
  CHECK(reply.header("access-control-allow-origin") == "https://help.example.com");
  CHECK(reply.header("vary") == "Origin");
}
