// Rule 4: probes go only to the provider's SMTP hosts and ports, or to
// what --allow-host adds; the agent is no port scanner and no SSRF proxy.
#include <algorithm>
#include <catch2/catch.hpp>

#include "serve/target_guard.h"
#include "serve_requests.h"
#include "smtpcheck/provider.h"

using namespace smtpcheck::testing;
using smtpcheck::serve::allowed_host;
using smtpcheck::serve::parse_allow_host;
using smtpcheck::serve::target_guard;

namespace {

const smtpcheck::provider_profile& postmark() {
  return *smtpcheck::find_provider("postmark");
}

}  // namespace

TEST_CASE("a profile host gets the profile's ports, and allows 465 or a profile port as the user's",
          "[serve][target]") {
  const target_guard guard({}, std::nullopt);
  const auto plain = guard.decide(postmark(), "smtp.postmarkapp.com", 587);
  CHECK(plain.allowed);
  CHECK(plain.host == "smtp.postmarkapp.com");
  CHECK(plain.ports == std::vector<int>{25, 2525, 587});
  const auto implicit = guard.decide(postmark(), "SMTP.PostmarkApp.com", 465);
  CHECK(implicit.allowed);
  CHECK(implicit.host == "smtp.postmarkapp.com");
  // Allowed, not added: run_probe() adds the user's port, the one place that does.
  CHECK(implicit.ports == std::vector<int>{25, 2525, 587});
  CHECK(guard.decide(postmark(), "smtp-broadcasts.postmarkapp.com", std::nullopt).allowed);
}

TEST_CASE("anything but a profile host and port is refused, named in the refusal",
          "[serve][target]") {
  const target_guard guard({}, std::nullopt);
  const auto ssh = guard.decide(postmark(), "127.0.0.1", 22);
  CHECK_FALSE(ssh.allowed);
  CHECK(ssh.refused == "127.0.0.1:22");
  CHECK(guard.decide(postmark(), "169.254.169.254", 25).refused == "169.254.169.254:25");
  CHECK(guard.decide(postmark(), "smtp.postmarkapp.com", 22).refused == "smtp.postmarkapp.com:22");
  CHECK(guard.decide(postmark(), "smtp.postmarkapp.com", 80).ports.empty());
  for (const char* host :
       {"smtp.postmarkapp.com.evil.test", "smtp.postmarkapp.com.", " smtp.postmarkapp.com",
        "smtp.postmarkapp.com:587", "localhost", "::1", "api.postmarkapp.com"}) {
    INFO(host);
    CHECK_FALSE(guard.decide(postmark(), host, 587).allowed);
  }
}

TEST_CASE("every profile SMTP host gets its STARTTLS ports, and its implicit-TLS ones as user port",
          "[serve][target]") {
  const target_guard guard({}, std::nullopt);
  for (const smtpcheck::provider_profile* p : smtpcheck::providers()) {
    INFO(p->id);
    const std::vector<int> starttls(p->starttls_ports.begin(), p->starttls_ports.end());
    for (const smtpcheck::provider_host& h : p->hosts) {
      INFO(h.name);
      const auto decision = guard.decide(*p, h.name, std::nullopt);
      CHECK(decision.allowed);
      CHECK(decision.ports == starttls);
      CHECK_FALSE(guard.decide(*p, h.name, 22).allowed);
      CHECK_FALSE(guard.decide(*p, h.name, 80).allowed);
      // A port it serves with implicit TLS (465, 2465) may be the user's port.
      for (const int port : p->implicit_tls_ports) {
        INFO(port);
        CHECK(guard.decide(*p, h.name, port).allowed);
      }
    }
    // Its HTTP API hosts are no SMTP target.
    for (std::string_view api : p->non_smtp_hosts) {
      INFO(api);
      CHECK_FALSE(guard.decide(*p, api, std::nullopt).allowed);
    }
    // Another provider's host is not a target of this profile.
    for (const smtpcheck::provider_profile* other : smtpcheck::providers()) {
      if (other == p) continue;
      for (const smtpcheck::provider_host& h : other->hosts) {
        const bool shared = std::any_of(p->hosts.begin(), p->hosts.end(),
                                        [&](const auto& mine) { return mine.name == h.name; });
        if (!shared) CHECK_FALSE(guard.decide(*p, h.name, std::nullopt).allowed);
      }
    }
  }
}

TEST_CASE("--allow-host widens to one host, and with a port to that port only", "[serve][target]") {
  std::string error;
  const auto with_port = parse_allow_host("localhost:2526", error);
  REQUIRE(with_port);
  const auto without_port = parse_allow_host("Mail.Example.Test", error);
  REQUIRE(without_port);
  CHECK(without_port->host == "mail.example.test");
  const target_guard guard({*with_port, *without_port}, std::nullopt);
  CHECK(guard.decide(postmark(), "localhost", 2526).ports == std::vector<int>{2526});
  CHECK(guard.decide(postmark(), "localhost", std::nullopt).ports == std::vector<int>{2526});
  CHECK(guard.decide(postmark(), "localhost", 22).refused == "localhost:22");
  CHECK(guard.decide(postmark(), "mail.example.test", 587).ports ==
        std::vector<int>{25, 2525, 587});
  CHECK_FALSE(guard.decide(postmark(), "mail.example.test", 22).allowed);
}

TEST_CASE("--ports replaces the ports probed on a port-less allowed host", "[serve][target]") {
  std::string error;
  const target_guard guard({*parse_allow_host("localhost", error)}, std::vector<int>{3025, 3587});
  CHECK(guard.decide(postmark(), "localhost", 3587).ports == std::vector<int>{3025, 3587});
  CHECK_FALSE(guard.decide(postmark(), "localhost", 587).allowed);
}

TEST_CASE("an --allow-host value that is not HOST[:PORT] is refused", "[serve][target]") {
  for (const char* bad : {"", "localhost:", "localhost:0", "localhost:70000", "local host", "[::1",
                          "a/b:25", "localhost:25:26"}) {
    std::string error;
    INFO(bad);
    CHECK_FALSE(parse_allow_host(bad, error));
    CHECK_FALSE(error.empty());
  }
  std::string error;
  const auto v6 = parse_allow_host("[::1]:2525", error);
  REQUIRE(v6);
  CHECK(v6->host == "::1");
  CHECK(v6->port == 2525);
}

TEST_CASE("a paired probe of 127.0.0.1:22 or 169.254.169.254:25 is refused with 403 naming it",
          "[serve][target]") {
  serve_process agent;
  for (const auto& [host, port] : {std::pair<std::string, int>{"127.0.0.1", 22},
                                   {"169.254.169.254", 25},
                                   {"smtp.postmarkapp.com", 22},
                                   {"smtp.sendgrid.net", 22},
                                   {"api.sendgrid.com", 587},
                                   {"localhost", 587}}) {
    const std::string target = host + ":" + std::to_string(port);
    INFO(target);
    const http_reply reply = exchange(
        agent.port(),
        probe_request(agent, agent.own_origin(), agent.token(), settings_json(host, port)));
    CHECK(reply.status == 403);
    CHECK(reply.body.find("\"error\":\"target_refused\"") != std::string::npos);
    CHECK(reply.body.find(target) != std::string::npos);
  }
}
