// The lines of a probe's answer: exact shapes, compact, and scrubbed of the
// request's secrets whatever produced them.
#include <catch2/catch.hpp>

#include "serve/event_stream.h"

using smtpcheck::agent::probe_event;
using smtpcheck::agent::probe_options;
using smtpcheck::serve::progress_line;
using smtpcheck::serve::result_line;
using smtpcheck::serve::secrets_to_scrub;

TEST_CASE("a progress event is one compact JSON line with its fields in order", "[serve][events]") {
  const probe_event event{587, "ipv4", "tls", "", "ok", 123};
  CHECK(progress_line(event, {}) ==
        "{\"event\":\"progress\",\"port\":587,\"family\":\"ipv4\",\"step\":\"tls\",\"detail\":\"\","
        "\"status\":\"ok\",\"elapsed_ms\":123}\n");
}

TEST_CASE("the result line wraps the probe document, made compact", "[serve][events]") {
  CHECK(
      result_line("{\n  \"schema\": \"smtpcheck/probe/v1\",\n  \"findings\": []\n}\n", {}) ==
      "{\"event\":\"result\",\"document\":{\"schema\":\"smtpcheck/probe/v1\",\"findings\":[]}}\n");
  CHECK(result_line("not json", {}).rfind("{\"event\":\"error\",\"error\":\"internal_error\"", 0) ==
        0);
}

TEST_CASE("secrets are scrubbed from every string of every line", "[serve][events]") {
  const std::vector<std::string> secrets = {"00000000-0000-4000-8000-000000000000"};
  const probe_event event{587,  "ipv4", "auth", "AUTH PLAIN 00000000-0000-4000-8000-000000000000",
                          "ok", 1};
  CHECK(progress_line(event, secrets).find("AUTH PLAIN [redacted]") != std::string::npos);
  const std::string line = result_line(
      R"({"report":{"transcript":["C: x00000000-0000-4000-8000-000000000000y"]},"00000000-0000-4000-8000-000000000000":1})",
      secrets);
  CHECK(line.find("00000000-0000-4000-8000-000000000000") == std::string::npos);
  CHECK(line.find("x[redacted]y") != std::string::npos);
}

TEST_CASE("passwords and token usernames are scrubbed, addresses and short values are not",
          "[serve][events]") {
  probe_options options;
  options.username = "PM-T-access-key";
  options.password = "a-long-secret-key";
  CHECK(secrets_to_scrub(options) ==
        std::vector<std::string>{"a-long-secret-key", "PM-T-access-key"});
  options.username = "billing@example.test";
  options.password = "short";
  CHECK(secrets_to_scrub(options).empty());
}
