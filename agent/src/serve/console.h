#pragma once
/// What `smtpcheck serve` tells the person at the terminal: the start-up
/// message and new pairing codes on standard output, one log line per
/// refused request or probe on standard error. Never a request body, a
/// pairing header or a secret (rules 7 and 8); values a client chose (Host,
/// Origin, path) only after printable() made them harmless for a terminal.

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

namespace smtpcheck::serve {

/// `text` with control characters and non-ASCII bytes shown as '?' and cut
/// at `max` characters (marked with "..."), so a client cannot move the
/// cursor, rewrite earlier lines or flood the terminal.
std::string printable(std::string_view text, std::size_t max = 80);

/// Serialised, flushed output for many threads.
class console {
 public:
  console(std::ostream& out, std::ostream& log) : out_(out), log_(log) {}

  /// Writes `text` as it is to standard output and flushes (a test or a
  /// script reads the URL line through a pipe).
  void say(std::string_view text);

  /// Writes "smtpcheck serve: <line>\n" to standard error.
  void log(std::string_view line);

 private:
  std::mutex mutex_;
  std::ostream& out_;
  std::ostream& log_;
};

}  // namespace smtpcheck::serve
