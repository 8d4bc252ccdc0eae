#pragma once
// The terminal, where the platforms differ: is a standard stream a
// terminal, can it show ANSI colours, and typing a secret without echo
// (termios on POSIX, the console API on Windows).
#include <memory>

namespace smtpcheck::platform {

enum class standard_stream { input, output, error };

/// True when the stream is an interactive terminal (a Windows console).
bool is_terminal(standard_stream stream);

/// True when the terminal of `stream` shows ANSI colour sequences; on
/// Windows this switches its console to virtual-terminal processing, and is
/// false when that console cannot. NO_COLOR and TERM are the caller's.
bool terminal_shows_colour(standard_stream stream);

/// While alive, what is typed on the standard input terminal is not
/// echoed; the terminal's mode comes back when it is dropped.
class echo_off {
 public:
  echo_off();
  ~echo_off();
  echo_off(const echo_off&) = delete;
  echo_off& operator=(const echo_off&) = delete;

 private:
  struct saved_mode;
  std::unique_ptr<saved_mode> saved_;
};

}  // namespace smtpcheck::platform
