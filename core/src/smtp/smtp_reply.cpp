// SMTP reply grammar, RFC 5321 §4.2: Reply-line = *( Reply-code "-" [ textstring ] CRLF )
//                                      Reply-code [ SP textstring ] CRLF
// The code is three digits, the first 2–5 (§4.2.1); every line repeats it.
#include "smtpcheck/smtp_reply.h"

#include <algorithm>

#include "text/ascii.h"

namespace smtpcheck {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The code of a reply line, or 0 when the line does not start with one.
int line_code(std::string_view line) {
  if (line.size() < 3 || line[0] < '2' || line[0] > '5' || !digit(line[1]) || !digit(line[2]))
    return 0;
  if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return 0;
  return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
}

std::string_view text_of(std::string_view line) {
  return line.size() > 4 ? line.substr(4) : std::string_view{};
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = text::to_upper(c);
  return out;
}

}  // namespace

reply_state smtp_reply_reader::add_line(std::string_view line) {
  if (state_ != reply_state::incomplete) return state_;
  const int code = line_code(line);
  if (code == 0 || (reply_.code != 0 && code != reply_.code)) {
    reply_.lines.emplace_back(line);
    return state_ = reply_state::malformed;
  }
  if (reply_.lines.size() >= max_reply_lines) return state_ = reply_state::too_many_lines;
  reply_.code = code;
  reply_.lines.emplace_back(line);
  const bool more = line.size() > 3 && line[3] == '-';
  return state_ = more ? reply_state::incomplete : reply_state::complete;
}

std::string reply_text(const smtp_reply& reply) {
  std::string out;
  for (const std::string& line : reply.lines) {
    const std::string_view t = text_of(line);
    if (t.empty()) continue;
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<std::string> ehlo_keywords(const smtp_reply& reply) {
  std::vector<std::string> out;
  for (std::size_t i = 1; i < reply.lines.size(); ++i) {
    const std::string_view t = text_of(reply.lines[i]);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

bool offers_extension(const std::vector<std::string>& keywords, std::string_view name) {
  const std::string wanted = upper(name);
  return std::any_of(keywords.begin(), keywords.end(), [&](const std::string& k) {
    const std::string word = upper(std::string_view(k).substr(0, k.find_first_of(" =")));
    return word == wanted;
  });
}

std::vector<std::string> auth_mechanisms(const std::vector<std::string>& keywords) {
  std::vector<std::string> out;
  for (const std::string& k : keywords) {
    const std::string u = upper(k);
    if (u.rfind("AUTH", 0) != 0 || u.size() < 5 || (u[4] != ' ' && u[4] != '=')) continue;
    std::size_t i = 5;
    while (i < u.size()) {
      const std::size_t end = std::min(u.find(' ', i), u.size());
      const std::string mech = u.substr(i, end - i);
      if (!mech.empty() && std::find(out.begin(), out.end(), mech) == out.end())
        out.push_back(mech);
      i = end + 1;
    }
  }
  return out;
}

}  // namespace smtpcheck
