#pragma once
/// SMTP replies (RFC 5321 §4.2), parsed without I/O so that the agent's
/// reading of a hostile server is fuzzed and tested without sockets. The
/// agent hands over one line at a time (CR LF removed); this decides whether
/// the reply is complete, and what it said.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace smtpcheck {

/// The longest reply line the agent reads (RFC 5321 §4.5.3.1.5 allows 512
/// octets; real servers stay far below): longer is a protocol error.
inline constexpr std::size_t max_reply_line_bytes = 1000;
/// The most lines one reply may have before the agent gives up on it.
inline constexpr std::size_t max_reply_lines = 100;

/// One whole reply: its code and its lines as received (code included).
struct smtp_reply {
  int code = 0;
  std::vector<std::string> lines;
};

/// Where a reply stands after a line.
enum class reply_state {
  incomplete,      ///< a "250-" line: more follow
  complete,        ///< the last line ("250 " or "250") arrived
  malformed,       ///< not "ddd", "ddd " or "ddd-", or the code changed mid-reply
  too_many_lines,  ///< more than max_reply_lines
};

/// Accumulates the lines of one reply.
class smtp_reply_reader {
 public:
  /// Adds one line without its CR LF; once the state is not `incomplete`,
  /// further lines are ignored.
  reply_state add_line(std::string_view line);
  /// The reply so far.
  const smtp_reply& reply() const { return reply_; }
  /// The state after the last line added.
  reply_state state() const { return state_; }

 private:
  smtp_reply reply_;
  reply_state state_ = reply_state::incomplete;
};

/// The text after the code of every line, joined by a space:
/// "535 5.7.8 Authentication failed" gives "5.7.8 Authentication failed".
std::string reply_text(const smtp_reply& reply);

/// An EHLO reply's extension lines ("250-STARTTLS" gives "STARTTLS"); the
/// first line, the server's greeting of the client, is left out.
std::vector<std::string> ehlo_keywords(const smtp_reply& reply);

/// Whether the keywords offer an extension (its first word, any case).
bool offers_extension(const std::vector<std::string>& keywords, std::string_view name);

/// The SASL mechanisms of "AUTH PLAIN LOGIN" (RFC 4954 §3) or the older
/// "AUTH=LOGIN" form, upper-cased, without duplicates.
std::vector<std::string> auth_mechanisms(const std::vector<std::string>& keywords);

}  // namespace smtpcheck
