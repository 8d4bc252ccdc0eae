// Probe report documents: read whole, bare or wrapped, and never trusted:
// bad input becomes findings, never an exception, never an echo of the input.
#include <catch2/catch.hpp>
#include <string>

#include "finding_queries.h"
#include "smtpcheck/json.h"

using namespace smtpcheck;
using testing::first_with_id;

namespace {

constexpr const char* healthy = R"({
  "schema": "smtpcheck/report/v1",
  "agent": {"version": "0.1.0", "os": "linux x86_64", "openssl": "OpenSSL 3.0.13 30 Jan 2024"},
  "started_at": "2026-11-22T15:40:12Z",
  "duration_ms": 1812,
  "target": {"host": "smtp.postmarkapp.com", "ports": [25, 2525, 587], "user_port": 587, "security": "starttls"},
  "dns": {"status": "ok", "duration_ms": 23, "addresses": [{"address": "50.31.156.98", "family": "ipv4"}]},
  "connections": [{
    "port": 587, "address": "50.31.156.98", "family": "ipv4",
    "tcp": {"status": "ok", "duration_ms": 38},
    "banner": {"status": "ok", "code": 220, "lines": ["220 smtp.postmarkapp.com ESMTP Postmark"], "duration_ms": 41},
    "tls": {"status": "ok", "version": "1.3", "cipher": "TLS_AES_256_GCM_SHA384", "duration_ms": 96,
            "certificate": {"subject": "CN=smtp.postmarkapp.com", "sans": ["smtp.postmarkapp.com"],
                            "verify_code": 0, "hostname_match": true}},
    "auth": {"status": "failed", "mechanism": "PLAIN", "code": 535, "text": "5.7.8 Authentication failed"},
    "transcript": [{"t_ms": 0, "dir": "S", "line": "220 smtp.postmarkapp.com ESMTP Postmark"}]
  }],
  "tls_versions": {"port": 587, "results": [{"version": "1.0", "status": "refused"}]},
  "implicit_tls": {"port": 465, "status": "timeout"}
})";

}  // namespace

TEST_CASE("a well-formed report decodes every step it holds", "[report][decode]") {
  const decoded_report d = decode_report(healthy);
  REQUIRE(d.usable);
  CHECK(d.findings.empty());
  const probe_report& r = d.value;
  CHECK(r.agent.openssl == "OpenSSL 3.0.13 30 Jan 2024");
  CHECK(r.target.ports == std::vector<int>{25, 2525, 587});
  CHECK(r.target.user_port == 587);
  REQUIRE(r.dns);
  CHECK(r.dns->addresses.size() == 1);
  REQUIRE(r.connections.size() == 1);
  const probe_connection& c = r.connections[0];
  CHECK(c.tcp->status == "ok");
  CHECK(c.banner->code == 220);
  CHECK(c.tls->certificate->hostname_match == true);
  CHECK(c.auth->code == 535);
  CHECK(c.transcript.size() == 1);
  CHECK(r.tls_versions->results.size() == 1);
  CHECK(r.implicit_tls->port == 465);
}

TEST_CASE("a step that is absent stays not attempted", "[report][decode]") {
  const decoded_report d = decode_report(healthy);
  CHECK_FALSE(d.value.connections[0].ehlo.has_value());
  CHECK_FALSE(d.value.connections[0].starttls.has_value());
  CHECK_FALSE(d.value.connections[0].mail_from.has_value());
}

TEST_CASE("a probe document is read through its report", "[report][decode]") {
  const std::string probe =
      std::string(R"({"schema": "smtpcheck/probe/v1", "findings": [], "report": )") + healthy + "}";
  const decoded_report d = decode_report(probe);
  REQUIRE(d.usable);
  CHECK(d.value.connections.size() == 1);
}

TEST_CASE("malformed JSON is located by line and column without quoting it", "[report][decode]") {
  const decoded_report d =
      decode_report("{\n  \"dns\": {\"status\": \"ok\",\n  \"error\": \"s3cr3t-looking");
  CHECK_FALSE(d.usable);
  REQUIRE(d.findings.size() == 1);
  CHECK(d.findings[0].id == "diagnose.report_malformed");
  CHECK(d.findings[0].evidence.rfind("line 3, column", 0) == 0);
  CHECK(d.findings[0].detail.find("s3cr3t") == std::string::npos);
}

TEST_CASE("a report over 1 MiB is not read", "[report][decode]") {
  const decoded_report d = decode_report(std::string(max_report_bytes + 1, ' '));
  CHECK_FALSE(d.usable);
  CHECK(d.findings.at(0).id == "diagnose.report_too_large");
}

TEST_CASE("another schema is refused, not guessed at", "[report][decode]") {
  const decoded_report d = decode_report(R"({"schema": "smtpcheck/settings/v1", "host": "x"})");
  CHECK_FALSE(d.usable);
  CHECK(d.findings.at(0).id == "diagnose.report_schema_unsupported");
}

TEST_CASE("a top-level array is not a report", "[report][decode]") {
  const decoded_report d = decode_report("[]");
  CHECK_FALSE(d.usable);
  CHECK(d.findings.at(0).id == "diagnose.report_malformed");
}

TEST_CASE("a step with an unknown status is dropped with a finding naming its path",
          "[report][decode]") {
  const decoded_report d =
      decode_report(R"({"connections": [{"port": 587, "tcp": {"status": "connected"}}]})");
  REQUIRE(d.usable);
  REQUIRE(d.value.connections.size() == 1);
  CHECK_FALSE(d.value.connections[0].tcp.has_value());
  const auto f = first_with_id(d.findings, "diagnose.report_wrong_type");
  REQUIRE(f);
  CHECK(f->field == "connections[0].tcp.status");
}

TEST_CASE("a connection without a valid port is dropped", "[report][decode]") {
  const decoded_report d =
      decode_report(R"({"connections": [{"port": "587", "tcp": {"status": "ok"}}]})");
  CHECK(d.value.connections.empty());
  CHECK(first_with_id(d.findings, "diagnose.report_wrong_type")->field == "connections[0].port");
}

TEST_CASE("wrong-type findings stop at twenty", "[report][decode]") {
  std::string doc = R"({"connections": [)";
  for (int i = 0; i < 50; ++i) doc += std::string(i ? "," : "") + R"({"port": 0})";
  doc += "]}";
  const decoded_report d = decode_report(doc);
  CHECK(d.findings.size() == 20);
}

TEST_CASE("unknown fields are ignored, for newer agents", "[report][decode]") {
  const decoded_report d = decode_report(R"({"schema": "smtpcheck/report/v1", "new_field": 1})");
  CHECK(d.usable);
  CHECK(d.findings.empty());
}
