// `smtpcheck probe` against servers and networks that misbehave: each fault
// ends within its deadline with the right status and diagnosis.
#include <catch2/catch.hpp>

#include "probe_runner.h"
#include "unanswered_port.h"

namespace smtpcheck::testing {
namespace {

server_script faulty(server_fault fault) {
  server_script s = provider_like_script();
  s.fault = fault;
  return s;
}

}  // namespace

TEST_CASE("a port that drops packets is a connect timeout, within the deadline", "[probe][fault]") {
  unanswered_port silent;
  probe_request request;
  request.extra = {"--connect-timeout", "1"};
  const probe_run run = probe_port(silent.port(), request);
  REQUIRE(run.doc.is_object());
  const auto& tcp = run.connection(silent.port()).at("tcp");
  CHECK(tcp.at("status") == "timeout");
  CHECK(tcp.at("duration_ms") >= 900);
  CHECK(tcp.at("duration_ms") <= 1500);
  CHECK(run.seconds < 3.0);
  CHECK(run.has("diagnose.port_filtered"));
}

TEST_CASE("a closed port is refused, not filtered", "[probe][fault]") {
  int port = 0;
  {
    smtp_test_server gone(server_script{});
    port = gone.port();
  }
  const probe_run run = probe_port(port);
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(port).at("tcp").at("status") == "refused");
  CHECK(run.connection(port).at("tcp").at("errno") == 111);
}

TEST_CASE("a server that never greets is a banner timeout", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::no_banner));
  probe_request request;
  request.extra = {"--reply-timeout", "1"};
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("banner").at("status") == "timeout");
  CHECK(run.has("diagnose.banner_missing"));
  CHECK(run.seconds < 4.0);
}

TEST_CASE("a slow greeting within the deadline still works", "[probe][fault]") {
  server_script script = faulty(server_fault::none);
  script.banner_delay = std::chrono::milliseconds(600);
  smtp_test_server server(script);
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& banner = run.connection(server.port()).at("banner");
  CHECK(banner.at("status") == "ok");
  CHECK(banner.at("duration_ms") >= 550);
}

TEST_CASE("binary junk instead of a greeting is garbage", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::garbage_banner));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("banner").at("status") == "garbage");
  CHECK(run.has("diagnose.banner_missing"));
}

TEST_CASE("421 at connect is a rejected greeting", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::reject_421));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& banner = run.connection(server.port()).at("banner");
  CHECK(banner.at("status") == "rejected");
  CHECK(banner.at("code") == 421);
}

TEST_CASE("STARTTLS missing from EHLO stops the dialogue before anything secret",
          "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::starttls_not_advertised));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("starttls").at("status") == "not_offered");
  CHECK(run.has("diagnose.starttls_not_offered"));
  CHECK_FALSE(client_sent(server, "AUTH"));
  CHECK_FALSE(client_sent(server, "MAIL"));
}

TEST_CASE("STARTTLS refused by the server is diagnosed", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::refuse_starttls));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("starttls").at("status") == "refused");
  CHECK(run.has("diagnose.starttls_refused"));
  CHECK_FALSE(client_sent(server, "AUTH"));
}

TEST_CASE("data injected after STARTTLS's 220 aborts the connection", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::inject_after_starttls));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& c = run.connection(server.port());
  CHECK(c.at("starttls").at("status") == "injected_data");
  CHECK_FALSE(c.contains("tls"));
  CHECK(run.has("diagnose.starttls_injected"));
  CHECK_FALSE(client_sent(server, "AUTH"));
}

TEST_CASE("a close during the TLS handshake is a failed handshake", "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::close_during_handshake));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("tls").at("status") == "failed");
  CHECK(run.has("diagnose.tls_handshake_failed"));
}

TEST_CASE("an EHLO reply that never ends is cut at 100 lines", "[probe][fault]") {
  server_script script = faulty(server_fault::endless_multiline);
  script.endless_line_interval = std::chrono::milliseconds(1);
  smtp_test_server server(script);
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& c = run.connection(server.port());
  CHECK(c.at("ehlo").at("status") == "garbage");
  CHECK(c.at("transcript").size() <= 160);
  CHECK(run.has("diagnose.ehlo_failed"));
  CHECK(run.seconds < 5.0);
}

TEST_CASE("a 10 MB line is refused after 1000 bytes, and the report stays small",
          "[probe][fault]") {
  smtp_test_server server(faulty(server_fault::huge_line));
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("ehlo").at("status") == "garbage");
  CHECK(run.out.size() < 200 * 1024);
}

TEST_CASE("a whole-run deadline bounds a server that answers slowly", "[probe][fault]") {
  server_script script = faulty(server_fault::none);
  script.reply_delay = std::chrono::milliseconds(800);
  smtp_test_server server(script);
  probe_request request;
  request.extra = {"--timeout", "2"};
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.report().at("duration_ms") <= 2600);
  CHECK(run.seconds < 4.0);
}

}  // namespace smtpcheck::testing
