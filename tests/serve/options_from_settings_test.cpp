// Settings to probe options: the conversion `probe` and `serve` share.
#include <catch2/catch.hpp>

#include "probe/options_from_settings.h"
#include "smtpcheck/port.h"
#include "smtpcheck/provider.h"

using smtpcheck::settings;
using smtpcheck::agent::options_from_settings;

namespace {

const smtpcheck::provider_profile& postmark() {
  return *smtpcheck::find_provider("postmark");
}

}  // namespace

TEST_CASE(
    "the profile's ports are probed, and the user's port is named but left for run_probe to add",
    "[serve][options]") {
  settings s;
  s.host = "smtp.postmarkapp.com";
  s.port = "465";
  s.security = smtpcheck::security_mode::tls;
  s.username = "u-token";
  s.password = "p-token";
  s.from = "billing@example.test";
  const auto options = options_from_settings(s, postmark());
  CHECK(options.host == "smtp.postmarkapp.com");
  CHECK(options.ports == std::vector<int>{25, 2525, 587});
  CHECK(options.user_port == 465);
  CHECK(options.security == "tls");
  CHECK(options.username == "u-token");
  CHECK(options.password == "p-token");
  CHECK(options.from == "billing@example.test");
  CHECK(options.rcpt.empty());
  CHECK(options.ca_file.empty());

  s.port = "587";
  CHECK(options_from_settings(s, postmark()).ports == std::vector<int>{25, 2525, 587});
  CHECK(options_from_settings(s, postmark()).user_port == 587);
}

TEST_CASE("absent values stay empty, and a port that is not a number is no user port",
          "[serve][options]") {
  settings s;
  const auto options = options_from_settings(s, postmark());
  CHECK(options.host.empty());
  CHECK_FALSE(options.user_port);
  CHECK(options.security.empty());
  CHECK(options.ports == std::vector<int>{25, 2525, 587});
  for (const char* port : {"abc", "58 7", "0", "65536", "", "-1", "+587", "5870000"}) {
    INFO(port);
    s.port = port;
    CHECK_FALSE(options_from_settings(s, postmark()).user_port);
  }
}

TEST_CASE("the user port is read by the core's port parser, as validate reads it",
          "[serve][options]") {
  settings s;
  for (const char* port : {"2525", " 587", "587 ", "\t25\n"}) {
    INFO(port);
    s.port = port;
    CHECK(options_from_settings(s, postmark()).user_port == smtpcheck::settings_port(s));
    CHECK(options_from_settings(s, postmark()).user_port.has_value());
  }
}
