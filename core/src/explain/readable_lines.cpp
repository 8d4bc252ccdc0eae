#include "explain/readable_lines.h"

#include "explain/redact.h"
#include "explain/sanitize.h"

namespace smtpcheck::explaining {

std::vector<std::string> readable_lines(std::string_view text, std::string_view access_key_prefix) {
  std::vector<std::string> out;
  redactor secrets(access_key_prefix);
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const std::size_t brk = text.find_first_of("\r\n", begin);
    const std::size_t end = brk == std::string_view::npos ? text.size() : brk;
    out.push_back(secrets.line(sanitize(text.substr(begin, end - begin))));
    if (brk == std::string_view::npos) break;
    begin = brk + 1;
    if (text[brk] == '\r' && begin < text.size() && text[begin] == '\n') ++begin;
  }
  return out;
}

}  // namespace smtpcheck::explaining
