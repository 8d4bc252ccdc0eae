// judge_probe(): the report made secret-free on its typed value, then
// diagnosed once, so the agent neither scrubs JSON nor judges anything.
#include <catch2/catch.hpp>

#include "smtpcheck/diagnose.h"
#include "smtpcheck/json.h"
#include "smtpcheck/probe_result.h"

using namespace smtpcheck;

namespace {

const std::string token = "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

// A report with the token in every string it can hold, as an echoing or
// hostile server (or a confused agent) could put it there.
probe_report report_full_of(const std::string& secret) {
  const std::string in = "x" + secret + "y";
  probe_report r;
  r.agent = {in, in, in};
  r.started_at = in;
  r.target = {in, {587}, 587, in};
  r.dns = dns_step{"ok", 1, {{in, "ipv4"}}, in};
  probe_connection c;
  c.port = 587;
  c.address = in;
  c.family = "ipv4";
  c.tcp = tcp_step{"ok", 1, std::nullopt, in};
  c.banner = banner_step{"ok", 220, {"220 " + in}, 1};
  c.ehlo = ehlo_step{"ok", 250, {in}, 1};
  c.starttls = starttls_step{"ok", 220, 1};
  c.tls = tls_step{"ok", in, in, in, in, 1, certificate_info{in, {in}, in, in, in, 0, in, true}};
  c.ehlo_after_tls = ehlo_step{"ok", 250, {in}, 1};
  c.auth = auth_step{"failed", in, 535, in, 1};
  c.mail_from = envelope_step{"rejected", 550, in, 1};
  c.rcpt_to = envelope_step{"rejected", 550, in, 1};
  c.transcript = {{0, "S", in}, {1, "C", "AUTH PLAIN " + secret}};
  r.connections = {c};
  r.tls_versions = tls_version_matrix{587, {{"1.2", "refused", in}}};
  r.implicit_tls = implicit_tls_attempt{465, "error", in, 1};
  return r;
}

settings with_token(const std::string& secret) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "587";
  s.username = secret;
  s.password = secret;
  s.from = "billing@example.test";
  return s;
}

}  // namespace

TEST_CASE("a token planted in every string of a report never comes out of judge_probe",
          "[probe_result][secrets]") {
  const probe_result result = judge_probe(report_full_of(token), with_token(token));
  const std::string document = encode_probe_document(result);
  CHECK(document.find(token) == std::string::npos);
  CHECK(encode_probe_line(result).find(token) == std::string::npos);
  CHECK(document.find("x[redacted]y") != std::string::npos);
  CHECK_FALSE(result.findings.empty());
  // Without the token in the settings there is nothing to take out: the
  // report stays as observed (the agent redacts AUTH lines itself).
  settings none;
  CHECK(encode_probe_document(judge_probe(report_full_of(token), none)).find(token) !=
        std::string::npos);
}

TEST_CASE("the secrets of settings are the password and a token username, 8 bytes or longer",
          "[probe_result][secrets]") {
  settings s;
  s.username = "PM-T-access-key";
  s.password = "a-long-secret-key";
  CHECK(probe_secrets(s) == std::vector<std::string>{"a-long-secret-key", "PM-T-access-key"});
  s.username = "billing@example.test";
  s.password = "short";
  CHECK(probe_secrets(s).empty());
}

TEST_CASE("the probe document is the judged result, encoded: the same findings, errors first",
          "[probe_result]") {
  probe_report r;
  r.target.host = "smtp.postmarkapp.com";
  r.dns = dns_step{"nxdomain", 12, {}, "Name or service not known"};
  const probe_result result = judge_probe(r, settings{});
  CHECK(encode_probe_document(result) == encode_probe_document(result));
  CHECK(encode_findings(result.findings) == encode_findings(diagnose(r, settings{})));
}
