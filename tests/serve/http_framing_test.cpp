// Strict HTTP/1.1 framing (RFC 9112): a head that two parsers could read
// differently is refused with the contract's 400 before any route sees it.
// Each case sends exact bytes over a real loopback socket.
#include <catch2/catch.hpp>

#include "serve/request_head.h"
#include "serve_requests.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

// The raw answer to `head_lines` (each without its CRLF) sent as a request
// head, with the agent's Host first.
http_reply send_head(const serve_process& agent, const std::string& request_line,
                     const std::vector<std::string>& header_lines, const std::string& body = {}) {
  std::string request = request_line + "\r\nHost: " + agent_host(agent) + "\r\n";
  for (const std::string& line : header_lines) request += line + "\r\n";
  return exchange(agent.port(), request + "\r\n" + body, 10s);
}

void check_bad_request(const http_reply& reply) {
  CHECK(reply.status == 400);
  CHECK(reply.header("content-type") == "application/json; charset=utf-8");
  CHECK(reply.body.find("\"error\":\"bad_request\"") != std::string::npos);
  CHECK(reply.header("x-content-type-options") == "nosniff");
}

}  // namespace

TEST_CASE("a request line over 16 KiB gets the contract's 400, not a closed connection",
          "[serve][framing]") {
  serve_process agent;
  const http_reply reply =
      send_head(agent, "GET /" + std::string(17 * 1024, 'a') + " HTTP/1.1", {});
  check_bad_request(reply);
  CHECK(reply.body.find("16 KiB") != std::string::npos);
}

TEST_CASE("two different Content-Length headers are refused with 400", "[serve][framing]") {
  serve_process agent;
  check_bad_request(send_head(agent, "POST /v1/probe HTTP/1.1",
                              {"Origin: " + agent.own_origin(), "Content-Type: application/json",
                               "Content-Length: 2", "Content-Length: 5"},
                              "{}{}{"));
}

TEST_CASE("the same Content-Length twice is refused with 400", "[serve][framing]") {
  serve_process agent;
  check_bad_request(send_head(
      agent, "POST /v1/probe HTTP/1.1",
      {"Content-Type: application/json", "Content-Length: 2", "Content-Length: 2"}, "{}"));
}

TEST_CASE("Content-Length together with Transfer-Encoding is refused with 400",
          "[serve][framing]") {
  serve_process agent;
  check_bad_request(send_head(
      agent, "POST /v1/probe HTTP/1.1",
      {"Content-Type: application/json", "Content-Length: 2", "Transfer-Encoding: chunked"},
      "2\r\n{}\r\n0\r\n\r\n"));
}

TEST_CASE("a space between a header name and its colon is refused with 400", "[serve][framing]") {
  serve_process agent;
  const std::string request = "GET /v1/hello HTTP/1.1\r\nHost : " + agent_host(agent) + "\r\n\r\n";
  check_bad_request(exchange(agent.port(), request, 10s));
}

TEST_CASE("a header folded onto the next line (obs-fold) is refused with 400", "[serve][framing]") {
  serve_process agent;
  check_bad_request(send_head(agent, "GET /v1/hello HTTP/1.1", {"X-Folded: one", " two"}));
}

TEST_CASE("a line ended by a bare LF is refused with 400", "[serve][framing]") {
  serve_process agent;
  const std::string request = "GET /v1/hello HTTP/1.1\nHost: " + agent_host(agent) + "\r\n\r\n";
  check_bad_request(exchange(agent.port(), request, 10s));
}

TEST_CASE("a well-formed request passes the strict framing", "[serve][framing]") {
  serve_process agent;
  CHECK(send_head(agent, "GET /v1/hello HTTP/1.1", {"Accept: */*", "X-Tab:\tvalue\t"}).status ==
        200);
}

TEST_CASE("the framing check reads the head as RFC 9112 says", "[serve][framing]") {
  using smtpcheck::serve::check_request_head;
  CHECK_FALSE(check_request_head("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  CHECK_FALSE(
      check_request_head("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"));
  CHECK(check_request_head("GET  / HTTP/1.1\r\nHost: a\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/2.0\r\nHost: a\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\n"));
  CHECK(check_request_head("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"));
  CHECK(check_request_head("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nNo-Colon\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nBad\tName: a\r\n\r\n"));
  CHECK(check_request_head("GET / HTTP/1.1\r\nX: a\x01\r\n\r\n"));
}
