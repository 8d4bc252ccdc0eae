// Settings to probe options: the conversion `probe` and `serve` share.
#include <catch2/catch.hpp>

#include "probe/options_from_settings.h"
#include "smtpcheck/provider.h"

using smtpcheck::settings;
using smtpcheck::agent::options_from_settings;
using smtpcheck::agent::settings_port_number;

namespace {

const smtpcheck::provider_profile& postmark() {
  return *smtpcheck::find_provider("postmark");
}

}  // namespace

TEST_CASE("the profile's ports are probed, and the user's port after them when it is another",
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
  CHECK(options.ports == std::vector<int>{25, 2525, 587, 465});
  CHECK(options.user_port == 465);
  CHECK(options.security == "tls");
  CHECK(options.username == "u-token");
  CHECK(options.password == "p-token");
  CHECK(options.from == "billing@example.test");
  CHECK(options.rcpt.empty());
  CHECK(options.ca_file.empty());

  s.port = "587";
  CHECK(options_from_settings(s, postmark()).ports == std::vector<int>{25, 2525, 587});
}

TEST_CASE("absent values stay empty, and a port that is not a number is no user port",
          "[serve][options]") {
  settings s;
  const auto options = options_from_settings(s, postmark());
  CHECK(options.host.empty());
  CHECK_FALSE(options.user_port);
  CHECK(options.security.empty());
  CHECK(options.ports == std::vector<int>{25, 2525, 587});
  for (const char* port : {"abc", " 587", "587 ", "0", "65536", "", "-1", "5870000"}) {
    INFO(port);
    s.port = port;
    CHECK_FALSE(settings_port_number(s));
  }
  s.port = "2525";
  CHECK(settings_port_number(s) == 2525);
}
