#include "explain/reply_explanation.h"

#include <string>
#include <vector>

#include "explain/readable_lines.h"
#include "explain/recognise.h"

namespace smtpcheck::explaining {

std::optional<finding> explain_reply(std::optional<int> code, std::string_view text,
                                     const cause_facts& facts) {
  std::string line = code ? std::to_string(*code) : std::string();
  if (!text.empty()) line += (line.empty() ? "" : " ") + std::string(text);
  // One line: a multi-line reply's lines are joined as clients print them.
  for (char& c : line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  const std::vector<std::string> lines = readable_lines(line, facts.provider.access_key_prefix);
  const std::vector<recognised> found = recognise(lines);
  if (found.empty()) return std::nullopt;
  // A server's words, not a client's: the notes and fixes that patterns
  // carry about how a client words an error do not apply.
  recognised r = found.front();
  r.note = {};
  r.fix = {};
  const cause_facts reply_facts{facts.provider, facts.platform, facts.port, lines[r.line],
                                r.line,         lines,          {}};
  return build_cause(r, reply_facts);
}

}  // namespace smtpcheck::explaining
