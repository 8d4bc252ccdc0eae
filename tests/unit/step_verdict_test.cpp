// The core's verdict on each live step: what the terminal and the widget
// show beside it, so they cannot disagree.
#include <catch2/catch.hpp>

#include "smtpcheck/step_verdict.h"

using namespace smtpcheck;

namespace {

const provider_profile& postmark() {
  return *find_provider("postmark");
}

std::string_view verdict(int port, std::string_view step, std::string_view status,
                         std::string_view detail = {}) {
  return to_string(judge_step(postmark(), {port, step, status, detail}));
}

}  // namespace

TEST_CASE(
    "TLS versions below the provider's minimum are refused as expected; 1.2 refused is a "
    "problem",
    "[verdict]") {
  CHECK(verdict(587, "tls_version", "refused", "1.0") == "expected_refusal");
  CHECK(verdict(587, "tls_version", "refused", "1.1") == "expected_refusal");
  CHECK(verdict(587, "tls_version", "error", "1.0") == "expected_refusal");
  CHECK(verdict(587, "tls_version", "refused", "1.2") == "problem");
  CHECK(verdict(587, "tls_version", "refused", "1.3") == "problem");
  CHECK(verdict(587, "tls_version", "error", "1.2") == "problem");
  CHECK(verdict(587, "tls_version", "accepted", "1.2") == "ok");
  CHECK(verdict(587, "tls_version", "accepted", "1.3") == "ok");
}

TEST_CASE("implicit TLS failing on a port the provider serves only with STARTTLS is expected",
          "[verdict]") {
  CHECK(verdict(465, "implicit_tls", "timeout") == "expected_refusal");
  CHECK(verdict(587, "implicit_tls", "wrong_version") == "expected_refusal");
  CHECK(verdict(465, "implicit_tls", "ok") == "ok");
}

TEST_CASE("done, accepted and skipped steps are ok; any failure is a problem", "[verdict]") {
  CHECK(verdict(0, "dns", "ok") == "ok");
  CHECK(verdict(587, "auth", "skipped") == "ok");
  CHECK(verdict(587, "mail_from", "skipped") == "ok");
  CHECK(verdict(0, "done", "ok") == "ok");
  for (const auto& [step, status] : {std::pair{"dns", "nxdomain"},
                                     {"dns", "local_address"},
                                     {"tcp", "timeout"},
                                     {"tcp", "refused"},
                                     {"banner", "garbage"},
                                     {"starttls", "not_offered"},
                                     {"tls", "failed"},
                                     {"auth", "failed"},
                                     {"auth", "refused_insecure"},
                                     {"mail_from", "rejected"},
                                     {"ehlo", "a-new-word"}}) {
    INFO(step << " " << status);
    CHECK(verdict(587, step, status) == "problem");
  }
}
