#pragma once
/// Strict HTTP/1.1 message framing (RFC 9112) for the head of one request:
/// the request line and the header lines up to the blank line. cpp-httplib
/// is lenient where leniency lets two parsers disagree about where a
/// request ends (request smuggling) or about which header a line is; the
/// agent refuses such a head with 400 before httplib reads it.

#include <optional>
#include <string>
#include <string_view>

namespace smtpcheck::serve {

/// Why a head is refused, as a sentence for the user (never echoing the
/// client's bytes).
struct head_problem {
  std::string message;
};

/// What the head asks for, once it passed: enough to choose a lane.
struct request_line {
  std::string method;
  std::string target;
};

/// Checks `head`, which must end with the blank line ("\r\n\r\n"):
/// - the request line is `method SP target SP HTTP/1.x` with single spaces,
///   a token method, a target without spaces or control characters (§3);
/// - every line ends with CRLF; no bare CR or LF (§2.2);
/// - no line starts with a space or tab (obs-fold, §5.2), and no space or
///   tab stands between a field name and its colon (§5.1);
/// - field names are tokens, values carry no control character but tab;
/// - at most one Content-Length, a plain decimal number (§6.3), and never
///   together with Transfer-Encoding (§6.1); Transfer-Encoding only as
///   "chunked", and never in HTTP/1.0 (§6.1).
/// Returns the problem, or nullopt when the head may go on.
std::optional<head_problem> check_request_head(std::string_view head);

/// The method and target of a head that check_request_head accepted.
request_line read_request_line(std::string_view head);

}  // namespace smtpcheck::serve
