// The probe's progress lines say each step in words, not its enum name.
#include <catch2/catch.hpp>
#include <sstream>

#include "probe_progress.h"
#include "smtpcheck/step_verdict.h"

using namespace smtpcheck;

TEST_CASE("probe progress says steps and outcomes in words", "[cli][progress]") {
  std::ostringstream out;
  cli::probe_progress progress(out, false);
  for (const auto& [step, status] : {std::pair{"tcp", "ok"},
                                     {"banner", "ok"},
                                     {"ehlo", "ok"},
                                     {"starttls", "ok"},
                                     {"tls", "ok"},
                                     {"ehlo_after_tls", "ok"},
                                     {"auth", "not_offered"},
                                     {"mail_from", "timeout"}}) {
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

TEST_CASE(
    "probe progress shows the core's verdict: TLS 1.2 refused is red, TLS 1.0 refused is "
    "expected",
    "[cli][progress]") {
  std::ostringstream out;
  cli::probe_progress progress(out, true);
  const auto& postmark = *find_provider("postmark");
  for (const char* version : {"1.0", "1.2", "1.3"}) {
    const std::string status = std::string(version) == "1.3" ? "accepted" : "refused";
    // The verdict the engine attaches to every event: the core's, as the widget gets it.
    const std::string verdict(
        to_string(judge_step(postmark, {587, "tls_version", status, version})));
    progress.on_event({587, "ipv4", "tls_version", version, status, 0, verdict});
  }
  const std::string shown = out.str();
  const std::string last = shown.substr(shown.rfind("TLS versions on 587"));
  CHECK(last.find("1.0 refused (expected)") != std::string::npos);
  CHECK(last.find("1.0 \x1b[31m") == std::string::npos);
  CHECK(last.find("1.2 \x1b[31mrefused\x1b[0m") != std::string::npos);
  CHECK(last.find("1.3 \x1b[32maccepted\x1b[0m") != std::string::npos);
}
