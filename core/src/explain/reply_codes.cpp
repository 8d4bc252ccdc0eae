#include "explain/reply_codes.h"

#include <array>

#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

// RFC 5321 §4.2: the first digit is 2–5, the second 0–5.
bool looks_like_code(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return false;
  const char a = s[i], b = s[i + 1], c = s[i + 2];
  return a >= '2' && a <= '5' && b >= '0' && b <= '5' && text::is_digit(c);
}

// An enhanced status code (RFC 3463) of the same class follows: "5.7.8".
bool enhanced_code_follows(std::string_view s, std::size_t after, char cls) {
  std::size_t i = after;
  while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == ':' || s[i] == ',')) ++i;
  if (i + 1 < s.size() && s[i] == 'b' && (s[i + 1] == '\'' || s[i + 1] == '"')) i += 2;
  if (i < s.size() && (s[i] == '\'' || s[i] == '"')) ++i;
  if (i + 3 > s.size()) return false;
  if (s[i] != cls || s[i + 1] != '.' || !text::is_digit(s[i + 2])) return false;
  std::size_t j = i + 2;
  while (j < s.size() && text::is_digit(s[j])) ++j;
  return j + 1 < s.size() && s[j] == '.' && text::is_digit(s[j + 1]);
}

// What clients print just before a reply they quote.
bool reply_marker_before(std::string_view s, std::size_t at) {
  std::string_view before = s.substr(0, at);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const bool spaced = before.size() < at;
  if (text::trim(before).empty()) return true;  // the reply starts the line
  constexpr std::array markers{std::string_view("said:"),     std::string_view("CLIENT:"),
                               std::string_view("<-"),        std::string_view("<~"),
                               std::string_view("<**"),       std::string_view("<~*"),
                               std::string_view("S:"),        std::string_view("<<<"),
                               std::string_view("response:"), std::string_view("responseCode:"),
                               std::string_view("code \""),   std::string_view("message \""),
                               std::string_view("reply: b'"), std::string_view("retcode (")};
  for (std::string_view m : markers) {
    if (text::iends_with(before, m)) return true;
  }
  // "Net::SMTPAuthenticationError: 535 …", "Invalid login: 535 …", but not
  // a source position ("Transport.php:457").
  if (before.back() == ':') return spaced;
  // "(535, b'…')", "(535 Authentication failed)", but not "Mailer.php(341)".
  if (before.back() == '(') return before.size() == 1 || !text::is_alnum(before[before.size() - 2]);
  return false;
}

bool words_follow(std::string_view s, std::size_t after) {
  if (after == s.size()) return true;
  if (s[after] == '"' || s[after] == '\'' || s[after] == ',' || s[after] == ')') return true;
  if (s[after] != ' ' && s[after] != '-' && s[after] != ':') return false;
  std::size_t i = after + 1;
  while (i < s.size() && s[i] == ' ') ++i;
  return i == s.size() || text::is_alpha(s[i]) || s[i] == '<' || s[i] == '[';
}

}  // namespace

std::vector<reply_code> find_reply_codes(std::string_view s) {
  std::vector<reply_code> out;
  for (std::size_t i = 0; i + 3 <= s.size(); ++i) {
    if (!looks_like_code(s, i)) continue;
    if (i > 0 && (text::is_alnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-' ||
                  s[i - 1] == '/' || s[i - 1] == '_')) {
      continue;
    }
    const std::size_t after = i + 3;
    if (after < s.size() && (text::is_alnum(s[after]) || s[after] == '.')) continue;
    const bool quoted = enhanced_code_follows(s, after, s[i]) ||
                        (reply_marker_before(s, i) && words_follow(s, after));
    if (quoted) {
      out.push_back({(s[i] - '0') * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0'), i});
      i += 2;
    }
  }
  return out;
}

}  // namespace smtpcheck::explaining
