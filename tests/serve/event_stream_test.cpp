// The lines of a probe's answer: exact shapes, compact, each progress event
// with the core's verdict, and no secret of the request in any of them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "serve/event_stream.h"
#include "smtpcheck/json.h"

using smtpcheck::probe_report;
using smtpcheck::probe_result;
using smtpcheck::settings;
using smtpcheck::agent::probe_event;
using smtpcheck::serve::progress_line;
using smtpcheck::serve::result_line;

namespace {

const std::string token = "00000000-0000-4000-8000-000000000000";

}  // namespace

TEST_CASE("a progress event is one compact JSON line with its fields and verdict in order",
          "[serve][events]") {
  const probe_event event{587, "ipv4", "tls", "", "ok", 123, "ok"};
  CHECK(progress_line(event, {}) ==
        "{\"event\":\"progress\",\"port\":587,\"family\":\"ipv4\",\"step\":\"tls\",\"detail\":\"\","
        "\"status\":\"ok\",\"verdict\":\"ok\",\"elapsed_ms\":123}\n");
}

TEST_CASE("the result line wraps the core's probe document on one line", "[serve][events]") {
  const probe_result result = smtpcheck::judge_probe(probe_report{}, settings{});
  const std::string line = result_line(result);
  CHECK(line.rfind(R"({"event":"result","document":{"schema":"smtpcheck/probe/v1","report":{)",
                   0) == 0);
  CHECK(line.find('\n') == line.size() - 1);
  CHECK(line.find(R"("schema":"smtpcheck/probe/v1")") != std::string::npos);
  // The same document the CLI prints, only on one line.
  const auto pretty = nlohmann::json::parse(smtpcheck::encode_probe_document(result));
  CHECK(nlohmann::json::parse(line)["document"] == pretty);
}

TEST_CASE("secrets are taken out of a progress event's strings", "[serve][events]") {
  const probe_event event{587, "ipv4", "auth", "AUTH PLAIN " + token, "ok", 1, "ok"};
  const std::string line = progress_line(event, {token});
  CHECK(line.find("AUTH PLAIN [redacted]") != std::string::npos);
  CHECK(line.find(token) == std::string::npos);
}
