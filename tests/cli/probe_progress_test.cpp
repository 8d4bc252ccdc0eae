// The probe's progress lines say each step in words, not its enum name.
#include <catch2/catch.hpp>
#include <sstream>

#include "probe_progress.h"

using namespace smtpcheck;

TEST_CASE("probe progress says steps and outcomes in words", "[cli][progress]") {
  std::ostringstream out;
  cli::probe_progress progress(out, false);
  for (const auto& [step, status] : {std::pair{"tcp", "ok"}, {"banner", "ok"}, {"ehlo", "ok"},
                                     {"starttls", "ok"}, {"tls", "ok"}, {"ehlo_after_tls", "ok"},
                                     {"auth", "not_offered"}, {"mail_from", "timeout"}}) {
    progress.on_event({587, "ipv4", step, "", status, 0});
  }
  const std::string shown = out.str();
  const std::string last = shown.substr(shown.rfind("port 587"));
  CHECK(last.find("port 587 ipv4: connect ok greeting ok EHLO ok STARTTLS ok TLS handshake ok "
                  "EHLO after TLS ok login not offered sender timed out") != std::string::npos);
  for (const char* name : {"tcp", "banner", "ehlo_after_tls", "mail_from", "not_offered"}) {
    CHECK(last.find(name) == std::string::npos);
  }
}
