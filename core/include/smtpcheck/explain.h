#pragma once
/// Explain: an error message pasted from a mail client → its cause and fix.

#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// Longest text explain() reads (a whole log); the rest is ignored (and said so).
inline constexpr std::size_t max_explain_bytes = 1024 * 1024;

/// Recognises the error(s) in `text` (any bytes, any client, a single line or
/// a whole log) and returns one finding per cause in the order the text
/// shows them, each quoting its (redacted) line once, however often it
/// repeats; or, when nothing is recognised, which kind of failure the text
/// resembles and what to paste or run instead. A client recognised in the
/// text is named in a last finding; a long log gets a summary of how it was
/// read.
/// `platform_id` (may be empty) tailors fixes to that client's option names;
/// `provider_id` (may be empty: the default provider, Postmark) words causes
/// and fixes with that provider's profile (its hosts, ports, login, sender
/// verification). An unknown provider id is reported (settings.unknown_provider)
/// and the default provider is used.
std::vector<finding> explain(std::string_view text, std::string_view platform_id = {},
                             std::string_view provider_id = {});

}  // namespace smtpcheck
