#pragma once
// One server reply, as a live probe records it (a code and its text),
// explained in explain's words: diagnose quotes them, so a reply reads the
// same whether the customer pasted it or the agent captured it.

#include <optional>
#include <string_view>

#include "explain/cause.h"
#include "smtpcheck/finding.h"

namespace smtpcheck::explaining {

/// The finding explain() gives for the reply "<code> <text>" (either part
/// may be missing), with `facts`' provider, platform and port; nullopt when
/// the reply names no known cause. The reply is redacted before it is read.
std::optional<finding> explain_reply(std::optional<int> code, std::string_view text,
                                     const cause_facts& facts);

}  // namespace smtpcheck::explaining
