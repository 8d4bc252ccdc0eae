// A page on another site cannot load the agent's files without CORS to
// find out that it runs: such a request gets no answer at all, exactly as
// when no agent runs. The own page and navigations are served.
#include <catch2/catch.hpp>

#include "serve/fetch_metadata.h"
#include "serve_requests.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;

namespace {

http_reply get_with(const serve_process& agent, const std::string& path,
                    std::vector<std::pair<std::string, std::string>> headers) {
  return exchange(agent.port(), get_request(agent, path, std::move(headers)), 5s);
}

}  // namespace

TEST_CASE("a cross-site <script src> of the page's file gets no answer at all",
          "[serve][fetch_metadata]") {
  serve_process agent;
  const http_reply reply = get_with(agent, "/smtpcheck-widget.js",
                                    {{"Sec-Fetch-Site", "cross-site"},
                                     {"Sec-Fetch-Mode", "no-cors"},
                                     {"Sec-Fetch-Dest", "script"}});
  CHECK(reply.raw.empty());
}

TEST_CASE("a same-site no-cors image of the page's files gets no answer at all",
          "[serve][fetch_metadata]") {
  serve_process agent;
  // localhost and 127.0.0.1 are different sites: same-site is foreign too.
  CHECK(get_with(agent, "/favicon.svg",
                 {{"Sec-Fetch-Site", "same-site"},
                  {"Sec-Fetch-Mode", "no-cors"},
                  {"Sec-Fetch-Dest", "image"}})
            .raw.empty());
}

TEST_CASE(
    "the hello still answers a cross-site no-cors fetch (how the widget tells 'not "
    "allowed' from 'no agent')",
    "[serve][fetch_metadata]") {
  serve_process agent;
  CHECK(get_with(agent, "/v1/hello",
                 {{"Sec-Fetch-Site", "cross-site"},
                  {"Sec-Fetch-Mode", "no-cors"},
                  {"Sec-Fetch-Dest", "empty"}})
            .status == 200);
}

TEST_CASE("a cross-site frame of the page gets no answer at all", "[serve][fetch_metadata]") {
  serve_process agent;
  CHECK(get_with(agent, "/",
                 {{"Sec-Fetch-Site", "cross-site"},
                  {"Sec-Fetch-Mode", "navigate"},
                  {"Sec-Fetch-Dest", "iframe"}})
            .raw.empty());
}

TEST_CASE("the own page's requests, a typed address and a followed link are served",
          "[serve][fetch_metadata]") {
  serve_process agent;
  CHECK(get_with(agent, "/smtpcheck-widget.js",
                 {{"Sec-Fetch-Site", "same-origin"},
                  {"Sec-Fetch-Mode", "no-cors"},
                  {"Sec-Fetch-Dest", "script"}})
            .status == 200);
  CHECK(get_with(agent, "/",
                 {{"Sec-Fetch-Site", "none"},
                  {"Sec-Fetch-Mode", "navigate"},
                  {"Sec-Fetch-Dest", "document"}})
            .status == 200);
  CHECK(get_with(agent, "/",
                 {{"Sec-Fetch-Site", "cross-site"},
                  {"Sec-Fetch-Mode", "navigate"},
                  {"Sec-Fetch-Dest", "document"}})
            .status == 200);
}

TEST_CASE("a help-center page may call the hello with CORS but not load the page's files",
          "[serve][fetch_metadata]") {
  serve_process agent({"--origin", "https://help.example.com"});
  const std::vector<std::pair<std::string, std::string>> cors = {
      {"Origin", "https://help.example.com"},
      {"Sec-Fetch-Site", "cross-site"},
      {"Sec-Fetch-Mode", "cors"},
      {"Sec-Fetch-Dest", "empty"}};
  CHECK(get_with(agent, "/v1/hello", cors).status == 200);
  const http_reply file = get_with(agent, "/smtpcheck-widget.js", cors);
  CHECK(file.status == 403);
  CHECK(file.body.find("\"error\":\"origin_refused\"") != std::string::npos);
}

TEST_CASE("fetch metadata: only a foreign request without CORS or navigation is foreign",
          "[serve][fetch_metadata]") {
  using smtpcheck::serve::is_foreign_subresource;
  CHECK_FALSE(is_foreign_subresource("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
  CHECK(is_foreign_subresource("GET / HTTP/1.1\r\nSEC-FETCH-SITE:  Cross-Site \r\n\r\n"));
  CHECK_FALSE(is_foreign_subresource(
      "GET / HTTP/1.1\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\n\r\n"));
  CHECK_FALSE(is_foreign_subresource(
      "GET / HTTP/1.1\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: cors\r\n\r\n"));
}
