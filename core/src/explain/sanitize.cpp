#include "explain/sanitize.h"

#include "text/ascii.h"

namespace smtpcheck::explaining {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the well-formed UTF-8 sequence at `s[i]` (Unicode 15, table
// 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t left = s.size() - i;
  auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b0 < 0x80) return 1;
  if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && text::is_utf8_continuation(at(1)) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !text::is_utf8_continuation(at(1)) || !text::is_utf8_continuation(at(2)))
      return 0;
    if (b0 == 0xE0 && at(1) < 0xA0) return 0;
    if (b0 == 0xED && at(1) > 0x9F) return 0;
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !text::is_utf8_continuation(at(1)) || !text::is_utf8_continuation(at(2)) ||
        !text::is_utf8_continuation(at(3)))
      return 0;
    if (b0 == 0xF0 && at(1) < 0x90) return 0;
    if (b0 == 0xF4 && at(1) > 0x8F) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

std::string sanitize(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  std::size_t i = 0;
  while (i < line.size()) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out += ' ';
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(line, i);
    // C0 controls, DEL and the C1 controls (U+0080–U+009F) can move the
    // cursor or hide text in a terminal or a log viewer.
    const bool control = c < 0x20 || c == 0x7F ||
                         (n == 2 && c == 0xC2 && static_cast<unsigned char>(line[i + 1]) < 0xA0);
    if (n == 0 || control) {
      out += replacement;
      i += n == 0 ? 1 : n;
      continue;
    }
    out.append(line.substr(i, n));
    i += n;
  }
  return out;
}

std::string clip_around(std::string_view line, std::size_t at, std::size_t max_bytes) {
  std::size_t begin = 0;
  std::size_t end = line.size();
  if (line.size() > max_bytes) {
    // Keep some context before the match, most of the room after it: the
    // reason usually follows the place where a message starts to match.
    const std::size_t lead = max_bytes / 4;
    begin = at > lead ? at - lead : 0;
    if (begin + max_bytes > line.size()) begin = line.size() - max_bytes;
    end = begin + max_bytes;
    while (begin < line.size() && text::is_utf8_continuation(line[begin])) ++begin;
    // Start on a word when one starts nearby.
    for (std::size_t k = begin; k < at && k < begin + 16; ++k) {
      if (line[k] == ' ') {
        begin = k + 1;
        break;
      }
    }
    while (end > begin && end < line.size() && text::is_utf8_continuation(line[end])) {
      --end;
    }
  }
  std::string out;
  const std::string_view kept = text::trim(line.substr(begin, end - begin));
  if (begin > 0) out += "…";
  out += kept;
  if (end < line.size()) out += "…";
  return out;
}

}  // namespace smtpcheck::explaining
