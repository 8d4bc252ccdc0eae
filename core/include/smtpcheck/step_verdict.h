#pragma once
/// The core's word on one probe step as it finishes, carried by each live
/// progress event, so the terminal's and the widget's progress lines show
/// the same judgement and neither judges a status word itself. The findings
/// (diagnose.h) still say why and what to change; this says only how a step
/// went: fine, refused as the provider intends, or a problem.

#include <string_view>

#include "smtpcheck/provider.h"

namespace smtpcheck {

/// How one probe step went.
enum class step_verdict {
  ok,                ///< done as it should be (or left out on purpose: no token, no From)
  expected_refusal,  ///< refused, and the provider means it to be (TLS below its minimum,
                     ///< implicit TLS on a port it does not serve that way)
  problem,           ///< anything else that did not succeed
};

/// "ok" | "expected_refusal" | "problem": the word in progress events.
std::string_view to_string(step_verdict v);

/// One step as the agent reports it live (the fields of a progress event).
struct probe_step {
  int port = 0;                  ///< 0 for run-wide steps (dns, done)
  std::string_view step;         ///< "dns" | "tcp" | … | "tls_version" | "implicit_tls" | "done"
  std::string_view status;       ///< the step's status word, as in the report
  std::string_view detail = {};  ///< the TLS version for "tls_version"
};

/// Judges one step under `provider`'s facts (its minimum TLS version and
/// its implicit-TLS ports). Any word it does not know is a problem unless
/// it is "ok", "accepted" or "skipped". Pure; never throws.
step_verdict judge_step(const provider_profile& provider, const probe_step& step);

}  // namespace smtpcheck
