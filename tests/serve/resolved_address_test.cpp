// The resolved-address guard: a host a page chose is connected to only if
// every address it resolves to is public; the probe connects only to the
// addresses it checked. --allow-host (the user's own choice) turns it off
// for that host, as does the CLI's probe (the customer typed the host).
#include <catch2/catch.hpp>

#include "probe/local_address.h"
#include "probe/probe.h"
#include "serve/target_guard.h"
#include "silent_port.h"
#include "smtpcheck/provider.h"

using namespace smtpcheck::testing;
using namespace std::chrono_literals;
using smtpcheck::agent::local_address_kind;

namespace {

smtpcheck::agent::probe_options options_for(const std::string& host, int port, bool guard) {
  smtpcheck::agent::probe_options options;
  options.host = host;
  options.ports = {port};
  options.security = "starttls";
  options.connect_timeout = 1s;
  options.reply_timeout = 200ms;
  options.total_timeout = 2s;
  options.refuse_local_addresses = guard;
  return options;
}

}  // namespace

TEST_CASE("loopback, private, link-local, unique-local and unspecified addresses are local",
          "[serve][resolved_address]") {
  CHECK(local_address_kind("127.0.0.1") == "loopback");
  CHECK(local_address_kind("127.255.0.9") == "loopback");
  CHECK(local_address_kind("::1") == "loopback");
  CHECK(local_address_kind("10.1.2.3") == "private");
  CHECK(local_address_kind("172.16.0.1") == "private");
  CHECK(local_address_kind("172.31.255.255") == "private");
  CHECK(local_address_kind("192.168.1.1") == "private");
  CHECK(local_address_kind("100.64.0.1") == "private");
  CHECK(local_address_kind("169.254.169.254") == "link-local");
  CHECK(local_address_kind("fe80::1") == "link-local");
  CHECK(local_address_kind("fd12:3456::1") == "unique-local");
  CHECK(local_address_kind("0.0.0.0") == "unspecified");
  CHECK(local_address_kind("::") == "unspecified");
  CHECK(local_address_kind("::ffff:127.0.0.1") == "loopback");
  CHECK(local_address_kind("::ffff:192.168.0.1") == "private");
}

TEST_CASE("public addresses and non-addresses are not local", "[serve][resolved_address]") {
  CHECK_FALSE(local_address_kind("104.245.209.212"));
  CHECK_FALSE(local_address_kind("172.32.0.1"));
  CHECK_FALSE(local_address_kind("100.128.0.1"));
  CHECK_FALSE(local_address_kind("2606:4700::1"));
  CHECK_FALSE(local_address_kind("::ffff:8.8.8.8"));
  CHECK_FALSE(local_address_kind("localhost"));
  CHECK_FALSE(local_address_kind(""));
}

TEST_CASE("with the guard on, a name that resolves to loopback is not connected to",
          "[serve][resolved_address]") {
  silent_port smtp;
  std::vector<std::string> steps;
  const auto report = smtpcheck::agent::run_probe(
      options_for("localhost", smtp.port(), true),
      [&](const smtpcheck::agent::probe_event& e) { steps.push_back(e.step + ":" + e.status); });
  REQUIRE(report.dns);
  CHECK(report.dns->status == "local_address");
  CHECK(report.dns->error.find("localhost resolves to ") == 0);
  CHECK(report.dns->error.find("loopback address: a hijacked resolver or a hosts-file entry") !=
        std::string::npos);
  CHECK(report.connections.empty());
  CHECK_FALSE(report.tls_versions);
  CHECK(steps.front() == "dns:local_address");
}

TEST_CASE("with the guard off (the user named the host), the same name is probed",
          "[serve][resolved_address]") {
  silent_port smtp;
  const auto report = smtpcheck::agent::run_probe(options_for("localhost", smtp.port(), false));
  REQUIRE(report.dns);
  CHECK(report.dns->status == "ok");
  REQUIRE_FALSE(report.connections.empty());
  REQUIRE(report.connections.front().tcp);
  CHECK(report.connections.front().tcp->status == "ok");
}

TEST_CASE("only a host named with --allow-host turns the guard off", "[serve][resolved_address]") {
  const auto& postmark = *smtpcheck::find_provider("postmark");
  const smtpcheck::serve::target_guard guard({{"localhost", 2525}, {"smtp.postmarkapp.com", {}}},
                                             std::nullopt);
  CHECK(guard.decide(postmark, "localhost", 2525).named_by_user);
  CHECK(guard.decide(postmark, "smtp.postmarkapp.com", 587).named_by_user);
  const smtpcheck::serve::target_guard profile_only({}, std::nullopt);
  const auto decision = profile_only.decide(postmark, "smtp.postmarkapp.com", 587);
  CHECK(decision.allowed);
  CHECK_FALSE(decision.named_by_user);
}
