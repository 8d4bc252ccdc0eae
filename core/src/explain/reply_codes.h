#pragma once
// SMTP reply codes (RFC 5321 §4.2) as clients quote them in their errors:
// "535 5.7.8 …", "(535, b'5.7.8 …')", "535: 5.7.8 …", "said: 454 …",
// "<** 535 …", "got code \"535\"". A bare number is not taken for one.

#include <cstddef>
#include <string_view>
#include <vector>

namespace smtpcheck::explaining {

/// One reply code found in a line, and the byte offset where it starts.
struct reply_code {
  int code;
  std::size_t at;
};

/// Every reply code (2xx–5xx) the line quotes, in order.
std::vector<reply_code> find_reply_codes(std::string_view line);

}  // namespace smtpcheck::explaining
