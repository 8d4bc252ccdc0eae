// `smtpcheck probe` against the scripted SMTP server: the SMTP dialogue,
// AUTH, the sender, and what the agent must never do (send DATA, leak the
// token, put a user's line break on the wire).
#include <catch2/catch.hpp>

#include "probe_runner.h"

namespace smtpcheck::testing {
TEST_CASE("a healthy server gives no error and every step ok", "[probe][dialogue]") {
  smtp_test_server server(provider_like_script());
  const probe_run run = probe_port(server.port());
  INFO(run.out << run.err);
  REQUIRE(run.doc.is_object());
  CHECK(run.exit_code == 0);
  CHECK(run.doc.at("schema") == "smtpcheck/probe/v1");
  const auto& c = run.connection(server.port());
  CHECK(c.at("tcp").at("status") == "ok");
  CHECK(c.at("banner").at("code") == 220);
  CHECK(c.at("starttls").at("status") == "ok");
  CHECK(c.at("tls").at("status") == "ok");
  CHECK(c.at("tls").at("version") == "1.3");
  CHECK(c.at("tls").at("certificate").at("verify_code") == 0);
  CHECK(c.at("auth").at("status") == "ok");
  CHECK(c.at("auth").at("mechanism") == "PLAIN");
  CHECK(c.at("mail_from").at("status") == "ok");
  CHECK(run.has("diagnose.tls_ok"));
  CHECK(run.has("diagnose.auth_ok"));
  CHECK(run.has("diagnose.sender_accepted"));
  CHECK_FALSE(run.mentions_secret(accepted_token));
}

TEST_CASE("the agent never sends DATA, and ends with RSET and QUIT", "[probe][dialogue]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.extra = {"--rcpt", "someone@example.test"};
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.connection(server.port()).at("rcpt_to").at("status") == "ok");
  REQUIRE(server.wait_for_closed(server.connection_count(), std::chrono::seconds(5)));
  CHECK_FALSE(server.data_received());
  CHECK_FALSE(client_sent(server, "DATA"));
  CHECK(client_sent(server, "RSET"));
  CHECK(client_sent(server, "QUIT"));
}

TEST_CASE("AUTH PLAIN carries the token as username and password", "[probe][auth]") {
  smtp_test_server server(provider_like_script());
  probe_port(server.port());
  const std::string payload =
      base64_of(std::string(1, '\0') + accepted_token + '\0' + accepted_token);
  CHECK(client_sent(server, "AUTH PLAIN " + payload));
}

TEST_CASE("--token-env follows the provider's login: a fixed username with the token as password",
          "[probe][auth][provider]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.extra = {"--provider", "sendgrid"};
  probe_port(server.port(), request);
  // SendGrid's profile: the word apikey as the username, the API key as the password.
  const std::string payload = base64_of(std::string(1, '\0') + "apikey" + '\0' + accepted_token);
  CHECK(client_sent(server, "AUTH PLAIN " + payload));
}

TEST_CASE("a refused token is diagnosed, and appears in no output", "[probe][auth]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.token = refused_token;
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  CHECK(run.exit_code == 1);
  const auto& auth = run.connection(server.port()).at("auth");
  CHECK(auth.at("status") == "failed");
  CHECK(auth.at("code") == 535);
  CHECK(run.has("diagnose.auth_failed"));
  CHECK_FALSE(run.mentions_secret(refused_token));
  // The transcript shows the command, never its argument.
  CHECK(run.out.find("AUTH PLAIN [redacted]") != std::string::npos);
}

TEST_CASE("a server offering only AUTH LOGIN gets LOGIN, with both answers redacted",
          "[probe][auth]") {
  server_script script = provider_like_script();
  script.auth_mechanisms = {"LOGIN"};
  smtp_test_server server(script);
  const probe_run run = probe_port(server.port());
  REQUIRE(run.doc.is_object());
  const auto& c = run.connection(server.port());
  CHECK(c.at("auth").at("mechanism") == "LOGIN");
  CHECK(c.at("auth").at("status") == "ok");
  int redacted = 0;
  for (const auto& line : c.at("transcript")) redacted += line.at("line") == "[redacted]";
  CHECK(redacted == 2);
  CHECK_FALSE(run.mentions_secret(accepted_token));
}

TEST_CASE("without a token AUTH is skipped and the sender is not tried", "[probe][auth]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.token.clear();
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  const auto& c = run.connection(server.port());
  CHECK(c.at("auth").at("status") == "skipped");
  CHECK(c.at("mail_from").at("status") == "skipped");
  CHECK(run.has("diagnose.auth_skipped"));
  CHECK_FALSE(client_sent(server, "AUTH"));
  CHECK_FALSE(client_sent(server, "MAIL"));
}

TEST_CASE("a sender without a verified signature is diagnosed", "[probe][sender]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.from = "someone@unverified.test";
  const probe_run run = probe_port(server.port(), request);
  REQUIRE(run.doc.is_object());
  const auto& m = run.connection(server.port()).at("mail_from");
  CHECK(m.at("status") == "rejected");
  CHECK(m.at("code") == 550);
  CHECK(run.has("diagnose.sender_rejected"));
  CHECK(run.exit_code == 1);
}

TEST_CASE("a line break in a value sent on the wire is refused before connecting",
          "[probe][input]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.from = "billing@example.test\r\nDATA";
  const probe_run run = probe_port(server.port(), request);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("line break") != std::string::npos);
  CHECK(server.connection_count() == 0);

  request.from = "billing@example.test";
  request.extra = {"--ehlo-name", "host\nMAIL FROM:<x@example.test>"};
  CHECK(probe_port(server.port(), request).exit_code == 2);
  CHECK(server.connection_count() == 0);
}

TEST_CASE("a CA file without a certificate is refused before connecting", "[probe][input]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.ca_file = "good.key";  // readable, PEM, but a key: no certificate to trust
  const probe_run run = probe_port(server.port(), request);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--ca-file") != std::string::npos);
  CHECK(server.connection_count() == 0);
}

TEST_CASE("on a terminal the probe shows a line per port as steps finish", "[probe][cli]") {
  smtp_test_server server(provider_like_script());
  probe_request request;
  request.host = "localhost";
  request.json = false;
  request.terminal = true;
  const probe_run run = probe_port(server.port(), request);
  INFO(run.out);
  CHECK(run.exit_code == 0);
  const std::string line = "port " + std::to_string(server.port()) + " ipv4:";
  CHECK(run.out.find(line) != std::string::npos);
  // Steps in words, not enum names.
  CHECK(run.out.find("ipv4: connect ") != std::string::npos);
  CHECK(run.out.find("greeting ") != std::string::npos);
  CHECK(run.out.find("sender ") != std::string::npos);
  CHECK(run.out.find("mail_from") == std::string::npos);
  CHECK(run.out.find("TLS versions on " + std::to_string(server.port())) != std::string::npos);
  CHECK(run.out.find("smtpcheck probe: localhost") != std::string::npos);
  CHECK_FALSE(run.mentions_secret(accepted_token));
}

TEST_CASE("probe --help names every option and a password on the command line is refused",
          "[probe][cli]") {
  const process_result help = run_process({SMTPCHECK_BIN, "probe", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* option : {"--token-env", "--rcpt", "--ca-file", "--ports", "--connect-timeout",
                             "--reply-timeout", "--timeout", "--json"}) {
    CHECK(help.out.find(option) != std::string::npos);
  }
  const process_result refused =
      run_process({SMTPCHECK_BIN, "probe", "--password", "x", "--host", "127.0.0.1"});
  CHECK(refused.exit_code == 2);
  CHECK(run_process({SMTPCHECK_BIN, "probe", "--ports", "0"}).exit_code == 2);
  CHECK(run_process({SMTPCHECK_BIN, "probe", "--timeout", "forever"}).exit_code == 2);
}

}  // namespace smtpcheck::testing

namespace smtpcheck::testing {

TEST_CASE("an IPv6 address is probed over IPv6, certificate and all", "[probe][ipv6]") {
  server_options options;
  options.listen_ipv6 = true;
  smtp_test_server server(provider_like_script(), options);
  probe_request request;
  request.host = "::1";
  const probe_run run = probe_port(server.ipv6_port(), request);
  REQUIRE(run.doc.is_object());
  const auto& dns = run.report().at("dns");
  CHECK(dns.at("addresses").at(0).at("family") == "ipv6");
  const auto& c = run.connection(server.ipv6_port());
  CHECK(c.at("family") == "ipv6");
  CHECK(c.at("address") == "::1");
  CHECK(c.at("tls").at("certificate").at("hostname_match") == true);
  CHECK(c.at("auth").at("status") == "ok");
}

}  // namespace smtpcheck::testing
