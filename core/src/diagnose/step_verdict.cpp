// The verdict on one live step. It agrees with the diagnosis rules on what
// is expected: TLS versions below the provider's minimum are refused on
// purpose, and so is implicit TLS on a port the provider serves only with
// STARTTLS (RFC 8314 §3.3 implicit TLS; RFC 3207 STARTTLS).
#include "smtpcheck/step_verdict.h"

namespace smtpcheck {
namespace {

// "1.0" < "1.2": versions are one digit, a dot and one digit.
bool below(std::string_view version, std::string_view minimum) {
  return !version.empty() && !minimum.empty() && version < minimum;
}

}  // namespace

std::string_view to_string(step_verdict v) {
  switch (v) {
    case step_verdict::ok: return "ok";
    case step_verdict::expected_refusal: return "expected_refusal";
    case step_verdict::problem: return "problem";
  }
  return "problem";
}

step_verdict judge_step(const provider_profile& provider, const probe_step& s) {
  const bool succeeded = s.status == "ok" || s.status == "accepted" || s.status == "skipped";
  if (s.step == "tls_version") {
    if (s.status == "accepted") return step_verdict::ok;
    // Refused, or the agent's TLS library could not even offer it: for an
    // old version that is what the provider wants; for a current one it is
    // something on the path (or the host) breaking TLS.
    return below(s.detail, provider.min_tls_version) ? step_verdict::expected_refusal
                                                     : step_verdict::problem;
  }
  if (s.step == "implicit_tls" && !succeeded && !serves_implicit_tls(provider, s.port)) {
    return step_verdict::expected_refusal;
  }
  return succeeded ? step_verdict::ok : step_verdict::problem;
}

}  // namespace smtpcheck
