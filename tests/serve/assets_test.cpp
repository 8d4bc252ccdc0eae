// The widget page, served from the binary itself with the right types and
// the headers that keep it contained; and the hello document.
#include <catch2/catch.hpp>

#include "serve/assets.h"
#include "serve_requests.h"

using namespace smtpcheck::testing;
using smtpcheck::serve::content_type_for;
using smtpcheck::serve::find_asset;

TEST_CASE("content types follow the extension, JavaScript and WebAssembly included",
          "[serve][assets]") {
  CHECK(content_type_for("/smtpcheck_core.wasm") == "application/wasm");
  CHECK(content_type_for("/smtpcheck.mjs") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("/widget/form.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("/index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("/smtpcheck-widget.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("/favicon.svg") == "image/svg+xml");
  CHECK(content_type_for("/smtpcheck-widget.js.map") == "application/json; charset=utf-8");
  CHECK(content_type_for("/README") == "application/octet-stream");
  CHECK(content_type_for("/dir.js/file") == "application/octet-stream");
}

TEST_CASE("the embedded page holds the widget and the WebAssembly core", "[serve][assets]") {
  REQUIRE(find_asset("/"));
  CHECK(find_asset("/")->path == "/index.html");
  for (const char* path :
       {"/smtpcheck-widget.js", "/smtpcheck-live-check.js", "/smtpcheck-on-use.js",
        "/smtpcheck-worker.js", "/smtpcheck.mjs", "/smtpcheck_core.wasm", "/smtpcheck_extras.wasm",
        "/smtpcheck_explain.wasm"}) {
    INFO(path);
    REQUIRE(find_asset(path));
    CHECK_FALSE(find_asset(path)->bytes.empty());
  }
  const auto* wasm = find_asset("/smtpcheck_core.wasm");
  CHECK(std::string(reinterpret_cast<const char*>(wasm->bytes.data()), 4) ==
        std::string("\0asm", 4));
  CHECK_FALSE(find_asset("/README.md"));
  CHECK_FALSE(find_asset("/package.json"));
}

TEST_CASE("the page is served with its type, CSP, no-referrer and nosniff", "[serve][assets]") {
  serve_process agent;
  const http_reply page = exchange(agent.port(), get_request(agent, "/"));
  CHECK(page.status == 200);
  CHECK(page.header("content-type") == "text/html; charset=utf-8");
  CHECK(page.body.find("<html") != std::string::npos);
  const std::string csp = page.header("content-security-policy");
  CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
  CHECK(csp.find("worker-src 'self'") != std::string::npos);
  CHECK(csp.find("connect-src 'self'") != std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(page.header("referrer-policy") == "no-referrer");
  CHECK(page.header("x-content-type-options") == "nosniff");

  const http_reply wasm = exchange(agent.port(), get_request(agent, "/smtpcheck_core.wasm"));
  CHECK(wasm.status == 200);
  CHECK(wasm.header("content-type") == "application/wasm");
  CHECK(wasm.body.size() == find_asset("/smtpcheck_core.wasm")->bytes.size());
  // The widget imports these beside its own script once something is used.
  for (const char* path : {"/smtpcheck.mjs", "/smtpcheck-live-check.js", "/smtpcheck-on-use.js"}) {
    INFO(path);
    const http_reply script = exchange(agent.port(), get_request(agent, path));
    CHECK(script.status == 200);
    CHECK(script.header("content-type") == "text/javascript; charset=utf-8");
    CHECK(script.body.size() == find_asset(path)->bytes.size());
  }
  const http_reply head =
      exchange(agent.port(), http_request("HEAD", "/index.html", {{"Host", agent_host(agent)}}));
  CHECK(head.status == 200);
  CHECK(head.body.empty());
}

TEST_CASE("paths outside the embedded page are 404, without touching the file system",
          "[serve][assets]") {
  serve_process agent;
  for (const char* path : {"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/widget/",
                           "/index.html/", "/README.md", "/nothing.js"}) {
    INFO(path);
    const http_reply reply = exchange(agent.port(), get_request(agent, path));
    CHECK(reply.status == 404);
    CHECK(reply.body.find("root:") == std::string::npos);
  }
  CHECK(exchange(agent.port(), http_request("POST", "/index.html", {{"Host", agent_host(agent)}}))
            .status == 405);
}

TEST_CASE("GET /v1/hello says what the agent is and nothing secret", "[serve][assets]") {
  serve_process agent;
  const http_reply reply = exchange(agent.port(), get_request(agent, "/v1/hello"));
  CHECK(reply.status == 200);
  CHECK(reply.header("content-type") == "application/json; charset=utf-8");
  CHECK(reply.body.rfind(R"({"schema":"smtpcheck/hello/v1","agent":"smtpcheck","version":")", 0) ==
        0);
  CHECK(reply.body.find(R"(","capabilities":["probe"],"pairing":["fragment","code"]})") !=
        std::string::npos);
  CHECK(reply.body.find(agent.token()) == std::string::npos);
}
