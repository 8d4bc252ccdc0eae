#include "smtpcheck/printable.h"

#include "explain/sanitize.h"

namespace smtpcheck {

// The one sanitizer (explain's, which also makes pasted lines safe to quote),
// line by line: it replaces the line break like any control character.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (true) {
    const std::size_t end = text.find('\n');
    out += explaining::sanitize(text.substr(0, end));
    if (end == std::string_view::npos) return out;
    out += '\n';
    text.remove_prefix(end + 1);
  }
}

}  // namespace smtpcheck
