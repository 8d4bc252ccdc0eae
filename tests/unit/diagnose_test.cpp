// Diagnosis: a probe report's facts judged into findings, each with one fix.
#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <vector>

#include "finding_queries.h"
#include "smtpcheck/diagnose.h"
#include "smtpcheck/explain.h"
#include "smtpcheck/json.h"

using namespace smtpcheck;
using testing::first_with_id;

namespace {

probe_connection connect(int port, std::string status, std::string family = "ipv4") {
  probe_connection c;
  c.port = port;
  c.family = std::move(family);
  c.address = c.family == "ipv4" ? "50.31.156.98" : "2620:0:2ed0:1::98";
  c.tcp = tcp_step{std::move(status), 40, std::nullopt, ""};
  return c;
}

probe_connection healthy(int port) {
  probe_connection c = connect(port, "ok");
  c.banner = banner_step{"ok", 220, {"220 smtp.postmarkapp.com ESMTP Postmark"}, 41};
  c.starttls = starttls_step{"ok", 220, 40};
  tls_step tls;
  tls.status = "ok";
  tls.version = "1.3";
  tls.cipher = "TLS_AES_256_GCM_SHA384";
  certificate_info cert;
  cert.subject = "CN=smtp.postmarkapp.com";
  cert.issuer = "C=GB,O=Sectigo Limited,CN=Sectigo RSA Domain Validation Secure Server CA";
  cert.verify_code = 0;
  cert.hostname_match = true;
  tls.certificate = cert;
  c.tls = tls;
  return c;
}

settings on_port(int port) {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = std::to_string(port);
  s.security = security_mode::starttls;
  return s;
}

}  // namespace

TEST_CASE("a blocked port with another one working says which port to switch to",
          "[diagnose][ports]") {
  probe_report r;
  r.connections = {connect(25, "timeout"), healthy(587)};
  const auto findings = diagnose(r, on_port(25));
  const auto f = first_with_id(findings, "diagnose.switch_port");
  REQUIRE(f);
  CHECK(f->fix == "Set the port to 587 and the security to STARTTLS.");
  CHECK(first_with_id(findings, "diagnose.port_filtered"));
}

TEST_CASE("every served port blocked means the network blocks SMTP", "[diagnose][ports]") {
  probe_report r;
  r.connections = {connect(25, "timeout"), connect(2525, "timeout"), connect(587, "refused")};
  const auto findings = diagnose(r, on_port(587));
  REQUIRE(first_with_id(findings, "diagnose.smtp_blocked"));
  CHECK_FALSE(first_with_id(findings, "diagnose.switch_port"));
  CHECK(first_with_id(findings, "diagnose.port_refused"));
}

TEST_CASE("IPv6 failing while IPv4 works is reported once", "[diagnose][dns]") {
  probe_report r;
  r.agent.os = "linux x86_64";
  r.connections = {healthy(587), connect(587, "timeout", "ipv6")};
  const auto findings = diagnose(r, on_port(587));
  const auto f = first_with_id(findings, "diagnose.ipv6_broken");
  REQUIRE(f);
  CHECK(f->fix.find("/etc/gai.conf") != std::string::npos);
}

TEST_CASE("a greeting without the provider's name is interception", "[diagnose][smtp]") {
  probe_report r;
  probe_connection c = healthy(25);
  c.banner->lines = {"220 smtp.isp-proxy.example ESMTP"};
  r.connections = {c, healthy(587)};
  const auto f = first_with_id(diagnose(r, on_port(25)), "diagnose.banner_not_provider");
  REQUIRE(f);
  CHECK(f->evidence.find("isp-proxy") != std::string::npos);
  CHECK(f->fix == "Set the port to 587 and the security to STARTTLS.");
}

TEST_CASE("STARTTLS missing from EHLO is stripping, never a reason to go on in clear",
          "[diagnose][smtp]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.ehlo = ehlo_step{"ok", 250, {"PIPELINING", "XXXXXXXA"}, 40};
  c.starttls = starttls_step{"not_offered", std::nullopt, 0};
  c.tls.reset();
  r.connections = {c};
  const auto f = first_with_id(diagnose(r, on_port(587)), "diagnose.starttls_not_offered");
  REQUIRE(f);
  CHECK(f->detail.find("Never let the client continue in clear") != std::string::npos);
}

TEST_CASE("a certificate from an antivirus CA is interception, not just untrusted",
          "[diagnose][tls]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.tls->certificate->issuer = "CN=Avast Web/Mail Shield Root";
  c.tls->certificate->verify_code = 19;
  r.connections = {c};
  const auto findings = diagnose(r, on_port(587));
  REQUIRE(first_with_id(findings, "diagnose.tls_intercepted"));
  CHECK(first_with_id(findings, "diagnose.tls_intercepted")->fix.find("Avast") == 9);
  CHECK_FALSE(first_with_id(findings, "diagnose.certificate_untrusted"));
  CHECK_FALSE(first_with_id(findings, "diagnose.tls_ok"));
}

TEST_CASE("interception names match whole words only", "[diagnose][tls]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.tls->certificate->issuer = "CN=RESET Test CA";
  c.tls->certificate->verify_code = 20;
  r.connections = {c};
  const auto findings = diagnose(r, on_port(587));
  CHECK_FALSE(first_with_id(findings, "diagnose.tls_intercepted"));
  CHECK(first_with_id(findings, "diagnose.certificate_untrusted"));
}

TEST_CASE("TLS 1.0 and 1.1 refused is expected, TLS 1.2 refused is an error", "[diagnose][tls]") {
  probe_report r;
  r.connections = {healthy(587)};
  r.tls_versions = tls_version_matrix{587,
                                      {{"1.0", "refused", ""},
                                       {"1.1", "refused", ""},
                                       {"1.2", "accepted", ""},
                                       {"1.3", "accepted", ""}}};
  CHECK(first_with_id(diagnose(r, on_port(587)), "diagnose.tls_versions_ok"));
  r.tls_versions->results[2].status = "refused";
  CHECK(first_with_id(diagnose(r, on_port(587)), "diagnose.tls_version_refused"));
}

TEST_CASE("an expired certificate with a clock far ahead blames the clock first",
          "[diagnose][tls]") {
  probe_report r;
  r.started_at = "2031-01-01T00:00:00Z";
  probe_connection c = healthy(587);
  c.tls->certificate->not_before = "2026-03-10T00:00:00Z";
  c.tls->certificate->not_after = "2027-04-09T23:59:59Z";
  r.connections = {c};
  const auto f = first_with_id(diagnose(r, on_port(587)), "diagnose.certificate_expired");
  REQUIRE(f);
  CHECK(f->fix.find("clock") != std::string::npos);
}

TEST_CASE("implicit TLS on a STARTTLS port explains wrong version number in the platform's words",
          "[diagnose][tls]") {
  probe_report r;
  r.connections = {healthy(587)};
  r.implicit_tls = implicit_tls_attempt{587, "wrong_version", "wrong version number", 40};
  settings s = on_port(587);
  s.security = security_mode::tls;
  s.platform = platform_ref{"nodemailer", ""};
  const auto f = first_with_id(diagnose(r, s), "diagnose.implicit_tls_fails");
  REQUIRE(f);
  CHECK(f->fix ==
        "Set `secure: false, requireTLS: true` instead of `secure: true`, and keep port "
        "587 (Nodemailer).");
}

TEST_CASE("an implicit TLS attempt is no finding for STARTTLS settings", "[diagnose][tls]") {
  probe_report r;
  r.connections = {healthy(587)};
  r.implicit_tls = implicit_tls_attempt{465, "timeout", "", 10000};
  CHECK_FALSE(first_with_id(diagnose(r, on_port(587)), "diagnose.implicit_tls_fails"));
}

TEST_CASE("535 points at the Server API Token, never quoting a secret", "[diagnose][auth]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.auth = auth_step{"failed", "PLAIN", 535,
                     "5.7.8 Authentication failed for 0b2f6f1e-4a8b-4c7e-9d3a-2f1e0c9b8a7d", 200};
  r.connections = {c};
  const auto f = first_with_id(diagnose(r, on_port(587)), "diagnose.auth_failed");
  REQUIRE(f);
  CHECK(f->fix.find("Server API Token") != std::string::npos);
  CHECK(f->evidence.find("0b2f6f1e") == std::string::npos);
}

TEST_CASE("a rejected sender names a verified domain when one is known", "[diagnose][sender]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.mail_from = envelope_step{"rejected", 550, "5.7.1 Sender signature not defined", 40};
  r.connections = {c};
  settings s = on_port(587);
  s.from = "billing@acme.io";
  s.verified_senders = {"acme.com"};
  const auto f = first_with_id(diagnose(r, s), "diagnose.sender_rejected");
  REQUIRE(f);
  CHECK(f->fix.rfind("Send from an address on acme.com", 0) == 0);
}

TEST_CASE("a slow connect is a warning listing the step and its time", "[diagnose][timing]") {
  probe_report r;
  probe_connection c = healthy(587);
  c.tcp->duration_ms = 4210;
  r.connections = {c};
  const auto f = first_with_id(diagnose(r, on_port(587)), "diagnose.slow_step");
  REQUIRE(f);
  CHECK(f->evidence.find("connect 4210 ms") != std::string::npos);
}

TEST_CASE("an empty report says there is nothing to diagnose", "[diagnose]") {
  const auto findings = diagnose(probe_report{}, settings{});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].id == "diagnose.nothing_probed");
}

TEST_CASE("the diagnose document puts document problems and diagnosis in one list, errors first",
          "[diagnose][document]") {
  const std::string doc = diagnose_document(
      R"({"connections": [{"port": 587, "tcp": {"status": "timeout"}}, {"port": 2525, "tcp": {"status": "ok"}}]})",
      R"({"port": 587, "colour": "blue"})");
  CHECK(doc.find("\"schema\": \"smtpcheck/findings/v1\"") != std::string::npos);
  CHECK(doc.find("diagnose.switch_port") < doc.find("settings.unknown_field"));
}

TEST_CASE("every reply a probe captures is worded as explain words the same text",
          "[diagnose][explain]") {
  struct captured {
    std::string step;  // auth, mail, rcpt
    int code;
    std::string text;
    std::string cause;  // what explain makes of "<code> <text>"
    std::string id;     // the diagnose finding that carries it
  };
  const std::vector<captured> replies{
      {"auth", 535, "5.7.8 Authentication failed", "explain.auth_failed", "diagnose.auth_failed"},
      {"auth", 534, "5.7.9 Application-specific password required", "explain.auth_failed",
       "diagnose.auth_failed"},
      {"auth", 454, "4.7.0 Temporary authentication failure", "explain.temporary_failure",
       "diagnose.auth_failed"},
      {"auth", 421, "4.7.0 Too many connections, try again later", "explain.temporary_failure",
       "diagnose.auth_failed"},
      {"auth", 530, "5.7.0 Must issue a STARTTLS command first", "explain.starttls_required",
       "diagnose.auth_failed"},
      {"auth", 504, "5.7.4 Unrecognized authentication type", "explain.auth_mechanism_unsupported",
       "diagnose.auth_failed"},
      {"mail", 530, "5.7.0 Authentication required", "explain.auth_required",
       "diagnose.sender_rejected"},
      {"mail", 451, "4.3.0 Local error in processing", "explain.temporary_failure",
       "diagnose.sender_rejected"},
      {"mail", 550, "5.7.1 Relaying denied", "explain.auth_required", "diagnose.sender_rejected"},
      {"mail", 554, "5.7.1 Relay access denied", "explain.auth_required",
       "diagnose.sender_rejected"},
      {"rcpt", 450, "4.2.0 Mailbox temporarily unavailable", "explain.temporary_failure",
       "diagnose.recipient_rejected"},
      {"rcpt", 550, "5.7.1 Unable to relay", "explain.auth_required",
       "diagnose.recipient_rejected"},
  };
  const probe_report empty;
  const settings s = on_port(587);
  for (const captured& c : replies) {
    INFO(c.step << " " << c.code << " " << c.text);
    // What explain says of the reply pasted on its own.
    const std::vector<finding> pasted = explain(std::to_string(c.code) + " " + c.text);
    REQUIRE_FALSE(pasted.empty());
    CHECK(pasted.front().id == c.cause);

    probe_report r;
    probe_connection conn = healthy(587);
    if (c.step == "auth") conn.auth = auth_step{"failed", "PLAIN", c.code, c.text, 50};
    if (c.step == "mail") conn.mail_from = envelope_step{"rejected", c.code, c.text, 40};
    if (c.step == "rcpt") {
      conn.mail_from = envelope_step{"ok", 250, "2.1.0 Ok", 40};
      conn.rcpt_to = envelope_step{"rejected", c.code, c.text, 40};
    }
    r.connections = {conn};
    const auto f = first_with_id(diagnose(r, s), c.id);
    REQUIRE(f);
    // The same sentences, after the port they were seen on.
    std::string words = pasted.front().detail;
    words[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(words[0])));
    CHECK(f->detail.find(words) != std::string::npos);
    // The probe knows the port it used: "keep port 587" where the pasted
    // line, naming none, says "use port 587".
    std::string fix = f->fix;
    if (const auto at = fix.find("keep port"); at != std::string::npos) fix.replace(at, 4, "use");
    CHECK(fix == pasted.front().fix);
  }
}
