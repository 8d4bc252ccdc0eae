#pragma once
// Pasted text made safe to show and to match: valid UTF-8, no control
// characters, and short enough to quote as evidence.

#include <cstddef>
#include <string>
#include <string_view>

namespace smtpcheck::explaining {

/// `line` with every invalid UTF-8 sequence and every control character
/// replaced by U+FFFD, and tabs turned into spaces.
std::string sanitize(std::string_view line);

/// At most `max_bytes` of a sanitized `line`, trimmed, around byte offset
/// `at` (which stays inside), cut on character boundaries and marked "…"
/// where something was left out.
std::string clip_around(std::string_view line, std::size_t at, std::size_t max_bytes);

}  // namespace smtpcheck::explaining
