// `smtpcheck probe` and TLS: certificates the agent must not trust, the
// version matrix, and the implicit-TLS attempt on a STARTTLS port.
#include <catch2/catch.hpp>

#include "probe_runner.h"

namespace smtpcheck::testing {
namespace {

server_script with_certificate(test_certificate cert) {
  server_script s = provider_like_script();
  s.certificate = cert;
  return s;
}

std::string matrix_status(const probe_run& run, const std::string& version) {
  for (const auto& r : run.report().at("tls_versions").at("results")) {
    if (r.at("version") == version) return r.at("status");
  }
  return "absent";
}

}  // namespace

TEST_CASE("a certificate for another host is diagnosed and no AUTH is sent over it",
          "[probe][tls]") {
  smtp_test_server server(with_certificate(test_certificate::wrong_host));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& c = run.connection(server.port());
  CHECK(c.at("tls").at("certificate").at("hostname_match") == false);
  CHECK(c.at("auth").at("status") == "refused_insecure");
  CHECK(run.has("diagnose.certificate_hostname_mismatch"));
  CHECK_FALSE(client_sent(server, "AUTH"));
}

TEST_CASE("an expired certificate is diagnosed", "[probe][tls]") {
  smtp_test_server server(with_certificate(test_certificate::expired));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("tls").at("certificate").at("verify_code") == 10);
  CHECK(run.has("diagnose.certificate_expired"));
  CHECK_FALSE(client_sent(server, "AUTH"));
}

TEST_CASE("self-signed and unknown-CA certificates are untrusted", "[probe][tls]") {
  for (test_certificate cert : {test_certificate::self_signed, test_certificate::unknown_ca}) {
    INFO(to_string(cert));
    smtp_test_server server(with_certificate(cert));
    const probe_run run = probe_port(server.port());
    REQUIRE(run.doc.is_object());
    CHECK(run.connection(server.port()).at("tls").at("certificate").at("verify_code") != 0);
    CHECK(run.has("diagnose.certificate_untrusted"));
    CHECK_FALSE(client_sent(server, "AUTH"));
  }
}

TEST_CASE("a certificate from an antivirus's own CA is named as interception", "[probe][tls]") {
  smtp_test_server server(with_certificate(test_certificate::interception));
  // As on a host where the antivirus installed its root: the chain verifies.
  probe_request request;
  request.ca_file = "interception_ca.pem";
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.has("diagnose.tls_intercepted"));
}

TEST_CASE("the version matrix shows TLS 1.2 accepted and 1.3 refused on a 1.2-only server",
          "[probe][tls][matrix]") {
  server_script script = with_certificate(test_certificate::good);
  script.tls_min = tls_version::v1_2;
  script.tls_max = tls_version::v1_2;
  smtp_test_server server(script);
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.report().at("tls_versions").at("port") == server.port());
  CHECK(matrix_status(run, "1.0") == "refused");
  CHECK(matrix_status(run, "1.1") == "refused");
  CHECK(matrix_status(run, "1.2") == "accepted");
  CHECK(matrix_status(run, "1.3") == "refused");
  CHECK(run.connection(server.port()).at("tls").at("version") == "1.2");
}

TEST_CASE("a server stuck on TLS 1.0/1.1 fails the handshake, and the matrix shows why",
          "[probe][tls][matrix]") {
  server_script script = with_certificate(test_certificate::good);
  script.tls_min = tls_version::v1_0;
  script.tls_max = tls_version::v1_1;
  smtp_test_server server(script);
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("tls").at("status") == "failed");
  CHECK(matrix_status(run, "1.0") == "accepted");
  CHECK(matrix_status(run, "1.1") == "accepted");
  CHECK(matrix_status(run, "1.2") == "refused");
  CHECK(run.has("diagnose.tls_handshake_failed"));
}

TEST_CASE("implicit TLS on a STARTTLS port shows the wrong-version error the client sees",
          "[probe][tls][implicit]") {
  smtp_test_server server(with_certificate(test_certificate::good));
  probe_request request;
  request.security = "tls";
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  const auto& attempt = run.report().at("implicit_tls");
  CHECK(attempt.at("port") == server.port());
  CHECK(attempt.at("status") == "wrong_version");
  CHECK(attempt.at("error").get<std::string>().find("wrong version number") != std::string::npos);
  CHECK(run.has("diagnose.implicit_tls_fails"));
}

TEST_CASE("implicit TLS where the server speaks it succeeds", "[probe][tls][implicit]") {
  server_script script = with_certificate(test_certificate::good);
  script.implicit_tls = true;
  smtp_test_server server(script);
  probe_request request;
  request.security = "tls";
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.report().at("implicit_tls").at("status") == "ok");
}

}  // namespace smtpcheck::testing
