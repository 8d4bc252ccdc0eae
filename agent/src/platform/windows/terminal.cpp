// A console handle answers GetConsoleMode; a pipe, a file or NUL does not
// (_isatty would call the NUL device a terminal).
#include "platform/terminal.h"

#include <windows.h>

namespace smtpcheck::platform {
namespace {

HANDLE handle_of(standard_stream stream) {
  switch (stream) {
    case standard_stream::input: return ::GetStdHandle(STD_INPUT_HANDLE);
    case standard_stream::output: return ::GetStdHandle(STD_OUTPUT_HANDLE);
    case standard_stream::error: return ::GetStdHandle(STD_ERROR_HANDLE);
  }
  return INVALID_HANDLE_VALUE;
}

}  // namespace

bool is_terminal(standard_stream stream) {
  DWORD mode = 0;
  return ::GetConsoleMode(handle_of(stream), &mode) != 0;
}

bool terminal_shows_colour(standard_stream stream) {
  // Windows 10's console understands ANSI sequences once asked to.
  const HANDLE console = handle_of(stream);
  DWORD mode = 0;
  if (!::GetConsoleMode(console, &mode)) return false;
  if (mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING) return true;
  return ::SetConsoleMode(console, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0;
}

struct echo_off::saved_mode {
  DWORD mode = 0;
};

echo_off::echo_off() {
  auto saved = std::make_unique<saved_mode>();
  const HANDLE input = ::GetStdHandle(STD_INPUT_HANDLE);
  if (!::GetConsoleMode(input, &saved->mode)) return;
  if (::SetConsoleMode(input, saved->mode & ~static_cast<DWORD>(ENABLE_ECHO_INPUT))) {
    saved_ = std::move(saved);
  }
}

echo_off::~echo_off() {
  if (saved_) ::SetConsoleMode(::GetStdHandle(STD_INPUT_HANDLE), saved_->mode);
}

}  // namespace smtpcheck::platform
