#include "platform/terminal.h"

#include <termios.h>
#include <unistd.h>

namespace smtpcheck::platform {
namespace {

int descriptor(standard_stream stream) {
  switch (stream) {
    case standard_stream::input: return STDIN_FILENO;
    case standard_stream::output: return STDOUT_FILENO;
    case standard_stream::error: return STDERR_FILENO;
  }
  return STDERR_FILENO;
}

}  // namespace

bool is_terminal(standard_stream stream) {
  return ::isatty(descriptor(stream)) != 0;
}

bool terminal_shows_colour(standard_stream stream) {
  return is_terminal(stream);
}

struct echo_off::saved_mode {
  termios mode{};
};

echo_off::echo_off() {
  auto saved = std::make_unique<saved_mode>();
  if (::tcgetattr(STDIN_FILENO, &saved->mode) != 0) return;
  termios quiet = saved->mode;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0) saved_ = std::move(saved);
}

echo_off::~echo_off() {
  if (saved_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_->mode);
}

}  // namespace smtpcheck::platform
