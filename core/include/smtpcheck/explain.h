#pragma once
/// Explain: an error message pasted from a mail client → its cause and fix.

#include <string_view>
#include <vector>

#include "smtpcheck/finding.h"

namespace smtpcheck {

/// Longest text explain() reads; the rest is ignored (and said so).
inline constexpr std::size_t max_explain_bytes = 64 * 1024;

/// Recognises the error(s) in `text` (any bytes, any client) and returns one
/// finding per cause, or an "not recognised" finding with manual tests.
/// `platform_id` (may be empty) tailors fixes to that client's option names.
std::vector<finding> explain(std::string_view text, std::string_view platform_id = {});

}  // namespace smtpcheck
