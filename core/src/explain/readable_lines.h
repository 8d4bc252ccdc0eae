#pragma once
// Pasted text as lines that are safe to match and to quote: split on any
// line break, sanitized, and with every secret redacted.

#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck::explaining {

/// The lines of `text` (CRLF, LF or CR), each sanitized and then redacted.
std::vector<std::string> readable_lines(std::string_view text, std::string_view access_key_prefix);

}  // namespace smtpcheck::explaining
