#include "link/clean_text.h"

namespace smtpcheck::link_codec {
namespace {

constexpr bool is_continuation(unsigned char b) {
  return b >= 0x80 && b <= 0xbf;
}

// The length of the well-formed UTF-8 sequence starting at `i`, or 0. The
// ranges are RFC 3629 §4's: they exclude overlong forms, the surrogates
// U+D800–U+DFFF and anything above U+10FFFF.
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto at = [&](std::size_t k) -> unsigned char {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return is_continuation(at(1)) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const unsigned char lo = b0 == 0xe0 ? 0xa0 : 0x80;
    const unsigned char hi = b0 == 0xed ? 0x9f : 0xbf;
    return at(1) >= lo && at(1) <= hi && is_continuation(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const unsigned char lo = b0 == 0xf0 ? 0x90 : 0x80;
    const unsigned char hi = b0 == 0xf4 ? 0x8f : 0xbf;
    return at(1) >= lo && at(1) <= hi && is_continuation(at(2)) && is_continuation(at(3)) ? 4 : 0;
  }
  return 0;
}

}  // namespace

text_fault find_text_fault(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (b < 0x20 || b == 0x7f) return text_fault::control_character;
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return text_fault::invalid_utf8;
    // U+0080–U+009F (C1 controls) are C2 80 … C2 9F.
    if (b == 0xc2 && static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      return text_fault::control_character;
    }
    i += n;
  }
  return text_fault::none;
}

}  // namespace smtpcheck::link_codec
