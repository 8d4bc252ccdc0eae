#include "serve/console.h"

namespace smtpcheck::serve {

std::string printable(std::string_view text, std::size_t max) {
  std::string out;
  for (const char c : text.substr(0, max)) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte >= 0x20 && byte < 0x7f ? c : '?';
  }
  if (text.size() > max) out += "...";
  return out;
}

void console::say(std::string_view text) {
  const std::lock_guard lock(mutex_);
  out_ << text << std::flush;
}

void console::log(std::string_view line) {
  const std::lock_guard lock(mutex_);
  log_ << "smtpcheck serve: " << line << '\n' << std::flush;
}

}  // namespace smtpcheck::serve
